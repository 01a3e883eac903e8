package experiments

import (
	"fmt"
	"math"
	"strconv"

	sdkmath "cosmossdk.io/math"

	"gonum.org/v1/plot/plotter"

	"github.com/don-network/don/testutil/econsim"
	evaluationtypes "github.com/don-network/don/x/evaluation/types"
)

// load: do evaluators' loads settle near the load curve's optimum B? The
// personalised price p_e = min(max_fee, p(h)·M(load, rep)) is highest at
// load B (docs/evaluation.md, "Personalised price"), so evaluators at a
// healthy load should see the best prices and take the work. Thirty
// evaluators of different capacities and price floors serve clients
// paying a spread of max fees, once priced by the chain's default load
// curve and once by a flat control (m_min = 1: M ≡ 1, so load cannot
// change who takes what). Loads are compared, and every claim's price is
// recorded with the claimer's load and reputation.
func init() {
	econsim.Register(econsim.Experiment{
		Name:    "load",
		Summary: "evaluators' loads under the load curve vs a flat price, and price vs load and reputation (docs/evaluation.md)",
		Run:     runLoad,
	})
}

const (
	// loadB is the default curve's optimum (docs/params.md).
	loadB = 0.6
	// loadMargin: with the curve, the mean distance of loads from B must
	// be at most this fraction of the control's, a clear improvement.
	loadMargin = 0.8
	// loadMedianTolerance: the median load must be within this of B.
	loadMedianTolerance = 0.15
)

// loadPopulation: capacities 6…14 and floors 40,000…90,000 udon (every
// pair), clients paying 60,000…140,000 udon; about 15 requests per block
// keep the average load near 0.55 (each job is open ≈ 11 blocks: claim,
// submission, the challenge window).
var loadPopulation = loadSetup{
	Evaluators: 30,
	Capacities: []uint32{6, 8, 10, 12, 14},
	Floors:     []int64{40_000, 50_000, 60_000, 70_000, 80_000, 90_000},
	Fees:       []int64{60_000, 70_000, 80_000, 90_000, 100_000, 110_000, 120_000, 130_000, 140_000},
	Rate:       1.65,
}

// loadArms: the chain's default pricing, the flat control, and the
// default curve without its idle penalty (A 0, C −1: f = 1 below B, so an
// idle evaluator sees the price of one at B; only overload is priced), to
// tell the curve's shape from the claiming mechanism. The criteria judge
// the defaults; the third arm is data.
var loadArms = []loadPricing{{Name: "curve"}, {Name: "control", MMin: "1"}, {Name: "no idle penalty", Curve: loadNoIdlePenalty()}}

// loadNoIdlePenalty is the default curve with f = 1 on [0, B).
func loadNoIdlePenalty() *evaluationtypes.LoadCurve {
	c := evaluationtypes.DefaultLoadCurve()
	c.A, c.C = sdkmath.LegacyZeroDec(), sdkmath.LegacyNewDec(-1)
	return &c
}

func runLoad(o econsim.Options) (*econsim.Result, error) {
	setup := loadPopulation
	setup.Blocks, setup.Warmup = econsim.Pick(o, 200, 500), econsim.Pick(o, 60, 100)
	res := &econsim.Result{Table: econsim.NewTable(
		"run", "seed", "arm", "evaluator", "capacity", "floor_udon", "mean_load", "reputation_end",
		"claims", "mean_price_ratio", "mean_claim_load", "mean_claim_reputation")}
	sw, err := setup.sweep(o, res.Table)
	if err != nil {
		return nil, err
	}
	curve, control, noIdle := loadDistance(sw.Loads[0]), loadDistance(sw.Loads[1]), loadDistance(sw.Loads[2])
	// A known gap (docs/economics.md, "Load"): claims go to whoever claims
	// first at a price above its floor, so the personalised price filters
	// evaluators but does not rank them, and the curve spreads loads.
	res.Gap(fmt.Sprintf("loads cluster near B = %.1f: mean |load − B| with the curve ≤ %.1f × the flat control's", loadB, loadMargin),
		curve <= loadMargin*control,
		"curve %.3f vs control %.3f (ratio %.2f; no idle penalty %.3f); evaluators without a claim: curve %d, control %d, no idle penalty %d; requests claimed: curve %d of %d, control %d of %d",
		curve, control, curve/control, noIdle, sw.Idle[0], sw.Idle[1], sw.Idle[2], sw.Claimed[0], sw.Sent[0], sw.Claimed[1], sw.Sent[1])
	med := econsim.Median(sw.Loads[0])
	res.Check(fmt.Sprintf("median time-averaged load with the curve within ±%.2f of B", loadMedianTolerance),
		math.Abs(med-loadB) <= loadMedianTolerance,
		"median %.3f (control %.3f, no idle penalty %.3f), B %.1f", med, econsim.Median(sw.Loads[1]), econsim.Median(sw.Loads[2]), loadB)
	res.Plot = &econsim.Figure{Panels: []econsim.Panel{loadHistogramPanel(sw.Loads), loadPricePanel(sw.CurveClaims)}}
	return res, nil
}

// loadSweep is what the runs measured, per arm (loadArms' order): every
// evaluator's time-averaged load, the evaluators that never claimed, the
// requests sent and claimed; and the claims of the default curve's arm.
type loadSweep struct {
	Loads               [][]float64
	Idle, Sent, Claimed []int
	CurveClaims         []econsim.ClaimRecord
}

