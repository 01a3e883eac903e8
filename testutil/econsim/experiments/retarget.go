package experiments

import (
	"fmt"
	"math"

	sdkmath "cosmossdk.io/math"
	"gonum.org/v1/plot/plotter"

	"github.com/don-network/don/testutil/econsim"
	minttypes "github.com/don-network/don/x/mint/types"
)

// retarget: x/mint's difficulty (docs/mint.md "Difficulty"). A pool of
// honest optimizers works at a fixed rate each; the number at work jumps
// ×4, falls back ÷4, drops to zero for a while, and one comes back. The
// retarget must bring the round duration back to the target within two
// retarget intervals of each jump, and the stall rule must let rounds close
// again soon after the optimizers return.

func init() {
	econsim.Register(econsim.Experiment{
		Name:    "retarget",
		Summary: "x/mint difficulty: round duration back at target after the optimizer population jumps ×4 and ÷4; the stall rule recovers a network whose optimizers left",
		Run:     runRetarget,
	})
}

// The experiment's x/mint params. A 60 s target (12 blocks) and a retarget
// every 4 rounds keep a run short. stall_factor is the default 4;
// stall_decay 0.01 is the default 0.001 scaled by 600 s / 60 s, so a
// stalled round loses the same fraction of D per target period as with the
// defaults ((1 − 0.01)^12 ≈ (1 − 0.001)^120 ≈ 0.89). initial_difficulty is
// set near the base population's pace (the run starts with a warm-up);
// min_difficulty is the default.
const (
	rtBlockSeconds  = 5 // the world's block time
	rtTargetSeconds = 60
	rtInterval      = 4
	rtStallFactor   = 4
	rtStallDecay    = 0.01
	rtInitialD      = "0.1"
	rtMinD          = "0.0001"
)

// The optimizer pool: each optimizer owns two of the admitted models, so
// optimizers never race for one model and the work offered scales with the
// number at work (honest optimizers choose deterministically from the same
// chain state, so pooled ones would commit the same candidate in a block
// and all but the first be rejected). Each commits rtRate times per block
// with Step 0.1; the Renewer rolls a model back to its initial optimum
// when its headroom falls below rtMinHeadroom nats, which keeps the
// increments between ≈ 0.05 and 0.13 nats and the work renewable.
const (
	rtMaxPopulation      = 8
	rtModelsPerOptimizer = 2
	rtRate               = 0.5
	rtStep               = 0.1
	rtMinHeadroom        = 0.3
)

// rtPhase is a stretch of blocks with a given number of optimizers at work.
type rtPhase struct {
	name   string
	blocks int
	active int
}

// The schedule: a warm-up at 2, the jump ×4 to 8, back ÷4 to 2, everyone
// gone for 300 blocks (25 target periods), then one returns. Each phase
// outlasts three retarget intervals at its pace.
var rtPhases = []rtPhase{
	{"start", 250, 2},
	{"x4", 250, 8},
	{"div4", 350, 2},
	{"gone", 300, 0},
	{"return", 300, 1},
}

// rtOutcome is what one run measured.
type rtOutcome struct {
	seed       uint64
	rounds     []minttypes.RoundRecord
	phaseStart []int64 // height of each phase's first block, and the end
	genesis    int64   // unix seconds of the first block
	dLeave     float64 // D in force when the optimizers left
	dReturn    float64 // D in force when one came back
	offered    float64
	commits    int
	accepted   int
	rollbacks  int
}

