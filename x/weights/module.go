// Package weights is the x/weights module: score-driven filters of every
// model's supply and demand signals, the model weights they imply, and the
// role shares of a coinbase, all updated at EndBlock.
package weights

import (
	"context"

	"cosmossdk.io/core/appmodule"
	gwruntime "github.com/grpc-ecosystem/grpc-gateway/runtime"
	"google.golang.org/grpc"

	"github.com/cosmos/cosmos-sdk/client"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/don-network/don/x/internal/modulekit"
	"github.com/don-network/don/x/weights/keeper"
	"github.com/don-network/don/x/weights/types"
)

// ConsensusVersion is the state version of the module.
const ConsensusVersion = 1

var (
	_ module.AppModuleBasic      = AppModule{}
	_ module.HasGenesis          = AppModule{}
	_ appmodule.AppModule        = AppModule{}
	_ appmodule.HasEndBlocker    = AppModule{}
	_ module.HasConsensusVersion = AppModule{}
)

// AppModule is the x/weights module.
type AppModule struct {
	modulekit.Basics
	// x/weights must initialise before x/optima, whose genesis models join
	// the active set through the keeper (app_config.go orders it so).
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

// RegisterServices registers the Msg and Query services.
func (am AppModule) RegisterServices(registrar grpc.ServiceRegistrar) error {
	types.RegisterMsgServer(registrar, keeper.NewMsgServerImpl(am.keeper))
	types.RegisterQueryServer(registrar, keeper.NewQueryServerImpl(am.keeper))
	return nil
}

// ConsensusVersion returns the state version.
func (AppModule) ConsensusVersion() uint64 { return ConsensusVersion }

// EndBlock refreshes up to refresh_per_block idle models and updates the
// role shares; signals are not applied here but when they are recorded, by
// the recording transaction. It runs after optima and evaluation and before
// mint (docs/overview.md, "Block order").
func (am AppModule) EndBlock(ctx context.Context) error {
	return am.keeper.EndBlocker(ctx)
}
