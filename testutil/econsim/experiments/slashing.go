package experiments

// slashing: the sweep of Fig. 2 of arXiv 2501.01219 in DON. Clients
// delegate requests, evaluators bid for them in the Dutch auction at their
// personalised price, and every slash value s is set as BOTH
// slash_fraction_wrong and slash_fraction_timeout at genesis. The paper's
// trend, to be found or not: high slashing drives evaluators out, very low
// slashing keeps them but does not deter bad results, moderate slashing
// keeps the network active with steady rewards.
//
// Population (the same draws for every s of a run: common random numbers).
//   - N clients (100 full, 20 quick) each send Rate requests per block
//     (0.15 full, 0.4 quick: about 150 and 80 claims per evaluator over the
//     run) of 2 rows on the one model, max_fee F = 0.1 DON, deadline 10
//     blocks; their budget is their balance, 1.5× what they could escrow.
//   - N evaluators run as econsim.Operator. Collateral 2 DON out of a
//     4 DON balance: twice what capacity 10 needs under collateral_ratio 2
//     at F, and twice min_collateral. Compute cost c = 0.3 F per result
//     computed; min price c / (1 − burn − royalty) = 0.375 F, so a fee
//     always pays the computation.
//   - Liveness faults: reliability q ~ U[0.9, 1] (P(answer at all)). An
//     honest evaluator can only be slashed through timeouts.
//   - Laziness as a choice: every third evaluator is lazy. While cheating
//     pays — its observed catch rate (Beta(1, 3) prior: 0.25 before any
//     evidence) × slash_fraction_wrong × its collateral < c — it skips the
//     computation on 15 % of its requests and answers wrongly (more would
//     sink its reputation below min_reputation within a few blocks and
//     suspend it).
//   - Staying must pay: an operator leaves (claims nothing more, then
//     MsgUnbondEvaluator once its open work is over) when its profit —
//     fees + evaluator-pool mints − slashes − compute cost — over its last
//     Window blocks is negative, or when its collateral is below
//     min_collateral and its balance cannot restore it. Window is about 40
//     claims' worth of blocks (270 full, 100 quick) × U[0.5, 1.5]:
//     operators differ in patience. While its window profit is not
//     negative it restores its collateral (MsgAddCollateral) whenever
//     slashes took it below 3/4 of 2 DON.
//   - Two challengers re-execute every result and challenge the wrong ones
//     (catch rate 1).
//   - One honest optimizer keeps rounds closing (initial_difficulty 0.01:
//     about one round per accepted optimum), so x/mint pays the evaluator
//     pool.
//
// What decides the outcome is the ratio of the collateral to the margin of
// one request: 2 DON against fee − c ≈ 0.06 − 0.03 DON (the fee, 0.8 of the
// personalised price M·p(h), came to 0.059–0.067 DON per settled request
// in the full run): ≈ 65 requests. In expectation an evaluator of
// reliability q earns more than its timeouts cost iff (1 − q)·s·65 < 1
// (s < 0.3 at q = 0.95, s < 0.15 at q = 0.9), but it judges its business
// over a window of ≈ 40 claims, and with s·65 requests' margin lost per
// timeout a short run of bad luck already makes a window negative
// (s = 0.1: 6 timeouts in 40 claims; s = 0.2: 3; s = 0.5: 2). A lazy
// evaluator stops cheating once catch rate × s × 2 DON ≥ c: at s ≥ 0.03
// after two caught results, never at s = 0.01.
//
// Measured per run, s and period (one block): active evaluators
// (registered and not leaving), cumulative rewards of all evaluators (fees
// and evaluator-pool mints, from bank balances: econsim.Operator.Books),
// cumulative collateral slashed, and the claims, wrong results and late
// results (claims never answered: they time out) of the period.

import (
	"fmt"
	"math/rand/v2"

	sdkmath "cosmossdk.io/math"
	"gonum.org/v1/plot/plotter"

	"github.com/don-network/don/testutil/econsim"
	evaluationtypes "github.com/don-network/don/x/evaluation/types"
	minttypes "github.com/don-network/don/x/mint/types"
)

func init() {
	econsim.Register(econsim.Experiment{
		Name:    "slashing",
		Summary: "Fig. 2 of arXiv 2501.01219: active evaluators and their rewards per slash fraction (wrong and timeout)",
		Run:     runSlashing,
	})
}

// slashValues are the paper's slash values.
var slashValues = []float64{0.01, 0.03, 0.1, 0.2, 0.5}

