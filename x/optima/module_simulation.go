package optima

import (
	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/don-network/don/testutil/simkit"
	"github.com/don-network/don/x/optima/simulation"
)

var _ module.AppModuleSimulation = AppModule{}

// GenerateGenesisState draws a random genesis (app simulation).
func (AppModule) GenerateGenesisState(s *module.SimulationState) { simulation.RandomizedGenState(s) }

// WeightedOperationsX registers a factory for every user message; commits
// and reveals share one book of openings per run.
func (am AppModule) WeightedOperationsX(weights simsx.WeightSource, reg simsx.Registry) {
	book := simulation.NewOpenings()
	reg.Add(weights.Get("optima_msg_register_model", 5), simulation.MsgRegisterModelFactory(am.keeper))
	reg.Add(weights.Get("optima_msg_retire_model", 1), simulation.MsgRetireModelFactory(am.keeper))
	reg.Add(weights.Get("optima_msg_commit_optimum", 60), simulation.MsgCommitOptimumFactory(am.keeper, book))
	reg.Add(weights.Get("optima_msg_reveal_optimum", 60), simulation.MsgRevealOptimumFactory(am.keeper, book))
}

// ProposalMsgsX proposes params, admissions and rollbacks.
func (am AppModule) ProposalMsgsX(weights simsx.WeightSource, reg simsx.Registry) {
	reg.Add(weights.Get("optima_msg_update_params", 10), simkit.UpdateParamsFactory(simulation.MsgUpdateParams(am.keeper)))
	reg.Add(weights.Get("optima_msg_admit_model", 10), simulation.MsgAdmitModelFactory(am.keeper))
	reg.Add(weights.Get("optima_msg_rollback_optimum", 5), simulation.MsgRollbackOptimumFactory(am.keeper))
}
