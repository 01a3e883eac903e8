// Package evaluation is DON's market for evaluations: clients pay
// evaluators to run the best optima on their inputs (docs/evaluation.md).
package evaluation

import (
	"context"
	"fmt"

	"cosmossdk.io/core/appmodule"
	gwruntime "github.com/grpc-ecosystem/grpc-gateway/runtime"
	"github.com/spf13/cobra"
	"google.golang.org/grpc"

	"github.com/cosmos/cosmos-sdk/client"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/don-network/don/x/evaluation/client/cli"
	"github.com/don-network/don/x/evaluation/keeper"
	"github.com/don-network/don/x/evaluation/types"
	"github.com/don-network/don/x/internal/modulekit"
)

// ConsensusVersion is the state version of the module. 2: the request
// sequence holds the next id, failed queue items are set aside
// (migration 1→2 in keeper/migrations.go).
const ConsensusVersion = 2

var (
	_ module.AppModuleBasic      = AppModule{}
	_ module.HasGenesis          = AppModule{}
	_ appmodule.AppModule        = AppModule{}
	_ appmodule.HasEndBlocker    = AppModule{}
	_ module.HasConsensusVersion = AppModule{}
)

// AppModule is DON's x/evaluation.
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

// RegisterServices registers the Msg and Query services and, on the app's
// configurator (the registrar the module manager passes), the in-place
// store migrations.
func (am AppModule) RegisterServices(registrar grpc.ServiceRegistrar) error {
	types.RegisterMsgServer(registrar, keeper.NewMsgServerImpl(am.keeper))
	types.RegisterQueryServer(registrar, keeper.NewQueryServerImpl(am.keeper))
	cfg, ok := registrar.(module.Configurator)
	if !ok { // a registrar that only lists services (e.g. for reflection)
		return nil
	}
	m := keeper.NewMigrator(am.keeper)
	if err := cfg.RegisterMigration(types.ModuleName, 1, m.Migrate1to2); err != nil {
		return fmt.Errorf("register x/%s migration 1→2: %w", types.ModuleName, err)
	}
	return nil
}

// GetTxCmd returns the hand-written transactions (autocli adds the others).
func (AppModule) GetTxCmd() *cobra.Command { return cli.GetTxCmd() }

// GetQueryCmd returns the hand-written queries (autocli adds the others).
func (AppModule) GetQueryCmd() *cobra.Command { return cli.GetQueryCmd() }

// ConsensusVersion returns the state version.
func (AppModule) ConsensusVersion() uint64 { return ConsensusVersion }

// EndBlock settles, times out and refunds what is due, within its per-block cap.
func (am AppModule) EndBlock(ctx context.Context) error {
	return am.keeper.EndBlocker(ctx)
}
