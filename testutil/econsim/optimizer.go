package econsim

import (
	sdkmath "cosmossdk.io/math"

	"github.com/don-network/don/x/optima/client/agent"
	optimatypes "github.com/don-network/don/x/optima/types"
)

// Optimizer is an honest optimizer. Its effort budget is Rate commits per
// block (the fraction as a probability). For each commit it picks the model
// with the best expected reward per unit of effort, weight × headroom /
// (S + s0 + its own pending commits there), where S is the model's public
// supply filter: effort already spent on a model shares its headroom. Its
// candidate moves the best vector (or its own latest pending one on that
// model) Step of the way towards the model's target, so its improvements
// shrink as the model nears its floor. With GateSeeds > 0 it first checks
// the candidate with the chain's verification on that many local seeds
// (the dond optimizer's gate) and commits only if every seed accepts.
type Optimizer struct {
	Acct      Account
	Rate      float64
	Step      float64
	Models    []uint64 // models it may work on; empty: every active model
	GateSeeds int

	Pending []Pending
	Stats   OptimizerStats
}

// OptimizerStats counts an optimizer's outcomes.
type OptimizerStats struct {
	Commits, Reveals, Accepted, Rejected, Gated int
	// PerModel counts commits by model id.
	PerModel map[uint64]int
}

// Act reveals what is due, then spends this block's effort.
func (o *Optimizer) Act(w *World) error {
	o.Pending = w.RevealDue(o.Acct, o.Pending, func(_ Pending, res *optimatypes.MsgRevealOptimumResponse, err error) {
		o.Stats.Reveals++
		if err == nil && res.Accepted {
			o.Stats.Accepted++
		} else {
			o.Stats.Rejected++
		}
	})
	n := int(o.Rate)
	if w.Rng.Float64() < o.Rate-float64(n) {
		n++
	}
	for i := 0; i < n; i++ {
		if err := o.commitOne(w); err != nil {
			return err
		}
	}
	return nil
}

// choice is a model with what the optimizer knows of it.
type choice struct {
	model optimatypes.Model
	base  []int64
	score float64
}

func (o *Optimizer) commitOne(w *World) error {
	c, ok, err := o.choose(w)
	if err != nil || !ok {
		return err
	}
	target, err := w.Target(c.model)
	if err != nil {
		return err
	}
	cand := Toward(c.base, target, o.Step)
	if o.GateSeeds > 0 {
		pass, err := o.gate(w, c.model, c.base, cand)
		if err != nil {
			return err
		}
		if !pass {
			o.Stats.Gated++
			return nil
		}
	}
	p, err := w.Commit(o.Acct, c.model.Id, cand)
	if err != nil {
		return nil //nolint:nilerr // a refused commit (no bond left, retired model) is an outcome
	}
	o.Stats.Commits++
	if o.Stats.PerModel == nil {
		o.Stats.PerModel = map[uint64]int{}
	}
	o.Stats.PerModel[c.model.Id]++
	o.Pending = append(o.Pending, p)
	return nil
}

// choose picks the model with the best weight × headroom / (S + s0 + own
// pending); ties go to the lower id.
func (o *Optimizer) choose(w *World) (choice, bool, error) {
	models, err := o.candidates(w)
	if err != nil {
		return choice{}, false, err
	}
	var best choice
	found := false
	for _, m := range models {
		opt, err := w.BestOptimum(m.Id)
		if err != nil {
			return choice{}, false, err
		}
		base, own := opt.Params, 0.0
		for _, p := range o.Pending {
			if p.ModelID == m.Id {
				base, own = p.Params, own+1
			}
		}
		head, err := w.Headroom(m, opt)
		if err != nil {
			return choice{}, false, err
		}
		wr, err := w.Weight(m.Id)
		if err != nil {
			return choice{}, false, err
		}
		weight, s := Float64(wr.Weight), Float64(wr.Supply)
		score := weight * head / (s + 1 + own)
		if score > 0 && (!found || score > best.score) {
			best, found = choice{model: m, base: base, score: score}, true
		}
	}
	return best, found, nil
}

func (o *Optimizer) candidates(w *World) ([]optimatypes.Model, error) {
	if len(o.Models) == 0 {
		return w.ActiveModels()
	}
	out := make([]optimatypes.Model, 0, len(o.Models))
	for _, id := range o.Models {
		m, err := w.Model(id)
		if err != nil {
			return nil, err
		}
		if m.Status == optimatypes.MODEL_STATUS_ACTIVE {
			out = append(out, m)
		}
	}
	return out, nil
}

// gate is the dond optimizer's local check on GateSeeds seeds from the
// world's generator, with a margin of one standard error.
func (o *Optimizer) gate(w *World, m optimatypes.Model, base, cand []int64) (bool, error) {
	p, err := w.OptimaParams()
	if err != nil {
		return false, err
	}
	seeds := make([][32]byte, o.GateSeeds)
	for i := range seeds {
		for j := range seeds[i] {
			seeds[i][j] = byte(w.Rng.Uint32())
		}
	}
	res, err := agent.Gate(p, m, base, cand, seeds, sdkmath.LegacyOneDec())
	if err != nil {
		return false, err
	}
	return res.Pass, nil
}
