// Package optima is the x/optima module: built-in optimization domains, the
// model registry, commit-reveal of optima and their on-chain verification.
package optima

import (
	"context"

	"cosmossdk.io/core/appmodule"
	gwruntime "github.com/grpc-ecosystem/grpc-gateway/runtime"
	"github.com/spf13/cobra"
	"google.golang.org/grpc"

	"github.com/cosmos/cosmos-sdk/client"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/don-network/don/x/internal/modulekit"
	"github.com/don-network/don/x/optima/client/cli"
	"github.com/don-network/don/x/optima/keeper"
	"github.com/don-network/don/x/optima/types"
)

// ConsensusVersion is the state version of the module.
const ConsensusVersion = 1

var (
	_ module.AppModuleBasic      = AppModule{}
	_ module.HasGenesis          = AppModule{}
	_ appmodule.AppModule        = AppModule{}
	_ appmodule.HasBeginBlocker  = AppModule{}
	_ appmodule.HasEndBlocker    = AppModule{}
	_ module.HasConsensusVersion = AppModule{}
)

// AppModule is the x/optima module.
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

// RegisterServices registers the Msg and Query services.
func (am AppModule) RegisterServices(registrar grpc.ServiceRegistrar) error {
	types.RegisterMsgServer(registrar, keeper.NewMsgServerImpl(am.keeper))
	types.RegisterQueryServer(registrar, keeper.NewQueryServerImpl(am.keeper))
	return nil
}

// ConsensusVersion returns the state version.
func (AppModule) ConsensusVersion() uint64 { return ConsensusVersion }

// BeginBlock stores the block's beacon.
func (am AppModule) BeginBlock(ctx context.Context) error {
	return am.keeper.BeginBlocker(ctx)
}

// EndBlock expires unrevealed commits.
func (am AppModule) EndBlock(ctx context.Context) error {
	return am.keeper.EndBlocker(ctx)
}

// GetTxCmd returns the hand-written transactions (autocli adds the others).
func (AppModule) GetTxCmd() *cobra.Command { return cli.GetTxCmd() }

// GetQueryCmd returns the hand-written queries (autocli adds the others).
func (AppModule) GetQueryCmd() *cobra.Command { return cli.GetQueryCmd() }
