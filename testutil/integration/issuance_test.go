// Package integration tests DON's modules together on the shared keeper
// fixture: the real keepers wired as in the app (testutil/donchain),
// driven block by block.
package integration

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/don-network/don/testutil/donchain"
	"github.com/don-network/don/testutil/fixture"
	weightstypes "github.com/don-network/don/x/weights/types"
)

// Several optimizers on several models of different weights: each one's
// work is w_m·Δ with the weight x/weights gives at that moment, the round
// closes exactly when W ≥ D, and each optimizer is paid pool·work/W.
func TestIssuanceAcrossModulesPaysByWeightedWork(t *testing.T) {
	// A prior demand d0 of 50,000 udon per block: 1 DON of fees on model 1,
	// several times d0 once filtered, raises its weight well above models
	// 2 and 3.
	c := donchain.New(t, donchain.Options{Models: 3, Weights: func(g *weightstypes.GenesisState) {
		g.Params.D0 = sdkmath.LegacyNewDec(50_000)
	}})
	require.NoError(t, c.Weights.RecordRequest(c.Ctx, 1, sdkmath.NewInt(1_000_000)))
	c.EndBlock()
	w1, err := c.Weights.ModelWeight(c.Ctx, 1)
	require.NoError(t, err)
	w2, err := c.Weights.ModelWeight(c.Ctx, 2)
	require.NoError(t, err)
	require.True(t, w1.GT(w2), "demand raised model 1's weight: %s vs %s", w1, w2)

	alice, aliceStr := c.Addr("alice")
	bob, bobStr := c.Addr("bob")
	c.Fund(alice, 1_000_000)
	c.Fund(bob, 1_000_000)

	good := fixture.Fixed(t, "0", "0", "0.2", "0.5", "0.3")
	workA := c.Improve(alice, aliceStr, 1, good).Work
	m, err := c.Mint.Minter.Get(c.Ctx)
	require.NoError(t, err)
	require.True(t, m.Work.LT(m.Difficulty), "one optimum (work %s) is not enough for D %s", workA, m.Difficulty)
	require.Equal(t, workA, m.Work)

	workB := c.Improve(bob, bobStr, 2, good).Work
	require.True(t, workA.GT(workB), "the heavier model paid more work: %s vs %s", workA, workB)
	m, err = c.Mint.Minter.Get(c.Ctx)
	require.NoError(t, err)
	total := workA.Add(workB)
	require.Equal(t, total, m.Work)
	require.True(t, total.GTE(m.Difficulty), "work %s + %s vs D %s", workA, workB, m.Difficulty)

	aliceBefore, bobBefore := c.Balance(alice), c.Balance(bob)
	c.EndBlock() // the round closes here
	rec, err := c.Mint.Rounds.Get(c.Ctx, 1)
	require.NoError(t, err)
	shares, err := c.Weights.RoleShares(c.Ctx)
	require.NoError(t, err)
	pool := sdkmath.LegacyNewDecFromInt(shares.Optimizer.MulInt(rec.Coinbase).TruncateInt())
	require.Equal(t, pool.MulTruncate(workA).QuoTruncate(total).TruncateInt(), c.Balance(alice).Sub(aliceBefore))
	require.Equal(t, pool.MulTruncate(workB).QuoTruncate(total).TruncateInt(), c.Balance(bob).Sub(bobBefore))
	require.Equal(t, rec.Minted, rec.OptimizerPaid.Add(rec.EvaluatorPaid).Add(rec.ValidatorPaid).Add(rec.CommunityPaid))
	require.Equal(t, shares.Evaluator.MulInt(rec.Coinbase).TruncateInt(), rec.EvaluatorHeldBack,
		"no evaluator work: the evaluator share is not minted")
	require.Equal(t, rec.CommunityPaid, c.Community.Received, "community share and dust")
	require.Equal(t, rec.ValidatorPaid, c.ModuleBalance(authtypes.FeeCollectorName))
}
