package experiments

import (
	"fmt"

	sdkmath "cosmossdk.io/math"

	"github.com/don-network/don/testutil/econsim"
	minttypes "github.com/don-network/don/x/mint/types"
)

// The genesis work budget: evidence for x/mint's initial_difficulty. The
// first round of a new network is paid from the headroom of its genesis
// models, and since the weights sum to 1 the work they can ever yield is
// at most their weighted mean headroom Σ w_m · ln(L0/L_target), whatever
// their number (less in fact: an optimum is paid for the improvement its
// sample proves, lcb, and improvements stop at min_improvement).
// rtGenesisBudget measures it on the chain: honest
// optimizers improve the genesis models until nothing more is accepted
// while the difficulty is out of reach (and the stall rule off), and the
// open round's W is all the work there was. An initial_difficulty near it
// needs the whole budget (or the stall rule) before the first round closes.

const (
	rtBudgetModels     = 3
	rtBudgetOptimizers = 3
	rtBudgetQuiet      = 50  // blocks without an accepted optimum: exhausted
	rtBudgetMaxBlocks  = 800 // give up (report not exhausted) after this
)

// rtBudget is what the probe measured.
type rtBudget struct {
	work      float64
	accepted  int
	commits   int
	blocks    int
	exhausted bool
}

func rtGenesisBudget(seed uint64) (b rtBudget, err error) {
	w, err := econsim.New(econsim.Config{
		Seed: seed, Models: rtBudgetModels, InvariantEvery: 10,
		Mint: func(gs *minttypes.GenesisState) {
			gs.Params.InitialDifficulty = sdkmath.LegacyNewDec(1_000_000)
			gs.Params.StallDecay = sdkmath.LegacyZeroDec()
		},
	})
	if err != nil {
		return b, err
	}
	defer func() {
		if cerr := w.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	var opts []*econsim.Optimizer
	for i := range rtBudgetOptimizers {
		a, err := w.NewAccount(fmt.Sprintf("optimizer-%d", i), 1_000_000_000)
		if err != nil {
			return b, err
		}
		o := &econsim.Optimizer{Acct: a, Rate: rtRate, Step: rtStep}
		opts = append(opts, o)
		w.Add(o)
	}
	accepted := func() int {
		n := 0
		for _, o := range opts {
			n += o.Stats.Accepted
		}
		return n
	}
	for last := -1; b.blocks < rtBudgetMaxBlocks && !b.exhausted; {
		if err := w.Run(rtBudgetQuiet, nil); err != nil {
			return b, err
		}
		b.blocks += rtBudgetQuiet
		b.exhausted, last = accepted() == last, accepted()
	}
	st, err := w.MintStatus()
	if err != nil {
		return b, err
	}
	if st.Minter.Round != 1 {
		return b, fmt.Errorf("a round closed at D %s", st.Minter.Difficulty)
	}
	b.work, b.accepted = econsim.Float64(st.Minter.Work), accepted()
	for _, o := range opts {
		b.commits += o.Stats.Commits
	}
	return b, nil
}
