package evaluation

import (
	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/don-network/don/testutil/simkit"
	"github.com/don-network/don/x/evaluation/simulation"
)

var _ module.AppModuleSimulation = AppModule{}

// GenerateGenesisState draws a random genesis (app simulation).
func (AppModule) GenerateGenesisState(s *module.SimulationState) { simulation.RandomizedGenState(s) }

// WeightedOperationsX registers a factory for every user message; the
// request lifecycle (request, claim, submit) weighs most so requests run
// through to settlement within a few blocks.
func (am AppModule) WeightedOperationsX(weights simsx.WeightSource, reg simsx.Registry) {
	reg.Add(weights.Get("evaluation_msg_register_evaluator", 20), simulation.MsgRegisterEvaluatorFactory(am.keeper))
	reg.Add(weights.Get("evaluation_msg_add_collateral", 5), simulation.MsgAddCollateralFactory(am.keeper))
	reg.Add(weights.Get("evaluation_msg_unbond_evaluator", 3), simulation.MsgUnbondEvaluatorFactory(am.keeper))
	reg.Add(weights.Get("evaluation_msg_request_evaluation", 50), simulation.MsgRequestEvaluationFactory(am.keeper))
	reg.Add(weights.Get("evaluation_msg_claim_request", 50), simulation.MsgClaimRequestFactory(am.keeper))
	reg.Add(weights.Get("evaluation_msg_submit_result", 50), simulation.MsgSubmitResultFactory(am.keeper))
	reg.Add(weights.Get("evaluation_msg_challenge_result", 20), simulation.MsgChallengeResultFactory(am.keeper))
	reg.Add(weights.Get("evaluation_msg_cancel_request", 5), simulation.MsgCancelRequestFactory(am.keeper))
}

// ProposalMsgsX proposes random params.
func (AppModule) ProposalMsgsX(weights simsx.WeightSource, reg simsx.Registry) {
	reg.Add(weights.Get("evaluation_msg_update_params", 10), simkit.UpdateParamsFactory(simulation.MsgUpdateParams))
}
