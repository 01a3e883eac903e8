package types

// ShiftHeights moves every height of the state by delta. A zero-height
// export moves the state back by the last height of the old chain, so the
// restarted chain, which starts at height 1, keeps the open round's start
// and the history in one numbering (docs/upgrades.md); heights before the
// restart become zero or negative. Round durations use block time, which
// a restart keeps.
func (gs *GenesisState) ShiftHeights(delta int64) {
	gs.Minter.RoundStartHeight += delta
	for i := range gs.Rounds {
		gs.Rounds[i].StartHeight += delta
		gs.Rounds[i].CloseHeight += delta
	}
}
