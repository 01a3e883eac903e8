package weights

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/don-network/don/x/weights/types"
)

// AutoCLIOptions generates the query commands. MsgUpdateParams is a
// governance proposal, so it has no direct transaction command.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: types.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show the module params"},
				{RpcMethod: "Weights", Use: "weights", Short: "List the published weights of the active models (they sum to 1)"},
				{
					RpcMethod: "Weight", Use: "weight [model-id]", Short: "Show one model's weight and filter state",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "model_id"}},
				},
				{RpcMethod: "RoleShares", Use: "role-shares", Short: "Show the current role shares and the backlog behind them"},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: types.Msg_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "UpdateParams", Skip: true}, // governance proposal
			},
		},
	}
}