// sweep runs every arm over the seeds and adds a table row per run × arm ×
// evaluator.
func (s loadSetup) sweep(o econsim.Options, table *econsim.Table) (loadSweep, error) {
	n := len(loadArms)
	sw := loadSweep{Loads: make([][]float64, n), Idle: make([]int, n), Sent: make([]int, n), Claimed: make([]int, n)}
	for r := range o.RunsOr(1, 3) {
		seed := o.Seed + uint64(r)
		for a, arm := range loadArms {
			out, err := s.run(seed, arm)
			if err != nil {
				return sw, fmt.Errorf("%s, seed %d: %w", arm.Name, seed, err)
			}
			if out.Inexact > 0 {
				return sw, fmt.Errorf("%s, seed %d: %d claims priced unlike the replay of the chain's rule", arm.Name, seed, out.Inexact)
			}
			claimLoad, claimRep := loadClaimMeans(out)
			for i, e := range out.Evaluators {
				table.Add(r, seed, arm.Name, i, e.Capacity, e.Floor, e.Load, e.Reputation,
					e.Claims, e.PriceRatio, claimLoad[i], claimRep[i])
				sw.Loads[a] = append(sw.Loads[a], e.Load)
				if e.Claims == 0 {
					sw.Idle[a]++
				}
			}
			sw.Sent[a] += out.Sent
			sw.Claimed[a] += out.Claimed
			if a == 0 {
				sw.CurveClaims = append(sw.CurveClaims, out.Claims...)
			}
			o.Logf("load %s seed %d: median load %.3f, mean |load − B| %.3f, %d of %d requests claimed",
				arm.Name, seed, econsim.Median(out.loads()), loadDistance(out.loads()), out.Claimed, out.Sent)
		}
	}
	return sw, nil
}

// loads are the run's time-averaged loads, one per evaluator.
func (r *loadRunResult) loads() []float64 {
	out := make([]float64, len(r.Evaluators))
	for i, e := range r.Evaluators {
		out[i] = e.Load
	}
	return out
}

// loadDistance is the mean |load − B|.
func loadDistance(loads []float64) float64 {
	d := make([]float64, len(loads))
	for i, l := range loads {
		d[i] = math.Abs(l - loadB)
	}
	return econsim.Mean(d)
}

// loadClaimMeans are each evaluator's mean load and reputation at its
// claims (NaN without a claim).
func loadClaimMeans(r *loadRunResult) (load, rep []float64) {
	n := make([]int, len(r.Evaluators))
	load, rep = make([]float64, len(r.Evaluators)), make([]float64, len(r.Evaluators))
	for _, c := range r.Claims {
		n[c.Evaluator]++
		load[c.Evaluator] += c.Load
		rep[c.Evaluator] += c.Reputation
	}
	for i := range n {
		load[i] /= float64(n[i])
		rep[i] /= float64(n[i])
	}
	return load, rep
}

// loadHistogramPanel is the share of evaluators per load bin of 0.1, curve
// against control, with B dashed.
func loadHistogramPanel(loads [][]float64) econsim.Panel {
	p := econsim.Panel{Title: "Time-averaged evaluator loads", X: "load (open / capacity)", Y: "share of evaluators per 0.1 of load"}
	top := 0.0
	for a, ls := range loads {
		var bins [10]float64
		for _, l := range ls {
			bins[min(int(l*10), 9)]++
		}
		xy := make(plotter.XYs, len(bins))
		for i, b := range bins {
			xy[i] = plotter.XY{X: (float64(i) + 0.5) / 10, Y: b / float64(len(ls))}
			top = max(top, xy[i].Y)
		}
		p.Series = append(p.Series, econsim.Series{Name: loadArms[a].Name, XY: xy})
	}
	p.Series = append(p.Series, econsim.Series{Name: fmt.Sprintf("B = %.1f", loadB), XY: plotter.XYs{{X: loadB, Y: 0}, {X: loadB, Y: top}}, Dashed: true})
	return p
}

// loadPricePanel is every claim's price / max_fee against the claimer's
// load under the curve, split by reputation, with the multiplier
// M(load, rep) of the default params for rep 0.5 (a newcomer) and 1.
func loadPricePanel(claims []econsim.ClaimRecord) econsim.Panel {
	p := econsim.Panel{Title: "Claim price vs claimer's load (default curve)", X: "claimer's load at the claim (open / capacity)", Y: "price / max_fee"}
	var low, high plotter.XYs
	for _, c := range claims {
		pt := plotter.XY{X: c.Load, Y: c.Price / c.MaxFee}
		if c.Reputation < 0.75 {
			low = append(low, pt)
		} else {
			high = append(high, pt)
		}
	}
	for _, s := range []econsim.Series{
		{Name: "claims, reputation < 0.75", XY: low, Points: true},
		{Name: "claims, reputation ≥ 0.75", XY: high, Points: true},
	} {
		if len(s.XY) > 0 {
			p.Series = append(p.Series, s)
		}
	}
	for _, rep := range []float64{0.5, 1} {
		p.Series = append(p.Series, econsim.Series{Name: fmt.Sprintf("M(load, rep %.1f)", rep), XY: loadMultiplierCurve(rep)})
	}
	return p
}

// loadMultiplierCurve is the chain's M(load, rep) under the default params
// for loads 0…1.
func loadMultiplierCurve(rep float64) plotter.XYs {
	params := evaluationtypes.DefaultParams()
	r := sdkmath.LegacyMustNewDecFromStr(strconv.FormatFloat(rep, 'f', 2, 64))
	var xy plotter.XYs
	for i := 0; i <= 50; i++ {
		load := sdkmath.LegacyNewDec(int64(i)).QuoInt64(50)
		xy = append(xy, plotter.XY{X: float64(i) / 50, Y: econsim.Float64(params.Multiplier(load, r))})
	}
	return xy
}