// slashingScale is the size of a sweep.
type slashingScale struct {
	clients, evaluators, blocks int
	rate                        float64 // requests per client per block
	window                      int64   // mean blocks of the operators' profit rule (≈ 40 claims)
	optimizerRate               float64 // commits per block
}

var (
	slashingQuick = slashingScale{clients: 20, evaluators: 20, blocks: 200, rate: 0.4, window: 100, optimizerRate: 0.1}
	slashingFull  = slashingScale{clients: 100, evaluators: 100, blocks: 1000, rate: 0.15, window: 270, optimizerRate: 0.03}
)

const (
	slashingMaxFee      = 100_000   // udon: F
	slashingComputeCost = 30_000    // udon per computed result: 0.3 F
	slashingMinPrice    = 37_500    // udon: c / (1 − 0.1 burn − 0.1 royalty)
	slashingCollateral  = 2_000_000 // udon: 2 DON
	slashingCapacity    = 10
	slashingLazyEvery   = 3    // every third evaluator is lazy
	slashingCheatRate   = 0.15 // P(wrong) of a lazy evaluator while cheating pays
)

// slashingPeriod is what one period (block) of one run and s measured.
type slashingPeriod struct {
	active              int
	rewards, slashed    float64 // cumulative, udon
	claims, wrong, late int     // in the period
}

func runSlashing(o econsim.Options) (*econsim.Result, error) {
	sc := econsim.Pick(o, slashingQuick, slashingFull)
	runs := o.RunsOr(1, 1)
	table := econsim.NewTable("run", "seed", "slash", "height", "active", "cum_rewards_udon", "cum_slashed_udon", "claims", "wrong", "late")
	// Per s and period: the mean over runs of active, rewards and slashed,
	// and the sums over runs of claims, wrong and late.
	meanF := make([][][3]float64, len(slashValues))
	counts := make([][][3]float64, len(slashValues))
	for i := range slashValues {
		meanF[i] = make([][3]float64, sc.blocks)
		counts[i] = make([][3]float64, sc.blocks)
	}
	for r := 0; r < runs; r++ {
		seed := o.Seed + uint64(r)
		for i, s := range slashValues {
			periods, err := slashingRun(sc, seed, s)
			if err != nil {
				return nil, fmt.Errorf("run %d, slash %g: %w", r, s, err)
			}
			for t, p := range periods {
				table.Add(r, seed, s, t+1, p.active, int64(p.rewards), int64(p.slashed), p.claims, p.wrong, p.late)
				meanF[i][t][0] += float64(p.active) / float64(runs)
				meanF[i][t][1] += p.rewards / float64(runs)
				meanF[i][t][2] += p.slashed / float64(runs)
				counts[i][t][0] += float64(p.claims)
				counts[i][t][1] += float64(p.wrong)
				counts[i][t][2] += float64(p.late)
			}
			last := periods[len(periods)-1]
			o.Logf("slashing: run %d, s=%g: active %d of %d at the end, rewards %.2f DON, slashed %.2f DON",
				r+1, s, last.active, sc.evaluators, last.rewards/1e6, last.slashed/1e6)
		}
	}
	res := &econsim.Result{Table: table}
	slashingCriteria(res, o, slashingSweep{n: sc.evaluators, meanF: meanF, counts: counts}, sc.blocks)
	res.Plot = slashingFigure(sc, runs, meanF)
	return res, nil
}

// slashingRun runs one world with slash fraction s (wrong and timeout).
func slashingRun(sc slashingScale, seed uint64, s float64) ([]slashingPeriod, error) {
	w, err := econsim.New(econsim.Config{
		Seed: seed, Models: 1, ShuffleAgents: true, InvariantEvery: 25,
		Evaluation: slashingGenesis(s), Mint: slashingMint,
	})
	if err != nil {
		return nil, err
	}
	defer w.Close()
	ops, err := slashingPopulation(w, sc, seed)
	if err != nil {
		return nil, err
	}
	periods := make([]slashingPeriod, 0, sc.blocks)
	var prev slashingPeriod
	err = w.Run(sc.blocks, func() error {
		p := slashingPeriod{}
		for _, op := range ops {
			if err := op.Observe(w); err != nil {
				return err
			}
			if op.Active() {
				p.active++
			}
			b := op.Books()
			p.rewards += float64(b.Rewards.Int64())
			p.slashed += float64(b.Slashed.Int64())
			p.claims += op.E.Stats.Claims
			p.wrong += op.E.Stats.Wrong
			p.late += op.E.Stats.Silent
		}
		// claims, wrong and late are totals so far: keep the period's part.
		cur := p
		p.claims, p.wrong, p.late = cur.claims-prev.claims, cur.wrong-prev.wrong, cur.late-prev.late
		prev = cur
		periods = append(periods, p)
		return nil
	})
	return periods, err
}

