package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/don-network/don/testutil/devnet"
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
	stdout, err := c.node.Exec(append(args, "--output", "json")...)
	require.NoError(c.t, err)
	if out != nil {
		require.NoError(c.t, json.Unmarshal([]byte(stdout), out), stdout)
	}
}

type txResult struct {
	TxHash  string `json:"txhash"`
	Height  string `json:"height"`
	Code    uint32 `json:"code"`
	RawLog  string `json:"raw_log"`
	GasUsed string `json:"gas_used"`
	Events  []struct {
		Type       string `json:"type"`
		Attributes []struct {
			Key   string `json:"key"`
			Value string `json:"value"`
		} `json:"attributes"`
	} `json:"events"`
}

// event returns the attributes of the first event of a type.
func (r txResult) event(typ string) (map[string]string, bool) {
	for _, ev := range r.Events {
		if ev.Type == typ {
			attrs := map[string]string{}
			for _, a := range ev.Attributes {
				attrs[a.Key] = strings.Trim(a.Value, `"`)
			}
			return attrs, true
		}
	}
	return nil, false
}

// tx broadcasts a transaction from a key and waits for its inclusion.
func (c *chain) tx(from string, args ...string) txResult {
	c.t.Helper()
	var sent txResult
	c.cli(&sent, append(args, "--from", from, "--yes", "--gas", "auto", "--gas-adjustment", "1.5")...)
	require.Zero(c.t, sent.Code, "CheckTx: %s", sent.RawLog)
	var res txResult
	c.cli(&res, "query", "wait-tx", sent.TxHash, "--timeout", "90s")
	require.Zero(c.t, res.Code, "DeliverTx: %s", res.RawLog)
	return res
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

func atoi(t *testing.T, s string) int64 {
	var v int64
	_, err := fmt.Sscan(s, &v)
	require.NoError(t, err, "not an integer: %q", s)
	return v
}

// coinAmount reads an amount attribute of a typed event, a Coin in JSON
// ({"denom":"udon","amount":"5"}), as its udon amount.
func coinAmount(t *testing.T, attr string) int64 {
	t.Helper()
	var c struct{ Denom, Amount string }
	require.NoError(t, json.Unmarshal([]byte(attr), &c), "not a coin: %q", attr)
	require.Equal(t, "udon", c.Denom, "coin %s", attr)
	return atoi(t, c.Amount)
}

func writeFile(t *testing.T, content string) string {
	path := filepath.Join(t.TempDir(), "file.json")
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	return path
}
