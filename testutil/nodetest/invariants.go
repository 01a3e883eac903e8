package nodetest

import (
	"context"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	weightstypes "github.com/don-network/don/x/weights/types"
)

// RequireWeightsSumToOne checks, through x/weights' queries at ctx's
// height, invariants 10 and 13 of docs/invariants.md: the models' weights
// and the role shares each sum to exactly 1.
func RequireWeightsSumToOne(ctx context.Context, t testing.TB, weights weightstypes.QueryClient) {
	t.Helper()
	res, err := weights.Weights(ctx, &weightstypes.QueryWeightsRequest{})
	require.NoError(t, err)
	sum := sdkmath.LegacyZeroDec()
	for _, w := range res.Weights {
		sum = sum.Add(w.Weight)
	}
	require.True(t, sum.Equal(sdkmath.LegacyOneDec()), "weights sum to %s", sum)
	shares, err := weights.RoleShares(ctx, &weightstypes.QueryRoleSharesRequest{})
	require.NoError(t, err)
	s := shares.Shares
	require.True(t, s.Optimizer.Add(s.Evaluator).Add(s.Validator).Add(s.Community).Equal(sdkmath.LegacyOneDec()), "role shares sum to 1: %v", s)
}
