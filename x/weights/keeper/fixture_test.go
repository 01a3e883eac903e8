package keeper_test

import (
	"context"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/testutil/fixture"
	optimatypes "github.com/don-network/don/x/optima/types"
	"github.com/don-network/don/x/weights/keeper"
	"github.com/don-network/don/x/weights/types"
)

// x/optima, x/evaluation and x/mint code against these views of the
// keeper; the assertions live in a test so that x/weights never imports
// x/optima (docs/overview.md, "Dependencies": weights ← optima).
var (
	_ optimatypes.WeightsKeeper = (*keeper.Keeper)(nil)
	_ interface {
		RecordRequest(ctx context.Context, modelID uint64, fee sdkmath.Int) error
		RecordBacklog(ctx context.Context, openRequests uint64) error
	} = (*keeper.Keeper)(nil)
	_ interface {
		RoleShares(ctx context.Context) (types.RoleShares, error)
	} = (*keeper.Keeper)(nil)
)

// env is an x/weights keeper on the shared fixture with default genesis.
type env struct {
	*fixture.Fixture
	k   *keeper.Keeper
	msg types.MsgServer
	q   types.QueryServer
	// past holds the events of the blocks that endBlock ended.
	past sdk.Events
}

func newEnv(t testing.TB) *env {
	t.Helper()
	return newEnvWith(t, testParams())
}

func newEnvWith(t testing.TB, params types.Params) *env {
	t.Helper()
	f := fixture.New(t, []string{types.StoreKey}, nil, types.RegisterInterfaces)
	k := keeper.NewKeeper(f.Codec, f.StoreService(types.StoreKey), f.AddressCodec, f.Authority)
	gs := testGenesis()
	gs.Params = params
	require.NoError(t, gs.Validate())
	require.NoError(t, k.InitGenesis(f.Ctx, *gs))
	return &env{Fixture: f, k: k, msg: keeper.NewMsgServerImpl(k), q: keeper.NewQueryServerImpl(k)}
}

// activate adds models to the active set, as x/optima does on registration.
func (e *env) activate(ids ...uint64) {
	e.T.Helper()
	for _, id := range ids {
		require.NoError(e.T, e.k.OnModelActivated(e.Ctx, id, true))
	}
}

// endBlock runs EndBlock, keeps its events and moves to the next height.
func (e *env) endBlock() {
	e.T.Helper()
	require.NoError(e.T, e.k.EndBlocker(e.Ctx))
	e.past = append(e.past, e.Ctx.EventManager().Events()...)
	e.NextBlock()
}

// weight returns ModelWeight.
func (e *env) weight(id uint64) sdkmath.LegacyDec {
	e.T.Helper()
	w, err := e.k.ModelWeight(e.Ctx, id)
	require.NoError(e.T, err)
	return w
}

// state returns a model's stored state.
func (e *env) state(id uint64) types.ModelState {
	e.T.Helper()
	st, err := e.k.Models.Get(e.Ctx, id)
	require.NoError(e.T, err)
	return st
}

// snapshot is the exported state as JSON, for "nothing changed" checks and
// run-to-run comparisons.
func (e *env) snapshot() string {
	e.T.Helper()
	gs, err := e.k.ExportGenesis(e.Ctx)
	require.NoError(e.T, err)
	bz, err := e.Codec.MarshalJSON(gs)
	require.NoError(e.T, err)
	return string(bz)
}

// eventsOf returns the typed events of type T among events.
func eventsOf[T any, PT interface {
	*T
	proto.Message
}](t testing.TB, events sdk.Events) []T {
	return fixture.EventsOf[T, PT](t, events)
}

// rng is splitmix64: seeded, deterministic test randomness.
type rng struct{ s uint64 }

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intn returns a number in [0, n).
func (r *rng) intn(n uint64) uint64 { return r.next() % n }

func dec(s string) sdkmath.LegacyDec { return sdkmath.LegacyMustNewDecFromStr(s) }

// testParams are the defaults with the prior demand d0 of 50,000 udon per
// block that these tests' arithmetic was written for (the chain's default
// is set for the genesis coinbase, docs/params.md; the formulas do not
// depend on it).
func testParams() types.Params {
	p := types.DefaultParams()
	p.D0 = sdkmath.LegacyNewDec(50_000)
	return p
}

// testGenesis is the default genesis with testParams.
func testGenesis() *types.GenesisState {
	gs := types.DefaultGenesis()
	gs.Params = testParams()
	return gs
}
