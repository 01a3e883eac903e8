package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/keeper"
	"github.com/don-network/don/x/optima/types"
)

// Every bond and deposit is in the chain's one denom, x/mint's: a genesis
// or a params update naming another coin is refused.
func TestBondsMustBeInTheChainDenom(t *testing.T) {
	f, k, _, _ := newKeeper(t)
	gs := types.DefaultGenesis()
	gs.Params.MinCommitBond = sdk.NewInt64Coin("uatom", 1000)
	require.NoError(t, gs.Validate(), "valid on its own: the denom is a cross-module rule")
	require.ErrorIs(t, k.InitGenesis(f.Ctx, *gs), types.ErrInvalidGenesis)

	gs = types.DefaultGenesis()
	require.NoError(t, k.InitGenesis(f.Ctx, *gs))
	p := types.DefaultParams()
	p.MinModelDeposit = sdk.NewInt64Coin("uatom", 1_000_000)
	_, err := keeper.NewMsgServerImpl(k).UpdateParams(f.Ctx, &types.MsgUpdateParams{Authority: f.Authority, Params: p})
	require.ErrorIs(t, err, types.ErrInvalidParams)
	got, err := k.Params.Get(f.Ctx)
	require.NoError(t, err)
	require.Equal(t, types.DefaultParams(), got, "unchanged")
}
