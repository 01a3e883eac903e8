package keeper_test

import (
	"context"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"

	"github.com/don-network/don/testutil/fixture"
	"github.com/don-network/don/x/mint/keeper"
	"github.com/don-network/don/x/mint/types"
	weightstypes "github.com/don-network/don/x/weights/types"
)

// fixedShares stands in for x/weights with chosen role shares, so payouts
// can be checked against hand-computed amounts.
type fixedShares struct{ shares weightstypes.RoleShares }

func (f *fixedShares) RoleShares(context.Context) (weightstypes.RoleShares, error) {
	return f.shares, nil
}

func dec(s string) sdkmath.LegacyDec { return sdkmath.LegacyMustNewDecFromStr(s) }

func defaultShares() weightstypes.RoleShares {
	return weightstypes.RoleShares{Optimizer: dec("0.6"), Evaluator: dec("0.2"), Validator: dec("0.15"), Community: dec("0.05")}
}

type env struct {
	*fixture.Fixture
	k         *keeper.Keeper
	shares    *fixedShares
	community *fixture.CommunityPool
	// past holds the events of the blocks that endBlock finished.
	past sdk.Events
}

const blockSeconds = 5

func newEnv(t testing.TB, mutate func(*types.GenesisState)) *env {
	t.Helper()
	f := fixture.New(t, []string{types.StoreKey}, map[string][]string{
		types.ModuleName:           {authtypes.Minter},
		authtypes.FeeCollectorName: nil,
		distrtypes.ModuleName:      nil,
	}, types.RegisterInterfaces)
	e := &env{Fixture: f, shares: &fixedShares{defaultShares()}, community: f.NewCommunityPool()}
	e.k = keeper.NewKeeper(f.Codec, f.StoreService(types.StoreKey), f.AddressCodec, f.Authority,
		authtypes.FeeCollectorName, f.BankKeeper, e.community, e.shares)
	f.Ctx = f.Ctx.WithBlockTime(time.Unix(1_700_000_000, 0).UTC())
	gs := types.DefaultGenesis()
	// The tests' arithmetic is on a difficulty of 1 (W of 0.4 + 0.5 is
	// still open, 1.0 closes), whatever the chain's default.
	gs.Params.InitialDifficulty = sdkmath.LegacyOneDec()
	if mutate != nil {
		mutate(gs)
	}
	require.NoError(t, gs.Validate())
	require.NoError(t, e.k.InitGenesis(f.Ctx, *gs))
	return e
}

// endBlock runs x/mint's EndBlock, checks the invariants and moves to the
// next block, blockSeconds later.
func (e *env) endBlock() {
	e.T.Helper()
	require.NoError(e.T, e.k.EndBlocker(e.Ctx))
	require.NoError(e.T, e.k.CheckInvariants(e.Ctx))
	e.past = append(e.past, e.Ctx.EventManager().Events()...)
	e.NextBlock()
	e.Ctx = e.Ctx.WithBlockTime(e.Ctx.BlockTime().Add(blockSeconds * time.Second))
}

func (e *env) minter() types.Minter {
	m, err := e.k.Minter.Get(e.Ctx)
	require.NoError(e.T, err)
	return m
}

func (e *env) work(addr sdk.AccAddress, w string) {
	e.T.Helper()
	require.NoError(e.T, e.k.AddOptimizerWork(e.Ctx, addr, 1, dec(w)))
}

// coin is amount in the mint denom, as x/mint's events report amounts.
func (e *env) coin(amount sdkmath.Int) sdk.Coin {
	e.T.Helper()
	p, err := e.k.Params.Get(e.Ctx)
	require.NoError(e.T, err)
	return sdk.NewCoin(p.MintDenom, amount)
}
