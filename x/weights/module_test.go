package weights_test

import (
	"testing"

	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/reflect/protoreflect"

	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/don-network/don/testutil/fixture"
	"github.com/don-network/don/x/weights"
	"github.com/don-network/don/x/weights/types"
	modulev1 "github.com/don-network/don/x/weights/types/module"
)

func TestProvideModule(t *testing.T) {
	f := fixture.New(t, []string{types.StoreKey}, nil, types.RegisterInterfaces)
	in := weights.ModuleInputs{
		Config:       &modulev1.Module{},
		Cdc:          f.Codec,
		StoreService: f.StoreService(types.StoreKey),
		AddressCodec: f.AddressCodec,
	}
	out, err := weights.ProvideModule(in)
	require.NoError(t, err)
	require.Equal(t, f.Authority, out.Keeper.Authority(), "defaults to the gov module account")

	other, err := f.AddressCodec.BytesToString(authtypes.NewModuleAddress("other"))
	require.NoError(t, err)
	in.Config = &modulev1.Module{Authority: "other"} // a module name (or a bech32 address)
	out, err = weights.ProvideModule(in)
	require.NoError(t, err)
	require.Equal(t, other, out.Keeper.Authority())

	// The module runs genesis and EndBlock through its app-module interfaces.
	am := out.Module.(weights.AppModule)
	require.Equal(t, types.ModuleName, am.Name())
	gen := am.DefaultGenesis(f.Codec)
	require.NoError(t, am.ValidateGenesis(f.Codec, nil, gen))
	am.InitGenesis(f.Ctx, f.Codec, gen)
	require.NoError(t, out.Keeper.OnModelActivated(f.Ctx, 1, true))
	require.NoError(t, am.EndBlock(f.Ctx))
	exported := am.ExportGenesis(f.Ctx, f.Codec)
	require.NoError(t, am.ValidateGenesis(f.Codec, nil, exported))
	require.Error(t, am.ValidateGenesis(f.Codec, nil, []byte(`{"params":{}}`)))
}

// autocli panics at start on a service or method name that does not
// resolve, so check them against the registered descriptors.
func TestAutoCLIOptionsResolve(t *testing.T) {
	opts := weights.AppModule{}.AutoCLIOptions()
	for _, svc := range []struct {
		name    string
		methods []string
	}{
		{opts.Query.Service, rpcNames(opts.Query.RpcCommandOptions)},
		{opts.Tx.Service, rpcNames(opts.Tx.RpcCommandOptions)},
	} {
		d, err := proto.HybridResolver.FindDescriptorByName(protoreflect.FullName(svc.name))
		require.NoError(t, err, svc.name)
		sd := d.(protoreflect.ServiceDescriptor)
		for _, m := range svc.methods {
			require.NotNil(t, sd.Methods().ByName(protoreflect.Name(m)), "%s/%s", svc.name, m)
		}
	}
	require.Len(t, rpcNames(opts.Query.RpcCommandOptions), 4)
}

func rpcNames[T interface{ GetRpcMethod() string }](opts []T) []string {
	out := make([]string, len(opts))
	for i, o := range opts {
		out[i] = o.GetRpcMethod()
	}
	return out
}
