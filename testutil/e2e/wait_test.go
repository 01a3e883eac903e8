package e2e

import (
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestWaitCommands checks on a real node what the README relies on: a tx
// piped into `q wait-tx` makes the pipeline fail when the tx fails, at
// CheckTx or in its block, and `q wait-height` waits for a height. The
// pipelines run without pipefail, as in an interactive shell, so their exit
// status is wait-tx's own.
func TestWaitCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real node")
	}
	c := startChain(t)
	bob := c.node.Addresses["bob"]
	sh := func(script string) (string, error) {
		cmd := exec.Command("bash", "-c", script)
		cmd.Env = append(cmd.Environ(), "DOND="+c.node.Binary, "HOME_DIR="+c.node.Home)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	send := func(amount, gas string) string {
		return fmt.Sprintf(`"$DOND" tx bank send alice %s %s --gas %s --home "$HOME_DIR" -y -o json | "$DOND" q wait-tx --home "$HOME_DIR"`, bob, amount, gas)
	}

	out, err := sh(send("1udon", "200000"))
	require.NoError(t, err, out)
	require.Contains(t, out, "code: 0")

	// Out of gas in the ante handler: rejected by CheckTx, reported at once.
	out, err = sh(send("1udon", "10"))
	require.Error(t, err, out)
	require.Contains(t, out, "rejected by CheckTx with code 11")

	// Passes CheckTx (which does not run the message), fails in the block.
	out, err = sh(send("999999999999999udon", "200000"))
	require.Error(t, err, out)
	require.Regexp(t, `failed in block \d+ with code 5 .*insufficient funds`, out)

	// A tx command that fails before broadcasting leaves wait-tx nothing to wait for.
	out, err = sh(send("not-a-coin", "200000"))
	require.Error(t, err, out)
	require.Contains(t, out, "no txhash on stdin")

	h, err := c.node.Height()
	require.NoError(t, err)
	out, err = sh(fmt.Sprintf(`echo '{"commit":{"reveal_from":"%d"}}' | "$DOND" q wait-height --field reveal_from --home "$HOME_DIR"`, h+2))
	require.NoError(t, err, out)
	reached, err := strconv.ParseInt(strings.TrimSpace(out), 10, 64)
	require.NoError(t, err, out)
	require.GreaterOrEqual(t, reached, h+2)

	out, err = sh(`"$DOND" q wait-height 1000000000 --timeout 1s --home "$HOME_DIR"`)
	require.Error(t, err, out)
	require.Contains(t, out, "height 1000000000 not reached in 1s")
}
