package experiments

import (
	"fmt"
	"math"
	"strings"

	"github.com/don-network/don/testutil/econsim"
)

// washtrade: do the attacks of docs/economics.md (wash trading, weight
// buying, model spam, splitting, seed grinding) lose money? Each attacker
// plays in the same seeded market (washtrade_world.go) as honest
// optimizers, clients and evaluators, on the real keepers, and its profit
// is counterfactual: its holdings at the end (collateral, deposits and
// bonds included) minus what the same account ends with playing honestly
// in the same seeded world (the weight buyer and the seed grinders: an
// honest optimizer on model 1), or minus its initial holdings when the
// attack is its only activity (wash trader, model spammers). The sweep
// varies the five parameters that price the attacks one at a time around
// the defaults, plus the worst corner of the default region.
func init() {
	econsim.Register(econsim.Experiment{
		Name:    "washtrade",
		Summary: "wash trading, weight buying, model spam, splitting and seed grinding lose money around the defaults (docs/economics.md)",
		Run:     runWashTrade,
	})
}

// washMarketAttackers are the attackers of the parameter sweep, in CSV
// order; the first is the honest reference.
var washMarketAttackers = []string{"honest", "weightbuy", "wash", "spam", "spam+demand"}

// washGrinders play at the default point only.
var washGrinders = []string{string(setupGrindShop), string(setupGrindLuck)}

// washRow is one attacker × point × run.
type washRow struct {
	Run     int
	Seed    uint64
	Point   washPoint
	Name    string
	Profit  float64 // attacker_profit_udon
	Against string  // what the profit is measured against
	washOutcome
	Honest washOutcome // the honest A of the same seed and point
}

func runWashTrade(o econsim.Options) (*econsim.Result, error) {
	runs := o.RunsOr(1, 2)
	res := &econsim.Result{Table: econsim.NewTable(
		"run", "seed", "point", "swept", "coinbase_x", "demand_burn_fraction", "evaluator_mint_per_burn",
		"d0_udon_per_block", "fees_alpha", "default_region", "attacker", "attacker_profit_udon", "measured_against",
		"own_profit_udon", "commits", "accepted", "profit_per_commit_udon", "spend_udon", "work",
		"increment", "old_rule_ratio", "issuance_udon_per_block", "blocks", "settled")}
	var rows []washRow
	for _, pt := range washSweep(o.Quick) {
		for r := range runs {
			seed := o.Seed + uint64(r)
			rs, err := washPointRun(r, seed, pt)
			if err != nil {
				return nil, fmt.Errorf("%s, seed %d: %w", pt.Name, seed, err)
			}
			for _, row := range rs {
				o.Logf("washtrade %-28s seed %d %-12s profit %14.0f udon (own %14.0f, %d commits)",
					pt.Name, seed, row.Name, row.Profit, row.washOutcome.Profit, row.Commits)
				res.Table.Add(row.Run, row.Seed, pt.Name, pt.Swept, pt.CoinbaseX, pt.Burn, pt.MPB, pt.D0, pt.Alpha,
					pt.inDefaultRegion(), row.Name, row.Profit, row.Against, row.washOutcome.Profit, row.Commits,
					row.Accepted, perCommit(row.washOutcome), row.Spend.String(), row.Work, "", "", row.Issuance, row.Blocks, row.Settled)
			}
			rows = append(rows, rs...)
		}
	}
	splits, err := washSplits(o, res.Table)
	if err != nil {
		return nil, err
	}
	washRegionChecks(res, rows)
	washBoundCheck(res, rows)
	washSplitCheck(res, splits)
	washGrindCheck(res, rows)
	res.Plot = washFigure(rows, o.Quick)
	return res, nil
}

// washPointRun plays every setup of one point for one seed and turns the
// outcomes into rows.
func washPointRun(run int, seed uint64, pt washPoint) ([]washRow, error) {
	setups := []washSetup{setupHonest, setupWeightBuy, setupWashSpam, setupSpamDemand}
	if pt.Name == "default" {
		setups = append(setups, setupGrindShop, setupGrindLuck)
	}
	outs := map[string]washOutcome{}
	for _, s := range setups {
		got, err := washWorld(seed, pt, s)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s, err)
		}
		for k, v := range got {
			outs[k] = v
		}
	}
	honest := outs[string(setupHonest)]
	var rows []washRow
	add := func(name string) {
		out, ok := outs[name]
		if !ok {
			return
		}
		row := washRow{Run: run, Seed: seed, Point: pt, Name: name, washOutcome: out, Honest: honest,
			Profit: out.Profit, Against: "initial"}
		if name == string(setupWeightBuy) || strings.HasPrefix(name, "grind") {
			row.Profit, row.Against = out.Profit-honest.Profit, "honest"
		}
		rows = append(rows, row)
	}
	for _, name := range washMarketAttackers {
		add(name)
	}
	for _, name := range washGrinders {
		add(name)
	}
	return rows, nil
}

