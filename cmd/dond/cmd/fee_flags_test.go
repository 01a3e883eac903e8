package cmd

import (
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/client/flags"
)

func TestCheckFeeFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		err  string
	}{
		{nil, ""},
		{[]string{"--fees", "100udon"}, ""},
		{[]string{"--gas-prices", "0.025udon"}, ""},
		{[]string{"--fees", "abc"}, `--fees "abc"`},
		{[]string{"--fees", "10"}, `--fees "10"`},
		{[]string{"--gas-prices", "0.1"}, `--gas-prices "0.1"`},
	} {
		cmd := &cobra.Command{Use: "tx"}
		flags.AddTxFlagsToCmd(cmd)
		require.NoError(t, cmd.ParseFlags(tc.args))
		err := checkFeeFlags(cmd)
		if tc.err == "" {
			require.NoError(t, err, tc.args)
		} else {
			require.ErrorContains(t, err, tc.err)
		}
	}
	// Commands without the flags (queries, keys) pass.
	require.NoError(t, checkFeeFlags(&cobra.Command{Use: "q"}))
}
