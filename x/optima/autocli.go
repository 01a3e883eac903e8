package optima

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/don-network/don/x/optima/types"
)

// AutoCLIOptions generates the query commands and the simple transactions.
// Commands that read files or compute commitments are hand-written in
// client/cli and skipped here.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service:              types.Query_serviceDesc.ServiceName,
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show the module params"},
				{RpcMethod: "Models", Use: "models", Short: "List the registered models"},
				{
					RpcMethod: "Model", Use: "model [model-id]", Short: "Show one model",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "model_id"}},
				},
				{
					RpcMethod: "BestOptimum", Use: "best [model-id]", Short: "Show the best optimum of a model",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "model_id"}},
				},
				{
					RpcMethod: "Optima", Use: "optima [model-id]", Short: "List the optimum history of a model",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "model_id"}},
				},
				{
					RpcMethod: "Optimum", Use: "optimum [model-id] [optimum-id]", Short: "Show one optimum of a model",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "model_id"}, {ProtoField: "optimum_id"}},
				},
				{
					RpcMethod: "Commits", Use: "commits [optimizer]", Short: "List the open commits of an optimizer",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "optimizer"}},
				},
				{
					RpcMethod: "Commit", Use: "commit [commit-id]", Short: "Show one open commit",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "commit_id"}},
				},
				{RpcMethod: "BeaconStatus", Use: "beacon", Short: "Show the latest randomness beacon"},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service:              types.Msg_serviceDesc.ServiceName,
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "RetireModel", Use: "retire-model [model-id]",
					Short:          "Retire a model you created; its deposit comes back",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "model_id"}},
				},
				{RpcMethod: "RegisterModel", Skip: true},   // client/cli: reads a JSON spec
				{RpcMethod: "CommitOptimum", Skip: true},   // client/cli: computes the commitment
				{RpcMethod: "RevealOptimum", Skip: true},   // client/cli: reads params and salt
				{RpcMethod: "RollbackOptimum", Skip: true}, // governance proposal
				{RpcMethod: "AdmitModel", Skip: true},      // governance proposal
				{RpcMethod: "UpdateParams", Skip: true},    // governance proposal
			},
		},
	}
}
