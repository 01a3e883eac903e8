package econsim

// Settle ends an attack cleanly for accounting: it steps the world until
// busy reports false (the agent's commits revealed or expired, its
// requests final) and then until the open round closes, so the work of
// its last blocks is paid too, at most maxBlocks blocks in all. It returns
// the blocks stepped and whether both happened within the limit.
func (w *World) Settle(busy func() bool, maxBlocks int) (int, bool, error) {
	n := 0
	for busy() {
		if n >= maxBlocks {
			return n, false, nil
		}
		if err := w.Step(); err != nil {
			return n, false, err
		}
		n++
	}
	st, err := w.MintStatus()
	if err != nil {
		return n, false, err
	}
	open := st.Minter.Round
	for {
		st, err := w.MintStatus()
		if err != nil {
			return n, false, err
		}
		if st.Minter.Round > open {
			return n, true, nil
		}
		if n >= maxBlocks {
			return n, false, nil
		}
		if err := w.Step(); err != nil {
			return n, false, err
		}
		n++
	}
}
