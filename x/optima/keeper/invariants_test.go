package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/testutil/fixture"
	"github.com/don-network/don/x/optima/types"
)

// The invariants must notice a broken state, not only pass on a good one.
func TestInvariantsDetectBrokenState(t *testing.T) {
	e := newEnv(t)
	e.commit(goodAR(t))
	require.NoError(t, e.k.CheckInvariants(e.Ctx))

	// Coins in the module account that no bond or deposit accounts for.
	require.NoError(t, e.BankKeeper.SendCoinsFromAccountToModule(e.Ctx, e.optimizer, types.ModuleName,
		sdk.NewCoins(sdk.NewInt64Coin(fixture.Denom, 1))))
	require.ErrorContains(t, e.k.CheckModuleBalance(e.Ctx), "owes")

	// An accepted optimum whose bound is below the model's threshold.
	e2 := newEnv(t)
	id := e2.commit(goodAR(t))
	e2.advance(3)
	res, err := e2.msg.RevealOptimum(e2.Ctx, &types.MsgRevealOptimum{Optimizer: e2.optimizerStr, CommitId: id, Params: goodAR(t), Salt: testSalt})
	require.NoError(t, err)
	o, err := e2.k.GetOptimum(e2.Ctx, testModel, res.OptimumId)
	require.NoError(t, err)
	o.Lcb = sdkmath.LegacyNewDecWithPrec(1, 9)
	require.NoError(t, e2.k.Optima.Set(e2.Ctx, collectionsKey(testModel, o.Id), o))
	require.ErrorContains(t, e2.k.CheckAcceptedOptima(e2.Ctx), "lcb")
}

// An increment is bounded by its own evidence, −ln(1 − lcb/L_inc), not by
// 1: an optimum capped at max_increment = ln 4 > 1 is valid, one credited
// more than its lcb proves is not.
func TestAcceptedOptimumIncrementBoundedByEvidence(t *testing.T) {
	e := newEnv(t)
	id := e.commit(goodAR(t))
	e.advance(3)
	res, err := e.msg.RevealOptimum(e.Ctx, &types.MsgRevealOptimum{Optimizer: e.optimizerStr, CommitId: id, Params: goodAR(t), Salt: testSalt})
	require.NoError(t, err)
	o, err := e.k.GetOptimum(e.Ctx, testModel, res.OptimumId)
	require.NoError(t, err)

	// Evidence of a 5× reduction (lcb = 0.8 L_inc): ln 5 ≈ 1.609, capped at ln 4.
	o.Lcb = o.IncumbentLoss.Mul(sdkmath.LegacyNewDecWithPrec(8, 1))
	o.Increment = types.DefaultMaxIncrement()
	require.True(t, o.Increment.GT(sdkmath.LegacyOneDec()))
	require.NoError(t, e.k.Optima.Set(e.Ctx, collectionsKey(testModel, o.Id), o))
	require.NoError(t, e.k.CheckAcceptedOptima(e.Ctx))

	// The same evidence credited with more than it proves.
	o.Increment = sdkmath.LegacyMustNewDecFromStr("1.7")
	require.NoError(t, e.k.Optima.Set(e.Ctx, collectionsKey(testModel, o.Id), o))
	require.ErrorContains(t, e.k.CheckAcceptedOptima(e.Ctx), "above")
}
