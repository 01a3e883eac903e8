package weights

import (
	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/don-network/don/testutil/simkit"
	"github.com/don-network/don/x/weights/simulation"
)

var _ module.AppModuleSimulation = AppModule{}

// GenerateGenesisState draws a random genesis (app simulation).
func (AppModule) GenerateGenesisState(s *module.SimulationState) { simulation.RandomizedGenState(s) }

// ProposalMsgsX proposes random params.
func (AppModule) ProposalMsgsX(weights simsx.WeightSource, reg simsx.Registry) {
	reg.Add(weights.Get("weights_msg_update_params", 10), simkit.UpdateParamsFactory(simulation.MsgUpdateParams))
}
