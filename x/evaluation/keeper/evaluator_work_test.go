package keeper_test

import (
	"testing"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/evaluation/keeper"
	"github.com/don-network/don/x/evaluation/types"
)

// x/mint's evaluator pool is paid pro rata of evaluator work, and a settled
// request's work is weighted by the evaluator's reputation (docs/mint.md,
// "Evaluator pool"). So for the same settled request a more reputable
// evaluator is credited more work: its reputation after the success.
// (Settlement first credited a flat unit; this pins the fix.)
func TestSettlementCreditsWorkTimesReputation(t *testing.T) {
	e := newEnv(t)
	e.register(e.eve, collateral, 4)
	e.register(e.eve2, collateral, 4)
	// eve has earned a high reputation; eve2 is a newcomer (0.5).
	ev := e.evaluator(e.eve)
	ev.Reputation = dec("0.9")
	require.NoError(t, e.Evaluation.Evaluators.Set(e.Ctx, e.eve.addr, ev))

	a, b := e.request(1), e.request(1)
	e.mustClaim(e.eve, a)
	e.mustClaim(e.eve2, b)
	settle := e.mustSubmit(e.eve, a)
	e.mustSubmit(e.eve2, b)
	e.EndBlocksUntil(settle + 1)
	require.Equal(t, types.REQUEST_STATUS_SETTLED, e.get(a).Status)
	require.Equal(t, types.REQUEST_STATUS_SETTLED, e.get(b).Status)

	m, err := e.Mint.Minter.Get(e.Ctx)
	require.NoError(t, err)
	work := func(a account) sdkmath.LegacyDec {
		w, err := e.Mint.EvaluatorWork.Get(e.Ctx, collections.Join(m.Round, a.addr))
		require.NoError(t, err)
		return w
	}
	require.True(t, work(e.eve).GT(work(e.eve2)),
		"one settled request each at reputation %s and %s: credited work %s and %s",
		e.evaluator(e.eve).Reputation, e.evaluator(e.eve2).Reputation, work(e.eve), work(e.eve2))
	burned := func(id uint64) sdkmath.Int {
		r := e.get(id)
		return keeper.SplitPrice(e.params(), r.Price, r.MaxFee).Burned
	}
	require.Equal(t, dec("0.905").MulInt(burned(a)), work(e.eve), "burned × (0.9 + 0.05·(1 − 0.9))")
	require.Equal(t, dec("0.525").MulInt(burned(b)), work(e.eve2), "burned × (0.5 + 0.05·(1 − 0.5))")
}
