package modulekit

import (
	"context"

	gwruntime "github.com/grpc-ecosystem/grpc-gateway/runtime"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
)

// Basics implements what DON's AppModules share besides genesis: the
// name, the depinject markers, the amino and interface registrations and
// the REST gateway of the Query service. Embed it with the module's own
// functions.
type Basics struct {
	ModuleName string
	Amino      func(*codec.LegacyAmino)
	Interfaces func(codectypes.InterfaceRegistry)
	// Gateway registers the module's Query service on the REST mux, e.g.
	// types.RegisterQueryHandlerClient(ctx, mux, types.NewQueryClient(clientCtx)).
	Gateway func(ctx context.Context, mux *gwruntime.ServeMux, clientCtx client.Context) error
}

// IsAppModule marks the type for depinject.
func (Basics) IsAppModule() {}

// IsOnePerModuleType marks the type for depinject.
func (Basics) IsOnePerModuleType() {}

// Name returns the module name.
func (b Basics) Name() string { return b.ModuleName }

// RegisterLegacyAminoCodec registers amino names for JSON signing.
func (b Basics) RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) { b.Amino(cdc) }

// RegisterInterfaces registers the messages.
func (b Basics) RegisterInterfaces(r codectypes.InterfaceRegistry) { b.Interfaces(r) }

// RegisterGRPCGatewayRoutes serves the queries over REST.
func (b Basics) RegisterGRPCGatewayRoutes(clientCtx client.Context, mux *gwruntime.ServeMux) {
	if err := b.Gateway(context.Background(), mux, clientCtx); err != nil {
		panic(err)
	}
}
