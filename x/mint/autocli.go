package mint

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/don-network/don/x/mint/types"
)

// AutoCLIOptions generates `dond q mint params|status|supply|rounds|payouts`.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: types.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show the issuance params"},
				{RpcMethod: "Status", Use: "status", Short: "Show the open round: work, difficulty, progress, expected coinbase, age"},
				{RpcMethod: "Supply", Use: "supply", Short: "Show what x/mint issued, what remains and the cap"},
				{RpcMethod: "Rounds", Use: "rounds", Short: "List the closed rounds, newest first"},
				{RpcMethod: "Payouts", Use: "payouts", Short: "List the closed rounds still paying their optimizers and evaluators, oldest first"},
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
