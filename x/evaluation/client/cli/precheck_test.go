package cli

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"

	"github.com/don-network/don/x/evaluation/types"
	optimatypes "github.com/don-network/don/x/optima/types"
)

type fakeEvaluation struct{ types.QueryClient }

func (fakeEvaluation) Params(context.Context, *types.QueryParamsRequest, ...grpc.CallOption) (*types.QueryParamsResponse, error) {
	return &types.QueryParamsResponse{Params: types.DefaultParams()}, nil
}

type fakeOptima struct {
	optimatypes.QueryClient
	model optimatypes.Model
}

func (f fakeOptima) Model(_ context.Context, req *optimatypes.QueryModelRequest, _ ...grpc.CallOption) (*optimatypes.QueryModelResponse, error) {
	if req.ModelId != f.model.Id {
		return nil, optimatypes.ErrModelNotFound
	}
	return &optimatypes.QueryModelResponse{Model: f.model}, nil
}

// A request far over max_rows used to reach the node and fail at its HTTP
// body limit; the CLI now says max_rows before broadcasting.
func TestPrecheckRequest(t *testing.T) {
	ctx := context.Background()
	cfg, err := optimatypes.DefaultDomainConfig("regime-ar")
	require.NoError(t, err)
	oq := fakeOptima{model: optimatypes.Model{Id: 3, Domain: "regime-ar", Config: cfg, Status: optimatypes.MODEL_STATUS_ACTIVE}}
	width := 4 // regime-ar's default lags
	csv := func(rows int, line string) []int64 {
		parsed, err := ParseRowsCSV([]byte(strings.Repeat(line+"\n", rows)))
		require.NoError(t, err)
		flat, w, err := Flatten(parsed)
		require.NoError(t, err)
		require.Equal(t, strings.Count(line, ",")+1, w)
		return flat
	}
	maxRows := int(types.DefaultParams().MaxRows)

	require.NoError(t, precheckRequest(ctx, fakeEvaluation{}, oq, 3, csv(maxRows, "0.1,0.2,0.3,0.4"), width))
	err = precheckRequest(ctx, fakeEvaluation{}, oq, 3, csv(maxRows+1, "0.1,0.2,0.3,0.4"), width)
	require.ErrorIs(t, err, types.ErrInvalidInputs)
	require.ErrorContains(t, err, "max_rows")
	err = precheckRequest(ctx, fakeEvaluation{}, oq, 3, csv(4, "1,2,3"), 3)
	require.ErrorContains(t, err, "3 columns")
	err = precheckRequest(ctx, fakeEvaluation{}, oq, 3, csv(1, "1,2,3,2000000"), width)
	require.ErrorContains(t, err, "max_abs_input")
	require.ErrorIs(t, precheckRequest(ctx, fakeEvaluation{}, oq, 9, csv(1, "1,2,3,4"), width), optimatypes.ErrModelNotFound)
	oq.model.Status = optimatypes.MODEL_STATUS_RETIRED
	require.ErrorIs(t, precheckRequest(ctx, fakeEvaluation{}, oq, 3, csv(1, "1,2,3,4"), width), types.ErrModelNotActive)
}
