package weights

import (
	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	"github.com/cosmos/cosmos-sdk/types/module"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"

	"github.com/don-network/don/testutil/simkit"
	"github.com/don-network/don/x/weights/simulation"
	"github.com/don-network/don/x/weights/types"
)

var _ module.AppModuleSimulation = AppModule{}

// GenerateGenesisState draws a random genesis (app simulation).
func (AppModule) GenerateGenesisState(s *module.SimulationState) { simulation.RandomizedGenState(s) }

// RegisterStoreDecoder decodes the module's store from its collections.
func (am AppModule) RegisterStoreDecoder(sdr simtypes.StoreDecoderRegistry) {
	sdr[types.StoreKey] = simtypes.NewStoreDecoderFuncFromCollectionsSchema(am.keeper.Schema)
}

// WeightedOperations is empty: x/weights has no user messages.
func (AppModule) WeightedOperations(module.SimulationState) []simtypes.WeightedOperation { return nil }

// ProposalMsgsX proposes random params.
func (AppModule) ProposalMsgsX(weights simsx.WeightSource, reg simsx.Registry) {
	reg.Add(weights.Get("weights_msg_update_params", 10), simkit.UpdateParamsFactory(simulation.MsgUpdateParams))
}
