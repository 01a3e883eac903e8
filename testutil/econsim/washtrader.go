package econsim

// WashTrader is the wash-trading attack of docs/economics.md: an evaluator
// that is its own client. Its SelfDealer pays for requests on a model,
// claims them itself and answers them correctly, hoping that the evaluator
// pool it earns (evaluator work = burned × reputation) exceeds what each
// request costs it: the burn, plus the royalty when the pinned optimum is
// someone else's. With Optimizer set (the same account), it also works on
// the models as an honest optimizer, so that its own optimum is often the
// pinned one and even the royalty comes back; its profit must then be
// measured against that optimizer playing alone (see WeightBuyer, which
// sizes the same self-dealing to move a weight). SelfDealer.Stop stops
// the optimizer's new commits too.
type WashTrader struct {
	SelfDealer
	Optimizer *Optimizer
}

// Act lets the optimizer (if any) act, then deals.
func (t *WashTrader) Act(w *World) error {
	if t.Optimizer != nil {
		if t.stopped(w) {
			t.Optimizer.Rate = 0 // reveals what it committed, commits nothing new
		}
		if err := t.Optimizer.Act(w); err != nil {
			return err
		}
	}
	return t.SelfDealer.Act(w)
}

// Busy tells whether some of its requests or commits are still open.
func (t *WashTrader) Busy() bool {
	return t.SelfDealer.Busy() || (t.Optimizer != nil && len(t.Optimizer.Pending) > 0)
}
