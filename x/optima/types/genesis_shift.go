package types

// ShiftHeights moves every height of the state by delta. A zero-height
// export moves the state back by the last height of the old chain, so the
// restarted chain, which starts at height 1, keeps every commit's reveal
// window and the beacons they are verified with (docs/upgrades.md);
// heights before the restart become zero or negative.
func (gs *GenesisState) ShiftHeights(delta int64) {
	for i := range gs.Models {
		gs.Models[i].CreatedHeight += delta
	}
	for i := range gs.Optima {
		gs.Optima[i].Height += delta
	}
	for i := range gs.Commits {
		c := &gs.Commits[i]
		c.Height += delta
		c.RevealFrom += delta
		c.RevealUntil += delta
	}
	for i := range gs.Beacons {
		gs.Beacons[i].Height += delta
	}
}
