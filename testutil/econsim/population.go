package econsim

// Population is a pool of optimizers of which only the first Active are at
// work: each active one commits Rate times per block, the others make no
// new commit (their Rate is 0 for the block) but still reveal what they
// committed while active, so leaving costs no bond. An experiment changes
// Active between blocks to make optimizers arrive and leave; the work the
// pool offers then scales with Active, as long as the optimizers do not
// compete for the same models (give each its own Models).
type Population struct {
	Optimizers []*Optimizer
	Rate       float64
	Active     int

	// Offered is Σ over blocks of Rate × Active: the commits the active
	// optimizers were due so far. Stats.Commits falls short of it only
	// when an optimizer found no model worth a commit (or its commit was
	// refused), i.e. when the pool ran out of work.
	Offered float64
}

// Act lets every optimizer of the pool act, the active ones at Rate.
func (p *Population) Act(w *World) error {
	active := min(max(p.Active, 0), len(p.Optimizers))
	p.Offered += p.Rate * float64(active)
	for i, o := range p.Optimizers {
		o.Rate = 0
		if i < active {
			o.Rate = p.Rate
		}
		if err := o.Act(w); err != nil {
			return err
		}
	}
	return nil
}

// Commits is the number of commits the pool's optimizers made.
func (p *Population) Commits() int {
	n := 0
	for _, o := range p.Optimizers {
		n += o.Stats.Commits
	}
	return n
}
