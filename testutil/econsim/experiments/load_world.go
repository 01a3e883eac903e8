package experiments

import (
	"fmt"

	sdkmath "cosmossdk.io/math"

	"github.com/don-network/don/testutil/econsim"
	evaluationtypes "github.com/don-network/don/x/evaluation/types"
)

// The world of one load run: one admitted model, clients paying a spread
// of max fees, and evaluators of different capacities and price floors
// who claim what the dond evaluator's plan takes at their floor. The curve
// run prices with the chain's load curve; the control with M ≡ 1
// (m_min = 1), so that load cannot change who sees which price.

// loadSetup is the population and length of a run.
type loadSetup struct {
	Blocks, Warmup int
	// Capacities and Floors (udon) of the evaluators, cycled over
	// Evaluators: every capacity meets every floor.
	Evaluators int
	Capacities []uint32
	Floors     []int64
	// Fees (udon) of the clients, each sending Rate requests per block.
	Fees []int64
	Rate float64
}

// loadEvaluator is what one run measured of one evaluator after warm-up.
type loadEvaluator struct {
	Capacity   uint32
	Floor      int64
	Load       float64 // time-averaged open / capacity
	Reputation float64 // at the end
	Claims     int
	PriceRatio float64 // mean price / max_fee of its claims
}

// loadRunResult is one run: its evaluators and every claim after warm-up.
type loadRunResult struct {
	Evaluators []loadEvaluator
	Claims     []econsim.ClaimRecord
	// Samples are every evaluator's load at every block start after
	// warm-up (evaluator-blocks).
	Samples []float64
	// Inexact counts claims whose price the replay did not reproduce.
	Inexact int
	// Requests sent and claimed.
	Sent, Claimed int
}

// loadPricing is the personalised price of an arm: m_min and the load
// curve (nil: the chain's defaults).
type loadPricing struct {
	Name  string
	MMin  string
	Curve *evaluationtypes.LoadCurve
}

// run simulates one world priced by p.
func (s loadSetup) run(seed uint64, p loadPricing) (*loadRunResult, error) {
	w, err := econsim.New(econsim.Config{
		Seed: seed, Models: 1, ShuffleAgents: true, InvariantEvery: 10,
		Evaluation: func(g *evaluationtypes.GenesisState) {
			if p.MMin != "" {
				g.Params.MMin = sdkmath.LegacyMustNewDecFromStr(p.MMin)
			}
			if p.Curve != nil {
				g.Params.LoadCurve = *p.Curve
			}
		},
	})
	if err != nil {
		return nil, err
	}
	defer w.Close()
	var clients []*econsim.Client
	for i, fee := range s.Fees {
		a, err := w.NewAccount(fmt.Sprintf("client-%d", i), 1_000_000_000_000)
		if err != nil {
			return nil, err
		}
		c := &econsim.Client{Acct: a, Model: 1, Rate: s.Rate, MaxFee: fee, Rows: 1, Deadline: 30}
		clients = append(clients, c)
		w.Add(c)
	}
	var accts []econsim.Account
	out := &loadRunResult{Evaluators: make([]loadEvaluator, s.Evaluators)}
	for i := range s.Evaluators {
		a, err := w.NewAccount(fmt.Sprintf("evaluator-%02d", i), 1_000_000_000)
		if err != nil {
			return nil, err
		}
		capacity := s.Capacities[i%len(s.Capacities)]
		floor := s.Floors[(i/len(s.Capacities))%len(s.Floors)]
		accts = append(accts, a)
		out.Evaluators[i] = loadEvaluator{Capacity: capacity, Floor: floor}
		w.Add(&econsim.Evaluator{Acct: a, Collateral: 500_000_000, Capacity: capacity, MinPrice: floor, Reliability: 1})
	}
	log := econsim.NewClaimLog(accts)
	samples := 0
	for b := range s.Blocks {
		if err := w.Step(); err != nil {
			return nil, err
		}
		if err := log.Observe(w); err != nil {
			return nil, err
		}
		if b < s.Warmup {
			continue
		}
		samples++
		evs, found := log.Evaluators()
		for i, ev := range evs {
			if found[i] {
				l := econsim.Float64(ev.Load())
				out.Evaluators[i].Load += l
				out.Samples = append(out.Samples, l)
				out.Evaluators[i].Reputation = econsim.Float64(ev.Reputation)
			}
		}
	}
	for i := range out.Evaluators {
		out.Evaluators[i].Load /= float64(samples)
	}
	for _, c := range log.Records {
		if c.Height <= int64(s.Warmup)+1 {
			continue
		}
		out.Claims = append(out.Claims, c)
		e := &out.Evaluators[c.Evaluator]
		e.Claims++
		e.PriceRatio += c.Price / c.MaxFee
		if !c.Exact {
			out.Inexact++
		}
	}
	for i := range out.Evaluators {
		if n := out.Evaluators[i].Claims; n > 0 {
			out.Evaluators[i].PriceRatio /= float64(n)
		}
	}
	for _, c := range clients {
		out.Sent += c.Stats.Sent
	}
	out.Claimed = len(log.Records)
	return out, nil
}
