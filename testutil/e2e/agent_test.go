package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/don-network/don/testutil/devnet"
)

// agent is a running agent process (`dond evaluator`, `dond optimizer`)
// against the test chain, with its output in a log file.
type agent struct {
	t    *testing.T
	proc *devnet.Process
	log  string
}

// startAgent runs `dond <args…>` with the node's home (its client.toml
// names the node, chain id and test keyring) until the test ends.
func (c *chain) startAgent(t *testing.T, name string, args ...string) *agent {
	t.Helper()
	logPath := filepath.Join(t.TempDir(), name+".log")
	proc, err := c.node.StartCommand(logPath, args...)
	require.NoError(t, err)
	a := &agent{t: t, proc: proc, log: logPath}
	t.Cleanup(func() {
		require.NoError(t, proc.Stop())
		if t.Failed() {
			t.Logf("%s log tail:\n%s", name, tail(a.output(), 40))
		}
	})
	return a
}

// output is everything the agent printed so far.
func (a *agent) output() string {
	bz, _ := os.ReadFile(a.log)
	return string(bz)
}

// stop sends SIGTERM and waits for the agent to exit.
func (a *agent) stop() {
	a.t.Helper()
	require.NoError(a.t, a.proc.Stop())
}

// waitFor polls cond until it holds or the timeout passes; what describes
// the wait in the failure.
func waitFor(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", timeout, what)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// waitOutput waits until the agent printed a line containing s.
func (a *agent) waitOutput(s string, timeout time.Duration) {
	a.t.Helper()
	waitFor(a.t, timeout, "agent output "+strings.TrimSpace(s), func() bool {
		return strings.Contains(a.output(), s)
	})
}
