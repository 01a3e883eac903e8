package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

// activeModel is a default regime-ar model (5 params).
func activeModel(t *testing.T) types.Model {
	t.Helper()
	cfg, err := types.DefaultDomainConfig("regime-ar")
	require.NoError(t, err)
	dom, typed, err := types.ResolveDomain("regime-ar", cfg)
	require.NoError(t, err)
	n, err := dom.NumParams(typed)
	require.NoError(t, err)
	return types.Model{Id: 3, Domain: "regime-ar", Config: cfg, NumParams: uint32(n), Status: types.MODEL_STATUS_ACTIVE}
}

func TestCheckCandidate(t *testing.T) {
	p, m := types.DefaultParams(), activeModel(t)
	require.NoError(t, types.CheckCommittable(p, m, make([]int64, m.NumParams)))
	require.ErrorIs(t, types.CheckCommittable(p, m, make([]int64, 3)), types.ErrParamsLength, "3 params for a 5-param model")
	require.ErrorIs(t, types.CheckCommittable(p, m, nil), types.ErrParamsLength, "no params")
	require.ErrorIs(t, types.CheckCommittable(p, m, make([]int64, p.MaxParams+1)), types.ErrTooManyParams)

	retired := m
	retired.Status = types.MODEL_STATUS_RETIRED
	require.ErrorIs(t, types.CheckCommittable(p, retired, make([]int64, m.NumParams)), types.ErrModelNotActive)
	require.NoError(t, types.CheckCandidate(p, retired, make([]int64, m.NumParams)), "a reveal on a retired model is refunded")

	broken := m
	broken.NumParams = 3 // a model whose stored size disagrees with its domain
	require.ErrorIs(t, types.CheckCandidate(p, broken, make([]int64, 3)), types.ErrParamsLength)
}

func TestCheckOpening(t *testing.T) {
	addr := sdk.AccAddress([]byte("optimizer___________"))
	params, salt := []int64{1, 2, 3}, make([]byte, 16)
	c := types.Commit{Id: 7, ModelId: 3, Commitment: types.ComputeCommitment(3, addr, params, salt)}
	require.NoError(t, types.CheckOpening(c, addr, params, salt))
	require.ErrorIs(t, types.CheckOpening(c, addr, []int64{1, 2, 4}, salt), types.ErrCommitmentMismatch)
	require.ErrorIs(t, types.CheckOpening(c, addr, params, make([]byte, 15)), types.ErrInvalidSalt)
	other := sdk.AccAddress([]byte("someone_else________"))
	require.ErrorIs(t, types.CheckOpening(c, other, params, salt), types.ErrCommitmentMismatch)
}
