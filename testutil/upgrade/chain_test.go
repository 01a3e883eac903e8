package upgrade

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/don-network/don/testutil/devnet"
)

// chain drives one node through dond's CLI: the old release's binary until
// the upgrade, this tree's after it (node.Binary is switched).
type chain struct {
	t    *testing.T
	node *devnet.Node
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
	TxHash string `json:"txhash"`
	Height string `json:"height"`
	Code   uint32 `json:"code"`
	RawLog string `json:"raw_log"`
	Events []struct {
		Type       string `json:"type"`
		Attributes []struct {
			Key   string `json:"key"`
			Value string `json:"value"`
		} `json:"attributes"`
	} `json:"events"`
}

// event returns the attributes of the first event of a type.
func (r txResult) event(t *testing.T, typ string) map[string]string {
	t.Helper()
	for _, ev := range r.Events {
		if ev.Type == typ {
			attrs := map[string]string{}
			for _, a := range ev.Attributes {
				attrs[a.Key] = strings.Trim(a.Value, `"`)
			}
			return attrs
		}
	}
	require.Failf(t, "missing event", "no %s in tx %s", typ, r.TxHash)
	return nil
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

func (c *chain) height() int64 {
	c.t.Helper()
	h, err := c.node.Height()
	require.NoError(c.t, err)
	return h
}

// waitHeight waits until the node's app has committed height h.
func (c *chain) waitHeight(h int64) {
	c.t.Helper()
	require.NoError(c.t, c.node.WaitHeight(h, 90*time.Second))
	for deadline := time.Now().Add(10 * time.Second); appHeight(c.t, c.node) < h; time.Sleep(50 * time.Millisecond) {
		require.True(c.t, time.Now().Before(deadline), "the app has not committed height %d", h)
	}
}

// writeFile writes content to a new file of the test and returns its path.
func writeFile(t *testing.T, name, content string) string {
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	return path
}

func atoi(t *testing.T, s string) int64 {
	t.Helper()
	var v int64
	_, err := fmt.Sscan(s, &v)
	require.NoError(t, err, "not an integer: %q", s)
	return v
}

// amount reads an amount attribute of a typed event: an integer from the
// previous release, a Coin in JSON ({"denom":"udon","amount":"5"}) from
// this tree's dond.
func amount(t *testing.T, attr string) int64 {
	t.Helper()
	if !strings.HasPrefix(attr, "{") {
		return atoi(t, attr)
	}
	var c struct{ Denom, Amount string }
	require.NoError(t, json.Unmarshal([]byte(attr), &c), "not a coin: %q", attr)
	require.Equal(t, "udon", c.Denom, "coin %s", attr)
	return atoi(t, c.Amount)
}

// waitLog polls a node log until a line matches re, and returns the match.
func waitLog(t *testing.T, path string, re *regexp.Regexp, timeout time.Duration) string {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		bz, _ := os.ReadFile(path)
		if m := re.Find(bz); m != nil {
			return string(m)
		}
		if time.Now().After(deadline) {
			require.Failf(t, "log line not found", "no %q in %s within %s; tail:\n%s", re, path, timeout, tail(string(bz), 30))
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func tail(s string, n int) string {
	lines := strings.Split(s, "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// startNode starts the node with its current binary, logging to logPath;
// it stops when the test ends and the log's tail is printed if it failed.
func startNode(t *testing.T, node *devnet.Node, logPath string) *devnet.Process {
	t.Helper()
	proc, err := node.Start(logPath)
	require.NoError(t, err)
	t.Cleanup(func() {
		if err := proc.Stop(); err != nil {
			t.Error(err)
		}
		if t.Failed() {
			log, _ := os.ReadFile(logPath)
			t.Logf("%s tail:\n%s", filepath.Base(logPath), tail(string(log), 40))
		}
	})
	return proc
}
