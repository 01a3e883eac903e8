package econsim

import (
	"fmt"
	"math/rand/v2"

	optimatypes "github.com/don-network/don/x/optima/types"
)

// ModelSpammer is the model-spam attack of docs/economics.md: it registers
// an open model (anyone's model is open, never admitted) with all-zero
// initial parameters, paying x/optima's min_model_deposit, harvests its
// first improvements itself — the largest relative increments a model
// ever offers — for Life blocks at Rate commits per block (each candidate
// Step of the way from its latest vector to the target), retires it to get
// the deposit back once its commits are closed, and starts over with a new
// one. Its models copy the domain, config and verification settings of the
// admitted model Template, so Template's trained target is theirs too.
//
// An open model weighs only by paid demand, so without it the harvest is
// worth nothing. With Demand > 0 the spammer also buys that demand on its
// current model, as a SelfDealer (Collateral, Capacity) with requests of
// MaxFee, for the model's whole Life from its registration on, and starts
// harvesting only Warmup blocks later, once the demand filter has risen
// (the first improvements are the largest); it retires the model once the
// last of those requests has settled. From height Stop on (0: never) it
// registers no new model and stops the current one's harvest. Rng, if
// set, is the self-dealer's own stream (SelfDealer.Rng).
type ModelSpammer struct {
	Acct       Account
	Template   uint64
	Life       int64
	Warmup     int64
	Rate       float64
	Step       float64
	Demand     int64
	MaxFee     int64
	Collateral int64
	Capacity   uint32
	Stop       int64
	Rng        *rand.Rand

	// Dealer buys the demand (Demand > 0); built at the first model.
	Dealer *SelfDealer

	current uint64
	born    int64
	pending []Pending
	Stats   ModelSpamStats
}

// ModelSpamStats counts a spammer's models and harvest.
type ModelSpamStats struct {
	Models, Retired, Commits, Accepted, Rejected int
	// Increment and Work are the sums over its accepted optima.
	Increment, Work float64
}

// Act reveals what is due, deals, harvests, and retires or registers.
func (s *ModelSpammer) Act(w *World) error {
	var revealErr error
	s.pending = w.RevealDue(s.Acct, s.pending, func(p Pending, res *optimatypes.MsgRevealOptimumResponse, err error) {
		if err != nil || !res.Accepted {
			s.Stats.Rejected++
			return
		}
		s.Stats.Accepted++
		s.Stats.Increment += Float64(res.Increment)
		if revealErr == nil {
			var work float64
			work, revealErr = w.OptimumWork(p.ModelID, res.OptimumId)
			s.Stats.Work += work
		}
	})
	if revealErr != nil {
		return revealErr
	}
	stopped := s.Stop > 0 && w.Height() >= s.Stop
	if s.current == 0 {
		if stopped {
			return nil
		}
		return s.register(w)
	}
	living := !stopped && w.Height() < s.born+s.Life
	if err := s.deal(w, living); err != nil {
		return err
	}
	if living {
		if w.Height() < s.born+s.Warmup {
			return nil
		}
		return s.harvest(w)
	}
	if len(s.pending) > 0 || (s.Dealer != nil && s.Dealer.Busy()) {
		return nil
	}
	if _, err := Deliver(w, w.OptimaMsg.RetireModel, &optimatypes.MsgRetireModel{Signer: s.Acct.Bech, ModelId: s.current}); err != nil {
		return fmt.Errorf("spammer retiring its model %d: %w", s.current, err)
	}
	s.Stats.Retired++
	s.current = 0
	return nil
}

// Busy tells whether it still has a model, a commit or a request open.
func (s *ModelSpammer) Busy() bool {
	return s.current != 0 || len(s.pending) > 0 || (s.Dealer != nil && s.Dealer.Busy())
}

// register opens a new model like Template, with the least deposit and bond.
func (s *ModelSpammer) register(w *World) error {
	tmpl, err := w.Model(s.Template)
	if err != nil {
		return err
	}
	p, err := w.OptimaParams()
	if err != nil {
		return err
	}
	res, err := Deliver(w, w.OptimaMsg.RegisterModel, &optimatypes.MsgRegisterModel{
		Creator: s.Acct.Bech, Name: fmt.Sprintf("spam-%d", s.Stats.Models), Domain: tmpl.Domain, Config: tmpl.Config,
		EvalSamples: tmpl.EvalSamples, MinImprovement: tmpl.MinImprovement, SeedBlocks: tmpl.SeedBlocks,
		RevealWindow: tmpl.RevealWindow, CommitBond: p.MinCommitBond, Deposit: p.MinModelDeposit,
	})
	if err != nil {
		return nil //nolint:nilerr // cannot pay the deposit: it stops spamming
	}
	s.current, s.born = res.ModelId, w.Height()
	s.Stats.Models++
	return nil
}

// deal buys demand on the current model while it lives (and answers
// what it claimed until everything settled).
func (s *ModelSpammer) deal(w *World, living bool) error {
	if s.Demand <= 0 {
		return nil
	}
	if s.Dealer == nil {
		s.Dealer = &SelfDealer{Acct: s.Acct, Budget: s.Demand, MaxFee: s.MaxFee, Rows: 1, Deadline: 10,
			Collateral: s.Collateral, Capacity: s.Capacity, Rng: s.Rng}
	}
	s.Dealer.Model = 0
	if living {
		s.Dealer.Model = s.current
	}
	return s.Dealer.Act(w)
}

// harvest commits this block's candidates on the current model.
func (s *ModelSpammer) harvest(w *World) error {
	n := int(s.Rate)
	if w.Rng.Float64() < s.Rate-float64(n) {
		n++
	}
	if n == 0 {
		return nil
	}
	tmpl, err := w.Model(s.Template)
	if err != nil {
		return err
	}
	target, err := w.Target(tmpl)
	if err != nil {
		return err
	}
	best, err := w.BestOptimum(s.current)
	if err != nil {
		return err
	}
	base := best.Params
	for _, p := range s.pending {
		if p.ModelID == s.current {
			base = p.Params
		}
	}
	for i := 0; i < n; i++ {
		cand := Toward(base, target, s.Step)
		p, err := w.Commit(s.Acct, s.current, cand)
		if err != nil {
			return nil //nolint:nilerr // no bond left: an outcome
		}
		s.Stats.Commits++
		s.pending = append(s.pending, p)
		base = cand
	}
	return nil
}
