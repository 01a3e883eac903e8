package evaluation

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/don-network/don/x/evaluation/types"
)

// AutoCLIOptions generates the queries and the transactions that take
// plain arguments; request-evaluation and submit-result read files and are
// hand-written (client/cli).
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service:              types.Query_serviceDesc.ServiceName,
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show the evaluation params"},
				{RpcMethod: "Evaluators", Use: "evaluators", Short: "List the evaluators with reputation, load, collateral and exposure"},
				{
					RpcMethod: "Evaluator", Use: "evaluator [address]", Short: "Show one evaluator",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "address"}},
				},
				{
					RpcMethod: "Requests", Use: "requests", Short: "List requests, optionally by --status, --client or --evaluator",
				},
				{
					RpcMethod: "Request", Use: "request [id]", Short: "Show a request with its current auction price (and --evaluator's price)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}},
				},
				{
					RpcMethod: "LoadCurve", Use: "load-curve [load]", Short: "Show f(load), f_peak and the price multiplier (--reputation, default 1)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "load"}},
				},
				{RpcMethod: "FailedItems", Use: "failed-items", Short: "List the queue items set aside after a failure, with their error and next retry height"},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service:              types.Msg_serviceDesc.ServiceName,
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "RegisterEvaluator", Use: "register-evaluator [collateral] [capacity]",
					Short:          "Register as an evaluator with collateral (udon) and a capacity (open assignments)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "collateral"}, {ProtoField: "capacity"}},
				},
				{
					RpcMethod: "AddCollateral", Use: "add-collateral [amount]", Short: "Add collateral (udon)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "amount"}},
				},
				{RpcMethod: "UnbondEvaluator", Use: "unbond-evaluator", Short: "Start unbonding (nothing may be open)"},
				{
					RpcMethod: "ClaimRequest", Use: "claim [request-id]", Short: "Claim an open request at your current price",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "request_id"}},
				},
				{
					RpcMethod: "ChallengeResult", Use: "challenge [request-id] [bond]", Short: "Challenge a submitted result with a bond (udon)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "request_id"}, {ProtoField: "bond"}},
				},
				{
					RpcMethod: "CancelRequest", Use: "cancel [request-id]", Short: "Cancel your unclaimed request (full refund)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "request_id"}},
				},
				{RpcMethod: "RequestEvaluation", Skip: true}, // client/cli "request": inputs from a file
				{RpcMethod: "SubmitResult", Skip: true},      // client/cli "submit": outputs from a file
				{RpcMethod: "UpdateParams", Skip: true},      // governance proposal
			},
		},
	}
}
