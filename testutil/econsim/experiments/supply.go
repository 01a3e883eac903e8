package experiments

import (
	"fmt"
	"math/big"

	sdkmath "cosmossdk.io/math"
	"gonum.org/v1/plot/plotter"

	"github.com/don-network/don/testutil/econsim"
	minttypes "github.com/don-network/don/x/mint/types"
	weightstypes "github.com/don-network/don/x/weights/types"
)

// supply: the minted supply against the closed form of x/mint's capped
// exponential schedule (docs/mint.md "Coinbase"). Each round's coinbase is
// ⌊(max_supply − minted_total) · emission_rate⌋, so with nothing held back
// the supply after n rounds is max_supply · (1 − (1 − rate)^n) less at
// most 1 udon of truncation per round, and never above max_supply. What
// x/mint holds back from the evaluator pool (min(evaluator share ×
// coinbase, evaluator_mint_per_burn × W_e)) is not minted, so with the
// default shares the supply lies below the closed form.

func init() {
	econsim.Register(econsim.Experiment{
		Name:    "supply",
		Summary: "x/mint minted supply vs the closed form max_supply·(1 − (1 − rate)^n): within n udon with nothing held back, below it and the cap with the evaluator hold-back",
		Run:     runSupply,
	})
}

// A high emission_rate makes the schedule visible in a few hundred rounds;
// a difficulty at its floor and a one-block target let every block with an
// accepted optimum close a round (and the retarget never raise D).
const (
	spEmissionRate  = "0.02"
	spDifficulty    = "0.000001"
	spTargetSeconds = 5
	spOptimizers    = 2
	spModelsEach    = 2
	spRate          = 1.0
	// Optimizer steps and renewal as in the retarget experiment: work
	// never runs out, so every block can close a round.
	spStep        = 0.1
	spMinHeadroom = 0.3
)

// spConfig is one x/weights configuration of the experiment.
type spConfig struct {
	name string
	// noHoldBack: the evaluator share is 0 (and no role shift can move
	// optimizer share to evaluators), so nothing is held back.
	noHoldBack bool
}

var spConfigs = []spConfig{
	{name: "no-holdback", noHoldBack: true},
	{name: "default-shares"},
}

// spRound is one closed round with the supply after it.
type spRound struct {
	round, closeHeight int64
	minted             sdkmath.Int // minted_total after the round
	closed             *big.Float  // max_supply · (1 − (1 − rate)^n)
	heldBack           sdkmath.Int // this round's evaluator_held_back
	heldTotal          sdkmath.Int // Σ held back so far
	evaluatorPaid      sdkmath.Int
}

// spOutcome is one run of one configuration.
type spOutcome struct {
	seed      uint64
	cfg       spConfig
	maxSupply sdkmath.Int
	rounds    []spRound
	// supply is x/mint's Supply query at the end; it must equal the last
	// round's running sum of minted.
	supply sdkmath.Int
}

func runSupply(o econsim.Options) (*econsim.Result, error) {
	runs := o.RunsOr(1, 3)
	blocks := econsim.Pick(o, 160, 500)
	res := &econsim.Result{Table: econsim.NewTable(
		"run", "seed", "config", "round", "close_height", "minted", "closed_form", "max_supply", "held_back", "held_back_total", "closed_minus_minted")}
	var outs []*spOutcome
	for r := 0; r < runs; r++ {
		seed := o.Seed + uint64(r)
		for _, cfg := range spConfigs {
			out, err := spRun(seed, cfg, blocks)
			if err != nil {
				return nil, fmt.Errorf("run %d (seed %d) %s: %w", r, seed, cfg.name, err)
			}
			o.Logf("supply run %d %s: %d rounds, minted %s of %s", r, cfg.name, len(out.rounds), out.supply, out.maxSupply)
			for _, x := range out.rounds {
				res.Table.Add(r, seed, cfg.name, x.round, x.closeHeight, x.minted, x.closed.Text('f', 3), out.maxSupply,
					x.heldBack, x.heldTotal, spGap(x).Text('f', 3))
			}
			outs = append(outs, out)
		}
	}
	spJudge(res, outs)
	res.Plot = spFigure(outs[0], outs[1])
	return res, nil
}

