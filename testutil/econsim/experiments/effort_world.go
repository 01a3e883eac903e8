package experiments

import (
	"fmt"
	"math/rand/v2"

	sdkmath "cosmossdk.io/math"

	"github.com/don-network/don/testutil/econsim"
	evaluationtypes "github.com/don-network/don/x/evaluation/types"
	optimatypes "github.com/don-network/don/x/optima/types"
	weightstypes "github.com/don-network/don/x/weights/types"
)

// The world of one effort run: four admitted models, one client per model
// paying one request per block at a max fee of 1, 2, 4 or 8 fee units, four
// evaluators with room for all of it, and honest optimizers.

const (
	effortModels = 4
	// effortFeeUnit is the least-demanded model's max fee (udon): demands
	// of 100,000 to 800,000 udon per block, 2 to 16 times the default d0.
	effortFeeUnit = 100_000
	// effortStepPerRun is the fraction of the gap to the target a
	// candidate moves, times the run's blocks: with about one accepted
	// optimum per model and block, no model gets much nearer its floor
	// within a run and headroom stays comparable (effort follows weight ×
	// headroom, not weight alone).
	effortStepPerRun = 0.05
	// effortMinImprovement lets such small steps be accepted, so models
	// keep improving slowly instead of stalling.
	effortMinImprovement = "0.0001"
	// effortEvalSamples: the law does not depend on verification noise,
	// and fewer units make each of the thousands of reveals cheaper (the
	// best optimum's measured loss, hence headroom, gets noisier: the
	// headroom check averages over runs).
	effortEvalSamples = 16
	// effortRate is each optimizer's commits per block: enough effort that
	// the least-weighted model's supply is well above the chooser's +1.
	effortRate = 3
)

// effortSetup is the size of a sweep: runs per scenario, blocks per run
// and optimizers.
type effortSetup struct {
	Runs, Blocks, Optimizers int
}

// measured is the number of blocks averaged: the second half.
func (s effortSetup) measured() int { return s.Blocks - s.Blocks/2 }

// effortModel is what one run measured on one model over the second half.
type effortModel struct {
	Demand, Weight, Supply, HeadroomStart, Headroom float64
	Commits                                         int
}

// run simulates one world of scenario sc.
func (s effortSetup) run(seed uint64, sc effortScenario) ([]effortModel, error) {
	w, err := econsim.New(econsim.Config{
		Seed: seed, Models: effortModels, ShuffleAgents: true, InvariantEvery: 10,
		Weights: func(g *weightstypes.GenesisState) {
			g.Params.Sigma = sdkmath.LegacyMustNewDecFromStr(sc.Sigma)
			g.Params.Epsilon = sdkmath.LegacyMustNewDecFromStr(sc.Epsilon)
			g.Params.D0 = sdkmath.LegacyMustNewDecFromStr(sc.D0)
			g.Params.S0 = sdkmath.LegacyMustNewDecFromStr(sc.S0)
		},
		Optima: func(g *optimatypes.GenesisState) {
			for i := range g.GenesisModels {
				g.GenesisModels[i].MinImprovement = sdkmath.LegacyMustNewDecFromStr(effortMinImprovement)
				g.GenesisModels[i].EvalSamples = effortEvalSamples
			}
		},
		// A flat price (M ≡ 1): a request settles at its auction price,
		// max_fee or one step below when claimed a block late, so demand is
		// the clients' fee rate up to that step.
		Evaluation: func(g *evaluationtypes.GenesisState) { g.Params.MMin = sdkmath.LegacyOneDec() },
	})
	if err != nil {
		return nil, err
	}
	defer w.Close()
	// Demand levels go to the models in a seeded order, so that what is
	// peculiar to one model (its initial loss, its target) does not line
	// up with demand in every run.
	order := rand.New(rand.NewPCG(seed, 0xeff0)).Perm(effortModels)
	for level, m := range order {
		a, err := w.NewAccount(fmt.Sprintf("client-%d", level), 1_000_000_000_000)
		if err != nil {
			return nil, err
		}
		w.Add(&econsim.Client{Acct: a, Model: uint64(m + 1), Rate: 1, MaxFee: effortFeeUnit << level, Rows: 1, Deadline: 20})
	}
	for i := range 4 {
		a, err := w.NewAccount(fmt.Sprintf("evaluator-%d", i), 1_000_000_000)
		if err != nil {
			return nil, err
		}
		w.Add(&econsim.Evaluator{Acct: a, Collateral: 500_000_000, Capacity: 40, MinPrice: 1, Reliability: 1})
	}
	var opts []*econsim.Optimizer
	for i := range s.Optimizers {
		a, err := w.NewAccount(fmt.Sprintf("optimizer-%d", i), 1_000_000_000)
		if err != nil {
			return nil, err
		}
		o := &econsim.Optimizer{Acct: a, Rate: effortRate, Step: effortStepPerRun / float64(s.Blocks)}
		opts = append(opts, o)
		w.Add(o)
	}
	commits := func() []int {
		c := make([]int, effortModels)
		for _, o := range opts {
			for m := range c {
				c[m] += o.Stats.PerModel[uint64(m+1)]
			}
		}
		return c
	}
	ms := make([]effortModel, effortModels)
	start := s.Blocks - s.measured()
	var before []int
	for b := range s.Blocks {
		if err := w.Step(); err != nil {
			return nil, err
		}
		if b == 0 {
			if err := effortObserve(w, ms, func(m *effortModel, _, _, _, h float64) { m.HeadroomStart = h }); err != nil {
				return nil, err
			}
		}
		if b == start-1 {
			before = commits()
		}
		if b < start {
			continue
		}
		if err := effortObserve(w, ms, func(m *effortModel, d, wt, sup, h float64) {
			m.Demand += d
			m.Weight += wt
			m.Supply += sup
			m.Headroom += h
		}); err != nil {
			return nil, err
		}
	}
	n := float64(s.measured())
	after := commits()
	for m := range ms {
		ms[m].Demand /= n
		ms[m].Weight /= n
		ms[m].Supply /= n
		ms[m].Headroom /= n
		ms[m].Commits = after[m] - before[m]
	}
	return ms, nil
}

// effortObserve reads each model's demand, weight, supply and headroom
// through the query servers and hands them to see.
func effortObserve(w *econsim.World, ms []effortModel, see func(m *effortModel, demand, weight, supply, headroom float64)) error {
	for i := range ms {
		id := uint64(i + 1)
		wr, err := w.Weight(id)
		if err != nil {
			return err
		}
		model, err := w.Model(id)
		if err != nil {
			return err
		}
		best, err := w.BestOptimum(id)
		if err != nil {
			return err
		}
		h, err := w.Headroom(model, best)
		if err != nil {
			return err
		}
		see(&ms[i], econsim.Float64(wr.Demand), econsim.Float64(wr.Weight), econsim.Float64(wr.Supply), h)
	}
	return nil
}
