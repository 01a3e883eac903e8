package econsim

import (
	optimatypes "github.com/don-network/don/x/optima/types"
)

// Splitter is the splitting attack of docs/economics.md: it takes one
// improvement of Model — from the best vector B to G = Toward(B, target,
// Frac) — and reveals it as Steps smaller ones, committing the k = Steps
// intermediate vectors Toward(B, G, i/k), i = 1…k, in one block (at
// height At, or its first block if At is 0) and revealing them in order
// in the first block of their reveal window, so that each is measured
// against the one before. Steps = 1 is the honest play: one commit of G.
// With the increment −ln(1 − lcb/L_inc) the k steps should earn what the
// one step earns, ln(L_B/L_G), below the max_increment cap
// (docs/optima.md "Increment and work").
type Splitter struct {
	Acct  Account
	Model uint64
	Frac  float64
	Steps int
	At    int64

	started bool
	pending []Pending
	Stats   SplitStats
}

// SplitStats is what a splitter's reveals earned.
type SplitStats struct {
	Committed, Accepted, Rejected int
	// Increment and Work are the sums over its accepted optima; OldRatio
	// is Σ lcb/L_inc, what the same reveals would have earned under the
	// earlier increment rule (the ratio, not its logarithm).
	Increment, Work, OldRatio float64
}

// Done tells whether all its steps were committed and revealed.
func (s *Splitter) Done() bool { return s.started && len(s.pending) == 0 }

// Act commits the steps at its height and reveals them when due.
func (s *Splitter) Act(w *World) error {
	if !s.started && (s.At == 0 || w.Height() >= s.At) {
		s.started = true
		return s.commit(w)
	}
	var err error
	s.pending = w.RevealDue(s.Acct, s.pending, func(p Pending, res *optimatypes.MsgRevealOptimumResponse, rerr error) {
		if rerr != nil || !res.Accepted {
			s.Stats.Rejected++
			return
		}
		s.Stats.Accepted++
		s.Stats.Increment += Float64(res.Increment)
		if l := Float64(res.IncumbentLoss); l > 0 {
			s.Stats.OldRatio += Float64(res.Lcb) / l
		}
		if err == nil {
			var work float64
			work, err = w.OptimumWork(p.ModelID, res.OptimumId)
			s.Stats.Work += work
		}
	})
	return err
}

func (s *Splitter) commit(w *World) error {
	m, err := w.Model(s.Model)
	if err != nil {
		return err
	}
	target, err := w.Target(m)
	if err != nil {
		return err
	}
	best, err := w.BestOptimum(s.Model)
	if err != nil {
		return err
	}
	goal := Toward(best.Params, target, s.Frac)
	k := max(s.Steps, 1)
	for i := 1; i <= k; i++ {
		p, err := w.Commit(s.Acct, s.Model, Toward(best.Params, goal, float64(i)/float64(k)))
		if err != nil {
			return nil //nolint:nilerr // no bond left: an outcome
		}
		s.Stats.Committed++
		s.pending = append(s.pending, p)
	}
	return nil
}
