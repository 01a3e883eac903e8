package cli

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

// fakeQuery answers the three queries the prechecks make.
type fakeQuery struct {
	types.QueryClient
	model  types.Model
	commit types.Commit
}

func (f fakeQuery) Params(context.Context, *types.QueryParamsRequest, ...grpc.CallOption) (*types.QueryParamsResponse, error) {
	return &types.QueryParamsResponse{Params: types.DefaultParams()}, nil
}

func (f fakeQuery) Model(_ context.Context, req *types.QueryModelRequest, _ ...grpc.CallOption) (*types.QueryModelResponse, error) {
	if req.ModelId != f.model.Id {
		return nil, types.ErrModelNotFound
	}
	return &types.QueryModelResponse{Model: f.model}, nil
}

func (f fakeQuery) Commit(_ context.Context, req *types.QueryCommitRequest, _ ...grpc.CallOption) (*types.QueryCommitResponse, error) {
	if req.CommitId != f.commit.Id {
		return nil, types.ErrCommitNotFound
	}
	return &types.QueryCommitResponse{Commit: f.commit}, nil
}

func regimeARModel(t *testing.T) types.Model {
	t.Helper()
	cfg, err := types.DefaultDomainConfig("regime-ar")
	require.NoError(t, err)
	return types.Model{Id: 3, Domain: "regime-ar", Config: cfg, NumParams: 5, Status: types.MODEL_STATUS_ACTIVE}
}

// `tx optima commit 3 short.json` with 3 params for a 5-param model used to
// broadcast and lock a bond that could only burn.
func TestPrecheckCommitRefusesWhatCannotBeRevealed(t *testing.T) {
	ctx := context.Background()
	q := fakeQuery{model: regimeARModel(t)}
	short, err := ParseParamsJSON([]byte(`[0, 0.5, 1]`))
	require.NoError(t, err)
	require.ErrorIs(t, precheckCommit(ctx, q, 3, short), types.ErrParamsLength)
	require.NoError(t, precheckCommit(ctx, q, 3, make([]int64, 5)))
	require.ErrorIs(t, precheckCommit(ctx, q, 4, make([]int64, 5)), types.ErrModelNotFound)

	q.model.Status = types.MODEL_STATUS_RETIRED
	require.ErrorIs(t, precheckCommit(ctx, q, 3, make([]int64, 5)), types.ErrModelNotActive)
}

func TestPrecheckReveal(t *testing.T) {
	ctx := context.Background()
	alice := sdk.AccAddress([]byte("alice_______________"))
	bob := sdk.AccAddress([]byte("bob_________________"))
	params, salt := []int64{0, 0, 1, 2, 3}, make([]byte, 16)
	q := fakeQuery{model: regimeARModel(t), commit: types.Commit{
		Id: 9, Optimizer: alice.String(), ModelId: 3, Commitment: types.ComputeCommitment(3, alice, params, salt),
	}}
	require.NoError(t, precheckReveal(ctx, q, 9, alice, params, salt))
	require.ErrorIs(t, precheckReveal(ctx, q, 8, alice, params, salt), types.ErrCommitNotFound)
	require.ErrorIs(t, precheckReveal(ctx, q, 9, bob, params, salt), types.ErrNotCommitOwner)
	require.ErrorIs(t, precheckReveal(ctx, q, 9, alice, params[:3], salt), types.ErrParamsLength)
	require.ErrorIs(t, precheckReveal(ctx, q, 9, alice, []int64{0, 0, 1, 2, 4}, salt), types.ErrCommitmentMismatch)
	require.ErrorIs(t, precheckReveal(ctx, q, 9, alice, params, make([]byte, 17)), types.ErrCommitmentMismatch)
}
