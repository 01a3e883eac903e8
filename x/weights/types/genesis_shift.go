package types

// ShiftHeights moves every height of the state by delta. A zero-height
// export moves the state back by the last height of the old chain, so the
// restarted chain, which starts at height 1, sees each filter as many
// blocks old as before (docs/upgrades.md); heights before the restart
// become zero or negative, which is why last_height may be negative.
func (gs *GenesisState) ShiftHeights(delta int64) {
	for i := range gs.Models {
		gs.Models[i].LastHeight += delta
	}
	gs.Backlog.LastHeight += delta
}