// slashingGenesis sets s as both slash fractions.
func slashingGenesis(s float64) func(*evaluationtypes.GenesisState) {
	sDec := sdkmath.LegacyMustNewDecFromStr(fmt.Sprintf("%g", s))
	return func(g *evaluationtypes.GenesisState) {
		g.Params.SlashFractionWrong, g.Params.SlashFractionTimeout = sDec, sDec
		// Ended requests leave the store after 200 blocks (nothing here reads
		// them later): a smaller tree, faster blocks.
		g.Params.RequestRetentionBlocks = 200
	}
}

// slashingMint lowers the first difficulty so that rounds close about once
// per accepted optimum (retargets are off: retarget_interval 1000).
func slashingMint(g *minttypes.GenesisState) {
	g.Params.InitialDifficulty = sdkmath.LegacyNewDecWithPrec(1, 2)
}

// slashingPopulation funds and adds the agents of one world: its draws
// depend on the seed only, so every s of a run sees the same population.
func slashingPopulation(w *econsim.World, sc slashingScale, seed uint64) ([]*econsim.Operator, error) {
	rng := rand.New(rand.NewPCG(seed, 0x51a5_41e6))
	clientBudget := int64(1.5 * sc.rate * float64(sc.blocks) * slashingMaxFee)
	var clients []econsim.Agent
	for i := 0; i < sc.clients; i++ {
		a, err := w.NewAccount(fmt.Sprintf("client-%d", i), clientBudget)
		if err != nil {
			return nil, err
		}
		clients = append(clients, &econsim.Client{Acct: a, Model: 1, Rate: sc.rate, MaxFee: slashingMaxFee, Rows: 2, Deadline: 10})
	}
	var ops []*econsim.Operator
	for i := 0; i < sc.evaluators; i++ {
		a, err := w.NewAccount(fmt.Sprintf("evaluator-%d", i), 2*slashingCollateral)
		if err != nil {
			return nil, err
		}
		reliability := 0.9 + 0.1*rng.Float64()
		window := int64(float64(sc.window) * (0.5 + rng.Float64())) // operators differ in patience
		op := &econsim.Operator{
			E: &econsim.Evaluator{Acct: a, Collateral: slashingCollateral, Capacity: slashingCapacity,
				MinPrice: slashingMinPrice, Reliability: reliability},
			ComputeCost: slashingComputeCost, CatchPrior: [2]float64{1, 3}, Window: window, TopUpBelow: 0.75,
		}
		if i%slashingLazyEvery == slashingLazyEvery-1 {
			op.CheatRate = slashingCheatRate
		}
		ops = append(ops, op)
	}
	var challengers []econsim.Agent
	for i := 0; i < 2; i++ {
		a, err := w.NewAccount(fmt.Sprintf("challenger-%d", i), 10_000_000)
		if err != nil {
			return nil, err
		}
		challengers = append(challengers, &econsim.Challenger{Acct: a})
	}
	oa, err := w.NewAccount("optimizer", 100_000_000)
	if err != nil {
		return nil, err
	}
	w.Add(clients...)
	for _, op := range ops {
		w.Add(op)
	}
	w.Add(challengers...)
	w.Add(&econsim.Optimizer{Acct: oa, Rate: sc.optimizerRate, Step: 0.15})
	return ops, nil
}

// slashingFigure is the paper's two panels, averaged over runs.
func slashingFigure(sc slashingScale, runs int, meanF [][][3]float64) *econsim.Figure {
	active := econsim.Panel{Title: fmt.Sprintf("Active evaluators (of %d, mean of %d run(s))", sc.evaluators, runs),
		X: "period (blocks)", Y: "active evaluators (count)"}
	rewards := econsim.Panel{Title: "Cumulative rewards of evaluators (fees + mints)",
		X: "period (blocks)", Y: "cumulative rewards (DON)"}
	for i, s := range slashValues {
		a, r := make(plotter.XYs, sc.blocks), make(plotter.XYs, sc.blocks)
		for t := range sc.blocks {
			a[t] = plotter.XY{X: float64(t + 1), Y: meanF[i][t][0]}
			r[t] = plotter.XY{X: float64(t + 1), Y: meanF[i][t][1] / 1e6}
		}
		name := fmt.Sprintf("slash %g", s)
		active.Series = append(active.Series, econsim.Series{Name: name, XY: a})
		rewards.Series = append(rewards.Series, econsim.Series{Name: name, XY: r})
	}
	return &econsim.Figure{Panels: []econsim.Panel{active, rewards}}
}
