package txqueue

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
)

// FromCommand returns the queue of a command's --from key, with the client
// context of its tx flags (flags.AddTxFlagsToCmd: --from, --node,
// --chain-id, --keyring-backend, --home, --gas-prices, --gas-adjustment).
// --gas-prices and --gas-adjustment fill the options the caller left zero;
// the SDK's default --gas-adjustment (1) does not override the queue's 1.5.
func FromCommand(cmd *cobra.Command, opts Options) (*Queue, error) {
	clientCtx, err := client.GetClientTxContext(cmd)
	if err != nil {
		return nil, err
	}
	if clientCtx.FromName == "" {
		return nil, errors.New("--from is required: the key whose transactions the queue sends")
	}
	fs := cmd.Flags()
	if opts.GasPrices == "" {
		if prices, err := fs.GetString(flags.FlagGasPrices); err == nil {
			opts.GasPrices = prices
		}
	}
	if opts.GasAdjustment == 0 && fs.Changed(flags.FlagGasAdjustment) {
		if adj, err := fs.GetFloat64(flags.FlagGasAdjustment); err == nil {
			opts.GasAdjustment = adj
		}
	}
	return New(clientCtx, clientCtx.FromName, opts)
}