func runRetarget(o econsim.Options) (*econsim.Result, error) {
	runs := o.RunsOr(1, 8)
	res := &econsim.Result{Table: econsim.NewTable(
		"run", "seed", "phase", "population", "round", "start_height", "close_height", "close_time_s",
		"duration_s", "difficulty", "work")}
	var outs []*rtOutcome
	for r := 0; r < runs; r++ {
		seed := o.Seed + uint64(r)
		out, err := rtRun(seed)
		if err != nil {
			return nil, fmt.Errorf("run %d (seed %d): %w", r, seed, err)
		}
		o.Logf("retarget run %d: %d rounds, %d accepted optima, %d rollbacks, commits %d of %.0f offered",
			r, len(out.rounds), out.accepted, out.rollbacks, out.commits, out.offered)
		for _, rec := range out.rounds {
			ph := out.phaseAt(rec.CloseHeight)
			res.Table.Add(r, seed, rtPhases[ph].name, rtPhases[ph].active, rec.Round, rec.StartHeight, rec.CloseHeight,
				rec.CloseTime.Unix()-out.genesis, rtDuration(rec), econsim.Float64(rec.Difficulty), econsim.Float64(rec.Work))
		}
		outs = append(outs, out)
	}
	rtJudge(res, outs)
	rtPaceReport(o, outs)
	budget, err := rtGenesisBudget(o.Seed)
	if err != nil {
		return nil, fmt.Errorf("genesis budget: %w", err)
	}
	// The default initial_difficulty must let a full retarget window of
	// rounds close on the genesis models' work alone, so the first
	// retarget measures the network's pace instead of the stall rule's.
	def := minttypes.DefaultParams()
	d0 := econsim.Float64(def.InitialDifficulty)
	res.Check("default initial_difficulty fits the genesis work", budget.exhausted && budget.work/d0 >= float64(def.RetargetInterval),
		"%d regime-ar genesis models yield %.4g work in all (%d accepted optima of %d commits, exhausted %t after %d blocks): %.1f rounds at the default initial_difficulty %s (need ≥ retarget_interval %d)",
		rtBudgetModels, budget.work, budget.accepted, budget.commits, budget.exhausted, budget.blocks, budget.work/d0, def.InitialDifficulty, def.RetargetInterval)
	res.Plot = rtFigure(outs[0])
	return res, nil
}