// spRun runs one configuration for the given number of blocks.
func spRun(seed uint64, cfg spConfig, blocks int) (out *spOutcome, err error) {
	w, err := econsim.New(econsim.Config{
		Seed: seed, Models: spOptimizers * spModelsEach, InvariantEvery: 10,
		Mint: func(gs *minttypes.GenesisState) {
			p := &gs.Params
			p.EmissionRate = sdkmath.LegacyMustNewDecFromStr(spEmissionRate)
			p.InitialDifficulty = sdkmath.LegacyMustNewDecFromStr(spDifficulty)
			p.MinDifficulty = p.InitialDifficulty
			p.TargetRoundSeconds = spTargetSeconds
		},
		Weights: func(gs *weightstypes.GenesisState) {
			if cfg.noHoldBack {
				gs.Params.BaseShares = weightstypes.RoleShares{
					Optimizer: sdkmath.LegacyNewDecWithPrec(80, 2), Evaluator: sdkmath.LegacyZeroDec(),
					Validator: sdkmath.LegacyNewDecWithPrec(15, 2), Community: sdkmath.LegacyNewDecWithPrec(5, 2),
				}
				gs.Params.MaxRoleShift = sdkmath.LegacyZeroDec()
			}
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
	pop := &econsim.Population{Rate: spRate, Active: spOptimizers}
	renew := &econsim.Renewer{MinHeadroom: spMinHeadroom}
	for i := range spOptimizers {
		a, err := w.NewAccount(fmt.Sprintf("optimizer-%d", i), 1_000_000_000)
		if err != nil {
			return nil, err
		}
		var models []uint64
		for j := range spModelsEach {
			models = append(models, uint64(i*spModelsEach+j+1))
		}
		pop.Optimizers = append(pop.Optimizers, &econsim.Optimizer{Acct: a, Step: spStep, Models: models})
		renew.Watched = append(renew.Watched, a)
	}
	w.Add(renew, pop)
	if !cfg.noHoldBack {
		// Honest evaluators serve two clients, so the rounds have
		// evaluator work and the evaluator pool is paid up to its cap.
		for i := range 2 {
			a, err := w.NewAccount(fmt.Sprintf("client-%d", i), 1_000_000_000)
			if err != nil {
				return nil, err
			}
			w.Add(&econsim.Client{Acct: a, Model: uint64(i + 1), Rate: 0.5, MaxFee: 100_000, Rows: 2, Deadline: 20})
		}
		for i := range 3 {
			a, err := w.NewAccount(fmt.Sprintf("evaluator-%d", i), 100_000_000)
			if err != nil {
				return nil, err
			}
			w.Add(&econsim.Evaluator{Acct: a, Collateral: 50_000_000, Capacity: 10, MinPrice: 1000, Reliability: 1})
		}
	}
	if err := w.Run(blocks, nil); err != nil {
		return nil, err
	}

	params, err := w.Q.Mint.Params(w.Ctx, &minttypes.QueryParamsRequest{})
	if err != nil {
		return nil, err
	}
	recs, err := w.ClosedRounds()
	if err != nil {
		return nil, err
	}
	sup, err := w.MintSupply()
	if err != nil {
		return nil, err
	}
	out = &spOutcome{seed: seed, cfg: cfg, maxSupply: params.Params.MaxSupply, supply: sup.Minted}
	minted, held := sdkmath.ZeroInt(), sdkmath.ZeroInt()
	for i, rec := range recs {
		if rec.Round != uint64(i+1) {
			return nil, fmt.Errorf("round %d missing from the history", i+1)
		}
		minted, held = minted.Add(rec.Minted), held.Add(rec.EvaluatorHeldBack)
		out.rounds = append(out.rounds, spRound{
			round: int64(rec.Round), closeHeight: rec.CloseHeight, minted: minted,
			closed:   spClosedForm(params.Params.MaxSupply, params.Params.EmissionRate, len(out.rounds)+1),
			heldBack: rec.EvaluatorHeldBack, heldTotal: held, evaluatorPaid: rec.EvaluatorPaid,
		})
	}
	return out, nil
}

// spClosedForm is max_supply · (1 − (1 − rate)^n), in 256-bit floats (the
// udon amounts are ~10^13, so float64 would lose the last udon).
func spClosedForm(maxSupply sdkmath.Int, rate sdkmath.LegacyDec, n int) *big.Float {
	const prec = 256
	r, _, err := big.ParseFloat(rate.String(), 10, prec, big.ToNearestEven)
	if err != nil {
		panic(err) // a LegacyDec always prints as a decimal
	}
	keep := new(big.Float).SetPrec(prec).Sub(big.NewFloat(1).SetPrec(prec), r)
	pow := big.NewFloat(1).SetPrec(prec)
	for range n {
		pow.Mul(pow, keep)
	}
	m := new(big.Float).SetPrec(prec).SetInt(maxSupply.BigInt())
	return m.Mul(m, pow.Sub(big.NewFloat(1).SetPrec(prec), pow))
}

// spGap is closed form − minted (udon).
func spGap(x spRound) *big.Float {
	m := new(big.Float).SetPrec(256).SetInt(x.minted.BigInt())
	return m.Sub(x.closed, m)
}

// spJudge adds the criteria over every run of each configuration.
func spJudge(res *econsim.Result, outs []*spOutcome) {
	pass, text := true, ""
	for _, o := range outs {
		if !o.cfg.noHoldBack {
			continue
		}
		worst, at, held := 0.0, int64(0), sdkmath.ZeroInt()
		for _, x := range o.rounds {
			dev, _ := spGap(x).Float64()
			if dev < 0 {
				dev = -dev
			}
			if dev > float64(x.round) {
				pass = false
			}
			if dev > worst {
				worst, at = dev, x.round
			}
			held = held.Add(x.heldBack)
		}
		last := o.rounds[len(o.rounds)-1]
		if len(o.rounds) < 100 || !held.IsZero() || !o.supply.Equal(last.minted) {
			pass = false
		}
		text += fmt.Sprintf(" seed %d: %d rounds, worst %.1f udon at round %d, held back %s, supply query %s = Σ minted %s;",
			o.seed, len(o.rounds), worst, at, held, o.supply, last.minted)
	}
	res.Check("nothing held back: minted supply follows the closed form", pass,
		"|max_supply·(1 − (1 − %s)^n) − minted| ≤ n udon at every round n (the truncations' geometric sum also keeps it below 1/rate udon; ≥ 100 rounds, nothing held back, the Supply query equal to the rounds' sum):%s",
		spEmissionRate, text)

	pass, text = true, ""
	for _, o := range outs {
		if o.cfg.noHoldBack {
			continue
		}
		paid := sdkmath.ZeroInt()
		above, beyond := 0, 0
		for _, x := range o.rounds {
			gap := spGap(x)
			if gap.Sign() < 0 || x.minted.GT(o.maxSupply) {
				above++
			}
			// Held back at round k raises later coinbases by at most what
			// it left unminted, so the shortfall is at most Σ held back
			// plus 1 udon of truncation per round.
			bound := new(big.Float).SetPrec(256).SetInt(x.heldTotal.Add(sdkmath.NewInt(x.round)).BigInt())
			if gap.Cmp(bound) > 0 {
				beyond++
			}
			paid = paid.Add(x.evaluatorPaid)
		}
		last := o.rounds[len(o.rounds)-1]
		short, _ := spGap(last).Float64()
		if above > 0 || beyond > 0 || len(o.rounds) < 100 || !paid.IsPositive() || !o.supply.Equal(last.minted) {
			pass = false
		}
		text += fmt.Sprintf(" seed %d: %d rounds, %d above closed form or cap, %d short by more than Σ held back + n; after the last: minted %s, %.4g below the closed form, Σ held back %s, evaluators paid %s;",
			o.seed, len(o.rounds), above, beyond, last.minted, short, last.heldTotal, paid)
	}
	res.Check("default shares: minted supply never above the closed form nor the cap", pass,
		"at every round minted ≤ closed form ≤ max_supply, and closed form − minted ≤ Σ held back + n (≥ 100 rounds, evaluators paid):%s", text)
}

// spFigure plots one run of each configuration: the supply against the
// closed form and the cap, and the gaps in udon.
func spFigure(a, b *spOutcome) *econsim.Figure {
	don := func(f float64) float64 { return f / 1e6 }
	intf := func(i sdkmath.Int) float64 { f, _ := new(big.Float).SetInt(i.BigInt()).Float64(); return f }
	var closed, capLine, mintedA, mintedB, devA, boundA, gapB, heldB plotter.XYs
	for _, x := range a.rounds {
		n := float64(x.round)
		c, _ := x.closed.Float64()
		dev, _ := spGap(x).Float64()
		closed = append(closed, plotter.XY{X: n, Y: don(c) / 1e6})
		capLine = append(capLine, plotter.XY{X: n, Y: don(intf(a.maxSupply)) / 1e6})
		mintedA = append(mintedA, plotter.XY{X: n, Y: don(intf(x.minted)) / 1e6})
		devA = append(devA, plotter.XY{X: n, Y: dev})
		boundA = append(boundA, plotter.XY{X: n, Y: n})
	}
	for _, x := range b.rounds {
		n := float64(x.round)
		g, _ := spGap(x).Float64()
		mintedB = append(mintedB, plotter.XY{X: n, Y: don(intf(x.minted)) / 1e6})
		gapB = append(gapB, plotter.XY{X: n, Y: don(g)})
		heldB = append(heldB, plotter.XY{X: n, Y: don(intf(x.heldTotal))})
	}
	return &econsim.Figure{Panels: []econsim.Panel{
		{
			Title: fmt.Sprintf("Minted supply, emission_rate %s (seed %d)", spEmissionRate, a.seed), X: "closed rounds n", Y: "supply (million DON)",
			Series: []econsim.Series{
				{Name: "closed form max_supply·(1 − (1 − rate)^n)", XY: closed},
				{Name: "max_supply", XY: capLine, Dashed: true},
				{Name: "minted, nothing held back", XY: mintedA, Points: true},
				{Name: "minted, default shares", XY: mintedB},
			},
		},
		{
			Title: "Nothing held back: closed form − minted", X: "closed rounds n", Y: "udon",
			Series: []econsim.Series{
				{Name: "closed form − minted", XY: devA, Points: true},
				{Name: "bound n udon", XY: boundA, Dashed: true},
			},
		},
		{
			Title: "Default shares: shortfall and hold-back", X: "closed rounds n", Y: "DON",
			Series: []econsim.Series{
				{Name: "closed form − minted", XY: gapB},
				{Name: "Σ evaluator share held back", XY: heldB, Dashed: true},
			},
		},
	}}
}
