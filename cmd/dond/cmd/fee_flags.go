package cmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client/flags"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// checkFeeFlags rejects a malformed --fees or --gas-prices with a clear
// error before any command runs: the SDK's tx factory panics on them
// ("invalid decimal coin expression") instead of returning an error.
func checkFeeFlags(cmd *cobra.Command) error {
	for _, name := range []string{flags.FlagFees, flags.FlagGasPrices} {
		f := cmd.Flags().Lookup(name)
		if f == nil || f.Value.String() == "" {
			continue
		}
		if _, err := sdk.ParseDecCoins(f.Value.String()); err != nil {
			return fmt.Errorf("--%s %q: %w (expected coins such as 100udon or 0.025udon)", name, f.Value.String(), err)
		}
	}
	return nil
}