// rtRun runs the schedule once.
func rtRun(seed uint64) (out *rtOutcome, err error) {
	w, err := econsim.New(econsim.Config{
		Seed: seed, Models: rtMaxPopulation * rtModelsPerOptimizer, InvariantEvery: 10,
		Mint: func(gs *minttypes.GenesisState) {
			p := &gs.Params
			p.TargetRoundSeconds, p.RetargetInterval = rtTargetSeconds, rtInterval
			p.StallFactor = sdkmath.LegacyNewDec(rtStallFactor)
			p.StallDecay = sdkmath.LegacyMustNewDecFromStr(fmt.Sprint(rtStallDecay))
			p.InitialDifficulty = sdkmath.LegacyMustNewDecFromStr(rtInitialD)
			p.MinDifficulty = sdkmath.LegacyMustNewDecFromStr(rtMinD)
		},
	})
	if err != nil {
		return nil, err
	}
	defer func() {
		if cerr := w.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	pop := &econsim.Population{Rate: rtRate}
	renew := &econsim.Renewer{MinHeadroom: rtMinHeadroom}
	for i := range rtMaxPopulation {
		a, err := w.NewAccount(fmt.Sprintf("optimizer-%d", i), 1_000_000_000)
		if err != nil {
			return nil, err
		}
		var models []uint64
		for j := range rtModelsPerOptimizer {
			models = append(models, uint64(i*rtModelsPerOptimizer+j+1))
		}
		pop.Optimizers = append(pop.Optimizers, &econsim.Optimizer{Acct: a, Step: rtStep, Models: models})
		renew.Watched = append(renew.Watched, a)
	}
	w.Add(renew, pop)

	out = &rtOutcome{seed: seed, genesis: w.Ctx.BlockTime().Unix()}
	for _, ph := range rtPhases {
		out.phaseStart = append(out.phaseStart, w.Height())
		st, err := w.MintStatus()
		if err != nil {
			return nil, err
		}
		switch ph.name {
		case "gone":
			out.dLeave = econsim.Float64(st.Minter.Difficulty)
		case "return":
			out.dReturn = econsim.Float64(st.Minter.Difficulty)
		}
		pop.Active = ph.active
		if err := w.Run(ph.blocks, nil); err != nil {
			return nil, err
		}
	}
	out.phaseStart = append(out.phaseStart, w.Height())
	if out.rounds, err = w.ClosedRounds(); err != nil {
		return nil, err
	}
	out.offered, out.commits, out.rollbacks = pop.Offered, pop.Commits(), renew.Rollbacks
	for _, opt := range pop.Optimizers {
		out.accepted += opt.Stats.Accepted
	}
	return out, nil
}

// phaseAt is the index of the phase a height belongs to.
func (o *rtOutcome) phaseAt(h int64) int {
	for i := len(rtPhases) - 1; i > 0; i-- {
		if h >= o.phaseStart[i] {
			return i
		}
	}
	return 0
}

// rtDuration is a round's duration in seconds of block time.
func rtDuration(r minttypes.RoundRecord) float64 { return r.CloseTime.Sub(r.StartTime).Seconds() }

// firstCloseFrom is the first round closed at or after height h.
func (o *rtOutcome) firstCloseFrom(h int64) (minttypes.RoundRecord, bool) {
	for _, r := range o.rounds {
		if r.CloseHeight >= h {
			return r, true
		}
	}
	return minttypes.RoundRecord{}, false
}

// thirdInterval is the mean duration of the rounds of the third retarget
// interval after the jump at the start of phase i: the round open at the
// jump belongs to retarget window J (rounds (J−1)·I+1 … J·I); the retargets
// closing windows J and J+1 have seen the new pace, so window J+2 runs at
// the difficulty they set. ok is false if that window did not close before
// the next phase.
func (o *rtOutcome) thirdInterval(i int) (mean, meanD float64, ok bool) {
	open, found := o.firstCloseFrom(o.phaseStart[i])
	if !found {
		return 0, 0, false
	}
	j := (open.Round-1)/rtInterval + 1
	first, last := (j+1)*rtInterval+1, (j+2)*rtInterval
	var ds, diffs []float64
	for _, r := range o.rounds {
		if r.Round >= first && r.Round <= last && r.CloseHeight < o.phaseStart[i+1] {
			ds = append(ds, rtDuration(r))
			diffs = append(diffs, econsim.Float64(r.Difficulty))
		}
	}
	if len(ds) != rtInterval {
		return 0, 0, false
	}
	return econsim.Mean(ds), econsim.Mean(diffs), true
}

// rtJudge adds the criteria, each over every run (the worst run decides).
func rtJudge(res *econsim.Result, outs []*rtOutcome) {
	const tolerance = 1.5
	for _, jump := range []struct {
		phase int
		name  string
	}{{1, "×4"}, {2, "÷4"}} {
		pass, text := true, ""
		for _, o := range outs {
			mean, meanD, ok := o.thirdInterval(jump.phase)
			ratio := mean / rtTargetSeconds
			if !ok || ratio > tolerance || ratio < 1/tolerance {
				pass = false
			}
			if ok {
				text += fmt.Sprintf(" seed %d: %.0f s (×%.2f, D %.4g);", o.seed, mean, ratio, meanD)
			} else {
				text += fmt.Sprintf(" seed %d: interval not reached before the next phase;", o.seed)
			}
		}
		res.Check(fmt.Sprintf("population %s: round duration back at target within two retarget intervals", jump.name), pass,
			"mean duration of the 3rd retarget interval (%d rounds) after the jump, target %d s, allowed ×%.2g–×%.2g:%s",
			rtInterval, rtTargetSeconds, 1/tolerance, tolerance, text)
	}

	// While nobody works, at most two rounds are open during the absence
	// (one may close on the work left over once D has decayed to it), and
	// each is unstalled for at most stall_factor·target / block time blocks
	// (48); every other block of the absence cuts D by stall_decay, and a
	// retarget in the absence only lowers D (the round it closes lasted
	// longer than the interval's target). So D at the return is at most
	// D_leave·(1 − stall_decay)^(Z − 2·48 − 1).
	gone := rtPhases[3]
	stallBlocks := rtStallFactor * rtTargetSeconds / rtBlockSeconds
	decayed := gone.blocks - 2*stallBlocks - 1
	bound := math.Pow(1-rtStallDecay, float64(decayed))
	pass, text := true, ""
	for _, o := range outs {
		ratio := o.dReturn / o.dLeave
		if ratio > bound*(1+1e-9) {
			pass = false
		}
		text += fmt.Sprintf(" seed %d: D %.4g → %.4g (×%.3f);", o.seed, o.dLeave, o.dReturn, ratio)
	}
	res.Check("stall rule decays D while the optimizers are gone", pass,
		"D at the return ≤ D at the leave × (1 − %.2g)^%d = ×%.3f after %d blocks without optimizers:%s",
		rtStallDecay, decayed, bound, gone.blocks, text)

	// One optimizer of the two that D was set for returns (half the work
	// rate). At the undecayed D it would need two target periods (24
	// blocks) on average; with D cut to ≤ ×0.13 it needs ≈ 0.26 of a period
	// plus the commit–reveal delay (2 blocks). N = one target period.
	limit := int64(rtTargetSeconds / rtBlockSeconds)
	pass, text = true, ""
	for _, o := range outs {
		ret := o.phaseStart[4]
		r, ok := o.firstCloseFrom(ret)
		blocks := r.CloseHeight - ret + 1
		if !ok || blocks > limit {
			pass = false
		}
		if ok {
			text += fmt.Sprintf(" seed %d: %d blocks;", o.seed, blocks)
		} else {
			text += fmt.Sprintf(" seed %d: no round closed;", o.seed)
		}
	}
	res.Check("rounds close again soon after an optimizer returns", pass,
		"first round closed within %d blocks (one target period) of the return; the same optimizer would need ≈ %d at the D it left:%s",
		limit, 2*limit, text)

	pass, text = true, ""
	for _, o := range outs {
		made, kept := float64(o.commits)/o.offered, float64(o.accepted)/float64(o.commits)
		if made < 0.95 || kept < 0.9 {
			pass = false
		}
		text += fmt.Sprintf(" seed %d: %d commits of %.0f due (%.3f), %.3f accepted, %d rollbacks;",
			o.seed, o.commits, o.offered, made, kept, o.rollbacks)
	}
	res.Check("work supply never ran out", pass,
		"commits made / commits the active optimizers were due ≥ 0.95 (an optimizer without a model worth a commit makes none) and ≥ 0.9 of them accepted (a model near its floor rejects):%s", text)
}

// rtPaceReport logs the pace of work at the base population, which is
// what initial_difficulty should match on a new network.
func rtPaceReport(o econsim.Options, outs []*rtOutcome) {
	for _, out := range outs {
		var work float64
		for _, r := range out.rounds {
			work += econsim.Float64(r.Work)
		}
		_, dBase, ok := out.thirdInterval(2)
		o.Logf("retarget seed %d: work per accepted optimum %.4g (Σ W %.4g over %d accepted); D at 2 optimizers × %.2g commits/block, %d models, %d s target: %.4g (ok %t)",
			out.seed, work/float64(out.accepted), work, out.accepted, rtRate, rtMaxPopulation*rtModelsPerOptimizer, rtTargetSeconds, dBase, ok)
	}
}

// rtFigure plots one run: round duration against the target and the
// difficulty (log scales: a stalled round lasts 20× the target) above the
// number of optimizers at work.
func rtFigure(o *rtOutcome) *econsim.Figure {
	var dur, diff, target, pop plotter.XYs
	minutes := func(h int64) float64 { return float64((h-o.phaseStart[0])*rtBlockSeconds) / 60 }
	for _, r := range o.rounds {
		t := minutes(r.CloseHeight)
		dur = append(dur, plotter.XY{X: t, Y: rtDuration(r)})
		diff = append(diff, plotter.XY{X: t, Y: econsim.Float64(r.Difficulty)})
	}
	end := minutes(o.phaseStart[len(rtPhases)])
	target = plotter.XYs{{X: 0, Y: rtTargetSeconds}, {X: end, Y: rtTargetSeconds}}
	for i, ph := range rtPhases {
		n := float64(ph.active)
		pop = append(pop, plotter.XY{X: minutes(o.phaseStart[i]), Y: n}, plotter.XY{X: minutes(o.phaseStart[i+1]), Y: n})
	}
	return &econsim.Figure{Panels: []econsim.Panel{
		{
			Title: fmt.Sprintf("Round duration (seed %d)", o.seed), X: "time (min)", Y: "round duration (s)", LogY: true,
			Series: []econsim.Series{
				{Name: "round duration", XY: dur, Points: true},
				{Name: fmt.Sprintf("target %d s", rtTargetSeconds), XY: target, Dashed: true},
			},
		},
		{
			Title: fmt.Sprintf("Difficulty (seed %d)", o.seed), X: "time (min)", Y: "difficulty D (work)", LogY: true,
			Series: []econsim.Series{{Name: "D at each close", XY: diff, Points: true}},
		},
		{
			Title: "Population", X: "time (min)", Y: "optimizers at work",
			Series: []econsim.Series{{Name: fmt.Sprintf("optimizers at work (%.2g commits/block each)", rtRate), XY: pop}},
		},
	}}
}
