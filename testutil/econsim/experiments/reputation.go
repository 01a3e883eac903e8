package experiments

// reputation: does an evaluator's reputation settle where
// docs/evaluation.md#reputation says, α_ok·q / (α_ok·q + α_fail·(1 − q))
// for a success rate q?
//
// Setup. One world per run with one client per evaluator and one evaluator
// per q of the grid; each evaluator answers every request it claims,
// correctly, with probability Reliability = q and never otherwise, so its
// failures are real timeouts of real requests and its successes real
// settlements. Genesis changes two x/evaluation params, both outside the
// update rule under test:
//   - min_reputation 0: the suspension rule (no claims below 0.3 until
//     suspension_blocks have passed, then a raise to 0.3) would cut off
//     q = 0.6, whose fixed point 0.27 is below 0.3, and bias every q whose
//     reputation wanders near 0.3 (q = 0.7: mean 0.37, spread 0.12). With
//     0 the chain applies the GAS update alone;
//   - slash_fraction_timeout 0: thousands of timeouts at 5 % each would
//     eat the collateral and, through the exposure rule, stop the claims.
//
// Measure. Reputation is read with w.Evaluator after every block; the
// measured value is its time average over the second half of the run (the
// first half lets r forget its start at initial_reputation 0.5), averaged
// over runs.
//
// Tolerance. The update is a linear AR(1) in the number of outcomes n:
// E[r_{n+1} | r_n] = ρ·r_n + α_ok·q with ρ = 1 − α_ok·q − α_fail·(1 − q), so
// its stationary mean is exactly the formula and a time average over N
// outcomes has standard error σ·√((1 + ρ) / ((1 − ρ)·N)), σ² the stationary
// variance (gasStationaryVariance). The tolerance is three such errors for
// the run length: worst q = 0.9 (σ 0.13, (1+ρ)/(1−ρ) 30) needs ≈ 5,100
// outcomes for 0.01, which the full run (three runs of 800 blocks, ≈ 2,000
// outcomes per q in each second half) has: tolerance 0.03. The quick run
// (one run of 360 blocks, ≈ 900–1,300 outcomes) needs ≈ 950 for 0.023:
// tolerance 0.07. A criterion checks that every q had that many outcomes.

import (
	"fmt"
	"math"

	sdkmath "cosmossdk.io/math"
	"gonum.org/v1/plot/plotter"

	"github.com/don-network/don/testutil/econsim"
	evaluationtypes "github.com/don-network/don/x/evaluation/types"
)

func init() {
	econsim.Register(econsim.Experiment{
		Name:    "reputation",
		Summary: "reputation of evaluators with success rate q vs the GAS fixed point α_ok·q/(α_ok·q+α_fail·(1−q))",
		Run:     runReputation,
	})
}

// reputationQs are the success rates of the evaluators, one each.
var reputationQs = []float64{0.6, 0.7, 0.8, 0.9, 0.95, 0.99}

const (
	// reputationRequestsPerBlock is each client's request rate: every
	// request occupies a slot for about 11 blocks (claim, answer, 10-block
	// challenge window), so an evaluator holds ~55 open requests.
	reputationRequestsPerBlock = 5
	reputationFee              = 1_000 // udon: min_fee, money plays no part here
	// reputationDeadline (blocks after the request) puts a timeout
	// (deadline + timeout_grace_blocks 3) at the block a success settles
	// (claim + 1 to answer + challenge_blocks 10): if failures were
	// recorded earlier than successes, the blocks between would sample r
	// after its failures more often than after its successes, and the time
	// average would sit below the per-outcome mean (by 0.04 at q = 0.9
	// with a 3-block deadline). What remains is the order inside a block:
	// EndBlock records timeouts before settlements, so the value read after
	// a block is the one after its successes, slightly above the
	// per-outcome mean (≈ +0.008 in the full run, within one standard
	// error per q).
	reputationDeadline = 8
	// reputationSmooth is the moving average of the plot, in blocks.
	reputationSmooth = 50
)

// reputationTrace is one evaluator's reputation after every block.
type reputationTrace struct {
	q        float64
	rep      []float64
	outcomes []uint64 // successes + failures after every block
}

