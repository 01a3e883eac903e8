package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/don-network/don/x/weights/types"
)

// The Weights pages together are the published vector: ids ascending, the
// remainder in the smallest id's weight, summing to exactly 1.
func TestQueryWeightsPaginated(t *testing.T) {
	e := newEnv(t)
	scenario(t, e, 21, 7, 15)
	require.NoError(t, e.k.OnModelRetired(e.Ctx, 1))
	want, rem, err := e.k.PublishedWeights(e.Ctx)
	require.NoError(t, err)

	var got []types.PublishedWeight
	var key []byte
	for {
		res, err := e.q.Weights(e.Ctx, &types.QueryWeightsRequest{Pagination: &query.PageRequest{Key: key, Limit: 2}})
		require.NoError(t, err)
		require.Equal(t, uint64(6), res.ActiveModels)
		require.Equal(t, uint64(2), res.RemainderModelId)
		if len(res.Weights) > 0 && res.Weights[0].ModelId == 2 {
			require.Equal(t, rem, res.Remainder)
		}
		got = append(got, res.Weights...)
		key = res.Pagination.NextKey
		if key == nil {
			break
		}
	}
	require.Equal(t, want, got)
	sum := sdkmath.LegacyZeroDec()
	for _, w := range got {
		sum = sum.Add(w.Weight)
	}
	require.Equal(t, sdkmath.LegacyOneDec(), sum)

	_, err = e.q.Weights(e.Ctx, nil)
	require.Equal(t, codes.InvalidArgument, status.Code(err))
}

func TestQueryWeight(t *testing.T) {
	e := newEnv(t)
	e.activate(1, 2)
	require.NoError(t, e.k.RecordRequest(e.Ctx, 2, sdkmath.NewInt(50)))
	require.NoError(t, e.k.RecordRequest(e.Ctx, 2, sdkmath.NewInt(50)))
	require.NoError(t, e.k.RecordReveal(e.Ctx, 2, false))
	e.endBlock()
	res, err := e.q.Weight(e.Ctx, &types.QueryWeightRequest{ModelId: 2})
	require.NoError(t, err)
	require.Equal(t, e.weight(2), res.Weight)
	require.Equal(t, e.state(2), res.State)
	require.Equal(t, dec("10"), res.Demand) // 0.1·100: fee value only, not the request count
	require.Equal(t, dec("0.1"), res.Supply)

	_, err = e.q.Weight(e.Ctx, &types.QueryWeightRequest{ModelId: 9})
	require.ErrorIs(t, err, types.ErrModelNotFound)
	require.Equal(t, codes.NotFound, status.Code(err))

	require.NoError(t, e.k.OnModelRetired(e.Ctx, 2))
	res, err = e.q.Weight(e.Ctx, &types.QueryWeightRequest{ModelId: 2})
	require.NoError(t, err)
	require.True(t, res.Weight.IsZero())
	require.False(t, res.State.Active)
}

// The invariants notice a broken state, not only pass on a good one.
func TestInvariantsDetectBrokenState(t *testing.T) {
	e := newEnv(t)
	scenario(t, e, 3, 4, 5)

	require.NoError(t, e.k.SumRaw.Set(e.Ctx, dec("0.5")))
	require.ErrorContains(t, e.k.CheckSumRaw(e.Ctx), "sum_raw")
	require.Error(t, e.k.CheckWeights(e.Ctx))

	e2 := newEnv(t)
	scenario(t, e2, 3, 4, 5)
	st := e2.state(2)
	st.Active = false
	require.NoError(t, e2.k.Models.Set(e2.Ctx, 2, st))
	require.ErrorContains(t, e2.k.CheckSumRaw(e2.Ctx), "active")

	e3 := newEnv(t)
	scenario(t, e3, 3, 4, 5)
	require.NoError(t, e3.k.LastRoleShares.Set(e3.Ctx, types.RoleShares{Optimizer: dec("1"), Evaluator: dec("0.1"), Validator: dec("0"), Community: dec("0")}))
	require.Error(t, e3.k.CheckRoleShares(e3.Ctx))
}
