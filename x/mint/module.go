// Package mint is DON's issuance module: it replaces the SDK's inflation
// mint with rounds of verified optimization work (docs/mint.md).
package mint

import (
	"context"

	"cosmossdk.io/core/appmodule"
	gwruntime "github.com/grpc-ecosystem/grpc-gateway/runtime"
	"google.golang.org/grpc"

	"github.com/cosmos/cosmos-sdk/client"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/don-network/don/x/internal/modulekit"
	"github.com/don-network/don/x/mint/keeper"
	"github.com/don-network/don/x/mint/types"
)

// ConsensusVersion is the state version of the module: 2 added
// max_payouts_per_block and the pending round payouts (keeper/migrations.go).
const ConsensusVersion = 2

var (
	_ module.AppModuleBasic      = AppModule{}
	_ module.HasGenesis          = AppModule{}
	_ appmodule.AppModule        = AppModule{}
	_ appmodule.HasEndBlocker    = AppModule{}
	_ module.HasConsensusVersion = AppModule{}
)

// AppModule is DON's x/mint.
type AppModule struct {
	modulekit.Basics
	modulekit.GenesisJSON[types.GenesisState, *types.GenesisState]
	modulekit.Simulation
	keeper *keeper.Keeper
}

// NewAppModule returns the module around its keeper.
func NewAppModule(k *keeper.Keeper) AppModule {
	return AppModule{
		Basics: modulekit.Basics{
			ModuleName: types.ModuleName,
			Amino:      types.RegisterLegacyAminoCodec,
			Interfaces: types.RegisterInterfaces,
			Gateway: func(ctx context.Context, mux *gwruntime.ServeMux, clientCtx client.Context) error {
				return types.RegisterQueryHandlerClient(ctx, mux, types.NewQueryClient(clientCtx))
			},
		},
		GenesisJSON: modulekit.GenesisJSON[types.GenesisState, *types.GenesisState]{
			Module:  types.ModuleName,
			Default: types.DefaultGenesis,
			Init:    func(ctx sdk.Context, gs types.GenesisState) error { return k.InitGenesis(ctx, gs) },
			Export:  func(ctx sdk.Context) (*types.GenesisState, error) { return k.ExportGenesis(ctx) },
		},
		Simulation: modulekit.Simulation{StoreKey: types.StoreKey, Schema: k.Schema},
		keeper:     k,
	}
}

// RegisterServices registers the Msg and Query services and, given the
// app's configurator, the in-place store migrations.
func (am AppModule) RegisterServices(registrar grpc.ServiceRegistrar) error {
	types.RegisterMsgServer(registrar, keeper.NewMsgServerImpl(am.keeper))
	types.RegisterQueryServer(registrar, keeper.NewQueryServerImpl(am.keeper))
	cfg, ok := registrar.(module.Configurator)
	if !ok { // a bare gRPC server (CLI reflection) runs no upgrade
		return nil
	}
	m := keeper.NewMigrator(am.keeper)
	return cfg.RegisterMigration(types.ModuleName, 1, m.Migrate1to2)
}

// ConsensusVersion returns the state version.
func (AppModule) ConsensusVersion() uint64 { return ConsensusVersion }

// EndBlock closes the round when its work reached the difficulty and pays
// the pending round payouts.
func (am AppModule) EndBlock(ctx context.Context) error {
	return am.keeper.EndBlocker(ctx)
}