func runReputation(o econsim.Options) (*econsim.Result, error) {
	runs := o.RunsOr(1, 3)
	blocks := econsim.Pick(o, 360, 800)
	tolerance := econsim.Pick(o, 0.07, 0.03)
	table := econsim.NewTable("run", "seed", "q", "height", "reputation", "outcomes", "formula")
	sums := make([]float64, len(reputationQs))
	outcomes := make([]float64, len(reputationQs))
	var first []reputationTrace
	var params evaluationtypes.Params
	for r := 0; r < runs; r++ {
		seed := o.Seed + uint64(r)
		traces, p, err := reputationRun(seed, blocks)
		if err != nil {
			return nil, fmt.Errorf("run %d: %w", r, err)
		}
		params = p
		if r == 0 {
			first = traces
		}
		for i, tr := range traces {
			f := gasFixedPoint(p, tr.q)
			for h := range tr.rep {
				table.Add(r, seed, tr.q, h+1, tr.rep[h], tr.outcomes[h], f)
			}
			half := len(tr.rep) / 2
			sums[i] += econsim.Mean(tr.rep[half:])
			outcomes[i] += float64(tr.outcomes[len(tr.outcomes)-1] - tr.outcomes[half-1])
		}
		o.Logf("reputation: run %d of %d done", r+1, runs)
	}

	res := &econsim.Result{Table: table}
	over := econsim.Panel{Title: fmt.Sprintf("r − formula, %d-block moving average (run 1, seed %d)", reputationSmooth, o.Seed),
		X: "height (blocks)", Y: "reputation − fixed point (dimensionless)"}
	fit := econsim.Panel{Title: fmt.Sprintf("Time average of r, second half, %d run(s)", runs),
		X: "formula α_ok·q/(α_ok·q+α_fail·(1−q))", Y: "measured r (time average)"}
	var measuredXY, identity plotter.XYs
	for i, q := range reputationQs {
		f := gasFixedPoint(params, q)
		measured := sums[i] / float64(runs)
		n := outcomes[i] // outcomes in the second halves of all runs
		se := gasMeanSE(params, q, n)
		res.Check(fmt.Sprintf("q=%g: |measured − formula| ≤ %g", q, tolerance),
			math.Abs(measured-f) <= tolerance,
			"measured %.4f, formula %.4f, |diff| %.4f (standard error %.4f from %.0f outcomes)",
			measured, f, math.Abs(measured-f), se, n)
		res.Check(fmt.Sprintf("q=%g: run long enough (3 standard errors ≤ %g)", q, tolerance),
			3*se <= tolerance, "standard error %.4f from %.0f outcomes in the second half(s)", se, n)
		over.Series = append(over.Series, econsim.Series{Name: fmt.Sprintf("q=%g", q), XY: movingDeviation(first[i].rep, f, reputationSmooth)})
		measuredXY = append(measuredXY, plotter.XY{X: f, Y: measured})
		identity = append(identity, plotter.XY{X: f, Y: f})
	}
	over.Series = append(over.Series, econsim.Series{Name: "formula", Dashed: true, XY: plotter.XYs{{X: 1, Y: 0}, {X: float64(blocks), Y: 0}}})
	fit.Series = []econsim.Series{
		{Name: "measured (one point per q)", XY: measuredXY, Points: true},
		{Name: "measured = formula", XY: identity, Dashed: true},
	}
	res.Plot = &econsim.Figure{Panels: []econsim.Panel{over, fit}}
	return res, nil
}

// reputationRun runs one world: a client and an evaluator per q.
func reputationRun(seed uint64, blocks int) ([]reputationTrace, evaluationtypes.Params, error) {
	w, err := econsim.New(econsim.Config{
		Seed: seed, Models: 1, ShuffleAgents: true, InvariantEvery: 50,
		Evaluation: func(g *evaluationtypes.GenesisState) {
			g.Params.MinReputation = sdkmath.LegacyZeroDec()        // no suspension
			g.Params.SlashFractionTimeout = sdkmath.LegacyZeroDec() // collateral stays whole
			g.Params.RequestRetentionBlocks = 20                    // ended requests leave the store: a smaller tree, faster blocks
		},
	})
	if err != nil {
		return nil, evaluationtypes.Params{}, err
	}
	defer w.Close()
	budget := int64(blocks+10) * reputationRequestsPerBlock * reputationFee
	var evs []*econsim.Evaluator
	for i, q := range reputationQs {
		ca, err := w.NewAccount(fmt.Sprintf("client-%d", i), budget)
		if err != nil {
			return nil, evaluationtypes.Params{}, err
		}
		ea, err := w.NewAccount(fmt.Sprintf("evaluator-q%g", q), 10_000_000)
		if err != nil {
			return nil, evaluationtypes.Params{}, err
		}
		e := &econsim.Evaluator{Acct: ea, Collateral: 1_000_000, Capacity: 200, Reliability: q}
		evs = append(evs, e)
		w.Add(&econsim.Client{Acct: ca, Model: 1, Rate: reputationRequestsPerBlock, MaxFee: reputationFee, Rows: 1, Deadline: reputationDeadline}, e)
	}
	traces := make([]reputationTrace, len(evs))
	for i, e := range evs {
		traces[i] = reputationTrace{q: e.Reliability}
	}
	err = w.Run(blocks, func() error {
		for i, e := range evs {
			self, found, err := w.Evaluator(e.Acct)
			if err != nil {
				return err
			}
			if !found {
				return fmt.Errorf("evaluator q=%g not registered", e.Reliability)
			}
			r, err := self.Reputation.Float64()
			if err != nil {
				return err
			}
			traces[i].rep = append(traces[i].rep, r)
			traces[i].outcomes = append(traces[i].outcomes, self.Successes+self.Failures)
		}
		return nil
	})
	if err != nil {
		return nil, evaluationtypes.Params{}, err
	}
	p, err := w.EvaluationParams()
	return traces, p, err
}

// movingDeviation is the trailing moving average of xs over n samples (as
// many as there are at the start) minus ref, against height 1, 2, ….
func movingDeviation(xs []float64, ref float64, n int) plotter.XYs {
	out := make(plotter.XYs, len(xs))
	sum := 0.0
	for i, x := range xs {
		sum += x
		if i >= n {
			sum -= xs[i-n]
		}
		out[i] = plotter.XY{X: float64(i + 1), Y: sum/float64(min(i+1, n)) - ref}
	}
	return out
}
