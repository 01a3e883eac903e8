package keeper_test

import (
	"testing"

	"github.com/cosmos/gogoproto/grpc"
	"github.com/stretchr/testify/require"
	gogogrpc "google.golang.org/grpc"

	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/don-network/don/x/mint"
	"github.com/don-network/don/x/mint/types"
)

// noServer takes service registrations and serves nothing.
type noServer struct{}

func (noServer) RegisterService(*gogogrpc.ServiceDesc, any) {}

var _ grpc.Server = noServer{}

// An upgrade from version 1 runs Migrate1to2 through the module's
// registration: the v1 params (no max_payouts_per_block: proto3 writes no
// zero field, so these bytes are v1's) get the default, the rest stays,
// and the migrated chain pays in batches.
func TestMigrate1to2(t *testing.T) {
	e := newEnv(t, nil)
	v1 := types.DefaultParams()
	v1.MaxPayoutsPerBlock = 0
	v1.TargetRoundSeconds = 30 // a non-default value the migration keeps
	require.NoError(t, e.k.Params.Set(e.Ctx, v1))
	require.Error(t, v1.Validate(), "v1 params are not valid v2 params")

	cfg := module.NewConfigurator(e.Codec, noServer{}, noServer{})
	mm := module.NewManager(mint.NewAppModule(e.k))
	require.NoError(t, mm.RegisterServices(cfg))
	vm, err := mm.RunMigrations(e.Ctx, cfg, module.VersionMap{types.ModuleName: 1})
	require.NoError(t, err)
	require.Equal(t, uint64(2), vm[types.ModuleName])

	got, err := e.k.Params.Get(e.Ctx)
	require.NoError(t, err)
	want := v1
	want.MaxPayoutsPerBlock = types.DefaultMaxPayoutsPerBlock
	require.Equal(t, want, got)
	require.NoError(t, e.k.CheckInvariants(e.Ctx))

	a, _ := e.Addr("a")
	e.work(a, "1")
	e.endBlock()
	rec, err := e.k.Rounds.Get(e.Ctx, 1)
	require.NoError(t, err)
	require.False(t, rec.Paying, "one optimizer is paid in the close block")
}
