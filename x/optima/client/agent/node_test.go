package agent_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/don-network/don/testutil/devnet"
	"github.com/don-network/don/x/optima/client/agent"
)

// Real-node tests of `dond optimizer`: one validator from config.yml with
// 200 ms blocks, the agent run as a real process with alice's key.

// startNode starts the config.yml chain; the spirals model gets 20 seed
// blocks and a 100-block window, so a test can kill the agent between its
// commit and its reveal and restart it inside the window.
func startNode(t *testing.T) *devnet.Node {
	bin := os.Getenv("DON_BINARY")
	if bin == "" {
		t.Skip("DON_BINARY is not set: real-node test")
	}
	cfg, err := devnet.LoadConfig(devnet.ConfigPath())
	require.NoError(t, err)
	cfg.Ports, cfg.BlockTime = devnet.Ports{}, "200ms"
	cfg.Genesis["optima"] = slowSpirals(t, cfg.Genesis["optima"])

	home := t.TempDir()
	node, err := devnet.Setup(bin, home, cfg)
	require.NoError(t, err)
	proc, err := node.Start(filepath.Join(home, "node.log"))
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, proc.Stop()) })
	require.NoError(t, node.WaitHeight(2, 60*time.Second))
	return node
}

func slowSpirals(t *testing.T, raw json.RawMessage) json.RawMessage {
	var optima map[string]any
	require.NoError(t, json.Unmarshal(raw, &optima))
	for _, m := range optima["genesis_models"].([]any) {
		if m := m.(map[string]any); m["domain"] == "spirals" {
			m["seed_blocks"], m["reveal_window"] = 20, 100
		}
	}
	out, err := json.Marshal(optima)
	require.NoError(t, err)
	return out
}

// optimizerProc is a running `dond optimizer`.
type optimizerProc struct {
	cmd  *exec.Cmd
	out  *devnet.SyncBuffer
	done chan error
}

func runOptimizer(t *testing.T, node *devnet.Node, args ...string) *optimizerProc {
	args = append([]string{"optimizer", "--from", "alice", "--home", node.Home, "--node", node.RPC(),
		"--chain-id", node.ChainID, "--keyring-backend", "test"}, args...)
	p := &optimizerProc{cmd: exec.Command(node.Binary, args...), out: &devnet.SyncBuffer{}, done: make(chan error, 1)}
	p.cmd.Stdout, p.cmd.Stderr = p.out, p.out
	require.NoError(t, p.cmd.Start())
	go func() { p.done <- p.cmd.Wait() }()
	t.Cleanup(func() {
		_ = p.cmd.Process.Kill()
		if t.Failed() {
			t.Logf("optimizer output:\n%s", p.out.String())
		}
	})
	return p
}

func (p *optimizerProc) wait(t *testing.T, timeout time.Duration) string {
	select {
	case err := <-p.done:
		require.NoError(t, err, p.out.String())
	case <-time.After(timeout):
		t.Fatalf("optimizer still running after %s:\n%s", timeout, p.out.String())
	}
	return p.out.String()
}

var bestRe = regexp.MustCompile(`model (\d+) \S+ \| best [\d.]+ \(gap ([+-][\d.]+)%\) \(optimum (\d+)\)`)

// gaps returns, per model, the reported gap of the best on-chain loss to
// the floor at the first and at the last progress line.
func gaps(t *testing.T, out string) map[string][2]float64 {
	res := map[string][2]float64{}
	for _, m := range bestRe.FindAllStringSubmatch(out, -1) {
		gap, err := strconv.ParseFloat(m[2], 64)
		require.NoError(t, err)
		g, seen := res[m[1]]
		if !seen {
			g[0] = gap
		}
		g[1] = gap
		res[m[1]] = g
	}
	return res
}

// TestOptimizerOnNode: with --once the agent gets an optimum accepted on
// regime-ar (model 3) and on friedman1 (model 1) from their zero genesis
// optima, the gap it reports shrinks, and the chain holds alice's optima;
// then an agent killed with SIGKILL right after a commit reveals that
// commit after a restart.
func TestOptimizerOnNode(t *testing.T) {
	node := startNode(t)
	alice := node.Addresses["alice"]

	t.Run("once", func(t *testing.T) {
		out := runOptimizer(t, node, "--model", "regime-ar-k4", "--model", "1", "--once", "--train-seconds", "3").
			wait(t, 90*time.Second)
		require.Regexp(t, `model 3 regime-ar-k4 .*ACCEPTED commit \d+ as optimum 1`, out)
		require.Regexp(t, `model 1 friedman1-mlp16 .*ACCEPTED commit \d+ as optimum 1`, out)
		g := gaps(t, out)
		for _, model := range []string{"1", "3"} {
			require.Less(t, g[model][1], g[model][0], "model %s: gap to the floor did not shrink", model)
			var best struct {
				Optimum struct {
					ID        string `json:"id"`
					Optimizer string `json:"optimizer"`
				} `json:"optimum"`
			}
			stdout, err := node.Exec("q", "optima", "best", model, "--output", "json", "--node", node.RPC())
			require.NoError(t, err)
			require.NoError(t, json.Unmarshal([]byte(stdout), &best))
			require.Equal(t, "1", best.Optimum.ID)
			require.Equal(t, alice, best.Optimum.Optimizer)
		}
		t.Logf("gaps to the floor (first, last): friedman1 %v, regime-ar %v; output:\n%s", g["1"], g["3"], out)
	})

	t.Run("sigkill after commit", func(t *testing.T) {
		p := runOptimizer(t, node, "--model", "spirals-mlp8", "--once", "--train-seconds", "3")
		rec := waitCommitted(t, agent.StoreDir(node.Home), 60*time.Second)
		require.NoError(t, p.cmd.Process.Signal(syscall.SIGKILL))
		<-p.done

		// The commit is on chain and still open: the killed agent never revealed it.
		stdout, err := node.Exec("q", "optima", "commit", strconv.FormatUint(rec.CommitID, 10), "--output", "json", "--node", node.RPC())
		require.NoError(t, err, "commit %d should be open", rec.CommitID)
		require.Contains(t, stdout, alice)

		out := runOptimizer(t, node, "--model", "spirals-mlp8", "--once", "--train-seconds", "3").wait(t, 60*time.Second)
		id := strconv.FormatUint(rec.CommitID, 10)
		require.Contains(t, out, "resuming commit "+id)
		require.Regexp(t, `ACCEPTED commit `+id+` as optimum 1`, out)
		require.NotContains(t, out, "committed ", "the restarted agent's cycle is the resumed commit")
		recs, err := mustStore(t, node).Load()
		require.NoError(t, err)
		require.Empty(t, recs)
	})
}

// waitCommitted polls the agent's store until a record has its commit id.
func waitCommitted(t *testing.T, dir string, timeout time.Duration) agent.Record {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if s, err := agent.OpenStore(dir); err == nil {
			if recs, err := s.Load(); err == nil {
				for _, r := range recs {
					if r.CommitID != 0 {
						return r
					}
				}
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no commit persisted in %s within %s", dir, timeout)
	return agent.Record{}
}

func mustStore(t *testing.T, node *devnet.Node) *agent.Store {
	s, err := agent.OpenStore(agent.StoreDir(node.Home))
	require.NoError(t, err)
	return s
}
