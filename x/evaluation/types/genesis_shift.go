package types

// ShiftHeights moves every height of the state by delta. A zero-height
// export moves the state back by the last height of the old chain, so the
// restarted chain, which starts at height 1, keeps every auction, deadline,
// challenge window, suspension and unbonding as many blocks away as before
// (docs/upgrades.md). Heights before the restart become zero or negative,
// with two exceptions: a height of 0 means "none" (not queued, not
// unbonding, never failed) and stays 0, and a queue height that falls to
// 0 or below (an item overdue at the export) becomes 1, due in the first
// block, since 0 would mean "not queued".
func (gs *GenesisState) ShiftHeights(delta int64) {
	shift := func(h int64) int64 {
		if h == 0 {
			return 0
		}
		return h + delta
	}
	due := func(h int64) int64 {
		if h == 0 {
			return 0
		}
		return max(1, h+delta)
	}
	for i := range gs.Evaluators {
		ev := &gs.Evaluators[i]
		ev.UnbondingHeight = due(ev.UnbondingHeight)
		ev.LastFailureHeight = shift(ev.LastFailureHeight)
	}
	for i := range gs.Requests {
		r := &gs.Requests[i]
		r.Deadline = shift(r.Deadline)
		r.CreatedHeight = shift(r.CreatedHeight)
		r.AuctionStart = shift(r.AuctionStart)
		r.ClaimHeight = shift(r.ClaimHeight)
		r.SubmitHeight = shift(r.SubmitHeight)
		r.DueHeight = due(r.DueHeight)
	}
	for i := range gs.FailedItems {
		it := &gs.FailedItems[i]
		it.DueHeight = due(it.DueHeight)
		it.FailedHeight = max(it.DueHeight, it.FailedHeight+delta)
		it.RetryHeight = max(it.FailedHeight+1, it.RetryHeight+delta)
	}
}
