package upgrade

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/don-network/don/testutil/devnet"
	"github.com/don-network/don/testutil/nodetest"
)

// chain drives one node through dond's CLI: the old release's binary until
// the upgrade, this tree's after it (node.Binary is switched).
type chain struct {
	t    *testing.T
	node *devnet.Node
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

// atoi parses the CLI's integers.
var atoi = nodetest.Atoi

// amount reads an amount attribute of a typed event: an integer from the
// previous release, a Coin in JSON ({"denom":"udon","amount":"5"}) from
// this tree's dond.
func amount(t *testing.T, attr string) int64 {
	t.Helper()
	if !strings.HasPrefix(attr, "{") {
		return atoi(t, attr)
	}
	return nodetest.CoinAmount(t, attr)
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