func perCommit(o washOutcome) float64 {
	if o.Commits == 0 {
		return math.NaN()
	}
	return o.Profit / float64(o.Commits)
}

// washMeans is the mean profit over runs, by attacker and point, in
// sweep order.
type washMean struct {
	Point          washPoint
	Name           string
	Profit, Honest float64
	SE             float64
	N              int
}

func washMeans(rows []washRow) []washMean {
	type key struct{ point, name string }
	idx := map[key]int{}
	var out []washMean
	var vals [][]float64
	for _, r := range rows {
		k := key{r.Point.Name, r.Name}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, washMean{Point: r.Point, Name: r.Name})
			vals = append(vals, nil)
		}
		vals[i] = append(vals[i], r.Profit)
		out[i].Honest += r.Honest.Profit
		out[i].N++
	}
	for i := range out {
		out[i].Profit = econsim.Mean(vals[i])
		out[i].SE = stdErr(vals[i])
		out[i].Honest /= float64(out[i].N)
	}
	return out
}

// stdErr is the standard error of the mean (0 for fewer than two values).
func stdErr(xs []float64) float64 {
	if len(xs) < 2 {
		return 0
	}
	m, ss := econsim.Mean(xs), 0.0
	for _, x := range xs {
		ss += (x - m) * (x - m)
	}
	return math.Sqrt(ss / float64(len(xs)-1) / float64(len(xs)))
}

// washRegionChecks: every attack's mean profit is negative at every point
// of the default region; the measured text also says where, outside the
// region, it turns positive.
func washRegionChecks(res *econsim.Result, rows []washRow) {
	means := washMeans(rows)
	for _, name := range washMarketAttackers[1:] {
		worst, n := washMean{Profit: math.Inf(-1)}, 0
		var positive []string
		for _, m := range means {
			if m.Name != name {
				continue
			}
			if m.Profit >= 0 {
				positive = append(positive, fmt.Sprintf("%s (%.3g)", m.Point.Name, m.Profit))
			}
			if !m.Point.inDefaultRegion() {
				continue
			}
			n++
			if m.Profit > worst.Profit {
				worst = m
			}
		}
		if len(positive) == 0 {
			positive = []string{"none"}
		}
		res.Check(fmt.Sprintf("%s loses money at every point of the default region", name), n > 0 && worst.Profit < 0,
			"worst mean profit %.4g udon (± %.2g s.e.) at %s, against an honest optimizer's %.4g udon there; %d region points; profitable at: %s",
			worst.Profit, worst.SE, worst.Point.Name, worst.Honest, n, strings.Join(positive, ", "))
	}
}

// washBoundCheck: docs/economics.md's bound — a wash trader loses at least
// (burn − evaluator_mint_per_burn · burn) of every price it pays, whatever
// the coinbase.
func washBoundCheck(res *econsim.Result, rows []washRow) {
	worst, pass, n := math.Inf(-1), true, 0
	where := ""
	for _, r := range rows {
		if r.Name != "wash" || !r.Spend.IsPositive() {
			continue
		}
		n++
		spend := econsim.Float64(r.Spend.ToLegacyDec())
		bound := r.Point.Burn * (1 - r.Point.MPB)
		loss := -r.Profit / spend
		if slack := bound - loss; slack > worst {
			worst, where = slack, fmt.Sprintf("%s: loses %.4f of its prices, bound %.4f", r.Point.Name, loss, bound)
		}
		if loss < bound {
			pass = false
		}
	}
	res.Check("the wash trader loses at least burn × (1 − evaluator_mint_per_burn) of what it pays", pass && n > 0,
		"%d runs; closest to the bound: %s", n, where)
}

// washGrindCheck: a seed grinder's profit per commit is below an honest
// optimizer's on the same model in the same seeded world.
func washGrindCheck(res *econsim.Result, rows []washRow) {
	for _, name := range washGrinders {
		var own, honest, perAttempt []float64
		for _, r := range rows {
			if r.Name != name {
				continue
			}
			own = append(own, perCommit(r.washOutcome))
			honest = append(honest, perCommit(r.Honest))
			perAttempt = append(perAttempt, r.Profit)
		}
		g, h := econsim.Mean(own), econsim.Mean(honest)
		res.Check(fmt.Sprintf("%s earns less per commit than an honest optimizer", name), len(own) > 0 && g < h,
			"%.4g udon per commit vs honest %.4g (%d runs); its profit against honest play %.4g udon",
			g, h, len(own), econsim.Mean(perAttempt))
	}
}
