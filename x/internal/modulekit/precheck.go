package modulekit

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
)

// Precheck runs a CLI's check of a message against the node's state before
// it is broadcast (what the chain would refuse, or accept and then burn a
// bond for). Offline there is no node to ask: it says on stderr what was
// not checked and goes on.
func Precheck(cmd *cobra.Command, clientCtx client.Context, what string, check func() error) error {
	if clientCtx.Offline {
		fmt.Fprintf(cmd.ErrOrStderr(), "offline: %s not checked against the chain\n", what)
		return nil
	}
	return check()
}
