package experiments

import (
	"fmt"
	"math/rand/v2"

	"github.com/don-network/don/testutil/econsim"
	weightstypes "github.com/don-network/don/x/weights/types"
)

// washSplitSteps are the splits compared; 1 is the honest one-step reveal.
var washSplitSteps = []int{1, 2, 4, 8}

// washSplit is one splitter world's result.
type washSplit struct {
	Steps                     int
	Frac                      float64
	Committed, Accepted       int
	Rejected                  int
	Increment, Work, OldRatio float64
	BondBurned, UdonPerWork   float64
}

// washSplitRun plays, for one seed, the same improvement of model 1 (from
// its initial optimum to Toward(best, target, frac), frac and the commit
// height drawn from the seed, so runs see different samples) revealed in
// k steps for every k of washSplitSteps, each in its own world at the
// default params, and returns what each earned.
func washSplitRun(seed uint64) ([]washSplit, error) {
	rng := rand.New(rand.NewPCG(seed, 0x5911))
	// Below the cap: Toward(0, target, frac) of a regime-ar model is a
	// 1.3×–1.9× loss reduction.
	frac := 0.2 + 0.3*rng.Float64()
	at := int64(2 + rng.IntN(20))
	var out []washSplit
	for _, k := range washSplitSteps {
		s, err := washSplitWorld(seed, frac, at, k)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func washSplitWorld(seed uint64, frac float64, at int64, k int) (washSplit, error) {
	d := washDefaults()
	w, err := econsim.New(econsim.Config{Seed: seed, Models: 3, Mint: d.mint, Evaluation: d.evaluation, Weights: d.weights})
	if err != nil {
		return washSplit{}, err
	}
	defer w.Close()
	a, err := w.NewAccount("splitter", washFunds)
	if err != nil {
		return washSplit{}, err
	}
	s := &econsim.Splitter{Acct: a, Model: 1, Frac: frac, Steps: k, At: at}
	w.Add(s)
	for !s.Done() && w.Height() < at+40 {
		if err := w.Step(); err != nil {
			return washSplit{}, err
		}
	}
	m, err := w.Model(1)
	if err != nil {
		return washSplit{}, err
	}
	// What a unit of work is worth here: the optimizer share of the next
	// coinbase over the difficulty (a round pays its pool for D of work).
	st, err := w.MintStatus()
	if err != nil {
		return washSplit{}, err
	}
	wp, err := w.Q.Weights.Params(w.Ctx, &weightstypes.QueryParamsRequest{})
	if err != nil {
		return washSplit{}, err
	}
	perWork := econsim.Float64(st.ExpectedCoinbase.ToLegacyDec().Mul(wp.Params.BaseShares.Optimizer).Quo(st.Minter.Difficulty))
	op, err := w.OptimaParams()
	if err != nil {
		return washSplit{}, err
	}
	burned := float64(s.Stats.Rejected) * econsim.Float64(op.RejectBurnFraction) * float64(m.CommitBond.Amount.Int64())
	return washSplit{Steps: k, Frac: frac, Committed: s.Stats.Committed, Accepted: s.Stats.Accepted, Rejected: s.Stats.Rejected,
		Increment: s.Stats.Increment, Work: s.Stats.Work, OldRatio: s.Stats.OldRatio, BondBurned: burned, UdonPerWork: perWork}, nil
}

// washSplits plays the splitter runs at the default point, adds their rows
// (profit: the extra work at the world's pay per unit of work, less the
// extra bonds burned, against the one-step reveal) and returns them by run.
func washSplits(o econsim.Options, t *econsim.Table) ([][]washSplit, error) {
	d := washDefaults()
	var out [][]washSplit
	for r := range 8 * o.RunsOr(1, 2) {
		seed := o.Seed + uint64(r)
		ss, err := washSplitRun(seed)
		if err != nil {
			return nil, fmt.Errorf("splitter, seed %d: %w", seed, err)
		}
		one := ss[0]
		for _, s := range ss {
			own := s.Work*s.UdonPerWork - s.BondBurned
			profit := own - (one.Work*one.UdonPerWork - one.BondBurned)
			o.Logf("washtrade splitter seed %d k=%d frac %.3f: increment %.5f (one step %.5f), work %.5f, old ratio %.5f, %d rejected",
				seed, s.Steps, s.Frac, s.Increment, one.Increment, s.Work, s.OldRatio, s.Rejected)
			t.Add(r, seed, d.Name, "", d.CoinbaseX, d.Burn, d.MPB, d.D0, d.Alpha, true, fmt.Sprintf("split-k%d", s.Steps),
				profit, "one-step", own, s.Committed, s.Accepted, own/float64(s.Committed), s.BondBurned, s.Work,
				s.Increment, s.OldRatio, "", "", "")
		}
		out = append(out, ss)
	}
	return out, nil
}

// washSplitCheck: for every k, the k-step reveal of an improvement below
// the cap is credited no more work than the one-step reveal (mean relative
// gain over runs not above two standard errors). The measured text gives
// the same comparison for the increments and for the earlier ratio rule
// (Σ lcb/L_inc), which paid splitting.
func washSplitCheck(res *econsim.Result, runs [][]washSplit) {
	for i, k := range washSplitSteps {
		if k == 1 {
			continue
		}
		var work, inc, old []float64
		for _, ss := range runs {
			one, s := ss[0], ss[i]
			work = append(work, s.Work/one.Work-1)
			inc = append(inc, s.Increment/one.Increment-1)
			old = append(old, s.OldRatio/one.OldRatio-1)
		}
		g, se := econsim.Mean(work), stdErr(work)
		res.Check(fmt.Sprintf("splitting into %d reveals gains no work below the cap", k), len(work) > 1 && g <= 2*se,
			"work %+.2f%% ± %.2f%% (s.e.), increments %+.2f%% ± %.2f%% vs one reveal, %d runs; the earlier ratio rule would pay %+.2f%% ± %.2f%%",
			100*g, 100*se, 100*econsim.Mean(inc), 100*stdErr(inc), len(work), 100*econsim.Mean(old), 100*stdErr(old))
	}
}
