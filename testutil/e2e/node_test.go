package e2e

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/don-network/don/testutil/devnet"
	"github.com/don-network/don/testutil/nodetest"
)

// repoRoot is the module root, two levels above this file.
func repoRoot(t *testing.T) string {
	_, file, _, ok := runtime.Caller(0)
	require.True(t, ok)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// chain is a running one-validator chain built from config.yml with free
// loopback ports and fast blocks.
type chain struct {
	t    *testing.T
	cfg  devnet.Config
	node *devnet.Node
	proc *devnet.Process
}

func startChain(t *testing.T) *chain { return startChainWith(t, nil) }

// startChainWith lets a test change the config.yml chain before it starts
// (devnet.StartTestNode: $DON_BINARY, free ports; blocks of 300 ms here).
func startChainWith(t *testing.T, mutate func(*devnet.Config)) *chain {
	var cfg devnet.Config
	node, proc := devnet.StartTestNode(t, func(c *devnet.Config) {
		c.BlockTime = "300ms"
		if mutate != nil {
			mutate(c)
		}
		cfg = *c
	})
	return &chain{t: t, cfg: cfg, node: node, proc: proc}
}

func tail(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// cli runs dond against the node and decodes its JSON output into out.
func (c *chain) cli(out any, args ...string) {
	c.t.Helper()
	nodetest.CLI(c.t, c.node, out, args...)
}

// tx broadcasts a transaction from a key and waits for its inclusion.
func (c *chain) tx(from string, args ...string) nodetest.TxResult {
	c.t.Helper()
	return nodetest.Tx(c.t, c.node, from, args...)
}

// balance returns an account's udon balance.
func (c *chain) balance(addr string) int64 {
	c.t.Helper()
	var res struct {
		Balance struct {
			Amount string `json:"amount"`
		} `json:"balance"`
	}
	c.cli(&res, "query", "bank", "balance", addr, "udon")
	return atoi(c.t, res.Balance.Amount)
}

// supply returns the total udon supply.
func (c *chain) supply() int64 {
	c.t.Helper()
	var res struct {
		Amount struct {
			Amount string `json:"amount"`
		} `json:"amount"`
	}
	c.cli(&res, "query", "bank", "total-supply-of", "udon")
	return atoi(c.t, res.Amount.Amount)
}

// The CLI's integers and typed events' coin amounts, read as udon.
var (
	atoi       = nodetest.Atoi
	coinAmount = nodetest.CoinAmount
)

func writeFile(t *testing.T, content string) string {
	path := filepath.Join(t.TempDir(), "file.json")
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	return path
}
