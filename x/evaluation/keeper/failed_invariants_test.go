package keeper_test

import (
	"testing"

	"cosmossdk.io/collections"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/evaluation/keeper"
	"github.com/don-network/don/x/evaluation/types"
)

// The invariants catch a tampered queue state: an item both queued and set
// aside, an item neither queued nor set aside, a failed item whose due
// height is not its request's, one whose request is gone, and a stray
// unbonding entry. Each tampering runs on a branch of the state.
func TestInvariantsCatchTamperedFailedItems(t *testing.T) {
	e := newEnv(t)
	ids, settleAt := e.submittedBatch(2)
	bad := ids[0]
	e.pin(bad, 999)
	e.EndBlocksUntil(settleAt)
	e.EndBlock()
	rec, ok := e.failed(bad)
	require.True(t, ok)
	require.NoError(t, e.Evaluation.CheckInvariants(e.Ctx))
	k := e.Evaluation
	key := keeper.DueFailedKey(bad)

	for _, tc := range []struct {
		name, msg string
		tamper    func(ctx sdk.Context) error
		check     func(ctx sdk.Context) error // default: CheckInvariants
	}{
		{"queued and set aside", "both queued and set aside", func(ctx sdk.Context) error {
			return k.Due.Set(ctx, collections.Join(settleAt, bad))
		}, nil},
		{"neither queued nor set aside", "neither queued nor set aside", func(ctx sdk.Context) error {
			return k.FailedItems.Remove(ctx, key)
		}, nil},
		{"failed item due elsewhere", "due at 7, its owner at", func(ctx sdk.Context) error {
			moved := rec
			moved.DueHeight = 7
			return k.FailedItems.Set(ctx, key, moved)
		}, nil},
		{"failed item of a request that is gone", "not found", func(ctx sdk.Context) error {
			stray := rec
			stray.RequestId = 99
			return k.FailedItems.Set(ctx, keeper.DueFailedKey(99), stray)
		}, nil},
		{"failed item under another item's key", "stored under another item's key", func(ctx sdk.Context) error {
			return k.FailedItems.Set(ctx, keeper.DueFailedKey(ids[1]), rec)
		}, func(ctx sdk.Context) error { return k.CheckFailedItems(ctx) }}, // CheckQueues sees it too, as both queued and set aside
		{"stray unbonding entry", "1 unbonding items for 0 queued unbondings", func(ctx sdk.Context) error {
			return k.Unbonding.Set(ctx, collections.Join(int64(77), e.eve.addr))
		}, nil},
		{"unbonding evaluator without its entry", "neither queued nor set aside", func(ctx sdk.Context) error {
			ev := e.evaluator(e.eve)
			ev.UnbondingHeight = 77
			return k.Evaluators.Set(ctx, e.eve.addr, ev)
		}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, _ := e.Ctx.CacheContext()
			require.NoError(t, tc.tamper(ctx))
			check := func(ctx sdk.Context) error { return k.CheckInvariants(ctx) }
			if tc.check != nil {
				check = tc.check
			}
			require.ErrorContains(t, check(ctx), tc.msg)
		})
	}
	require.NoError(t, k.CheckInvariants(e.Ctx), "the branches left the state as it was")
	require.Equal(t, types.REQUEST_STATUS_SUBMITTED, e.get(bad).Status)
}
