// Package localnet tests the liveness of a four-validator chain of real dond
// processes (testutil/devnet's Localnet) on 127.0.0.1 with free ports: a
// validator crashing and coming back, the loss and return of quorum, and a
// new node joining by state sync.
package localnet

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/don-network/don/testutil/devnet"
)

const validators = 4

// startLocalnet creates a fresh four-validator chain from config.yml with
// free ports and fast blocks, lets configure change a node's files before
// the start, starts every node, waits for height 2 on all and stops them at
// the end of the test (after printing each log's tail if it failed).
func startLocalnet(t *testing.T, configure func(*devnet.Node)) *devnet.Localnet {
	bin := os.Getenv("DON_BINARY")
	if bin == "" {
		t.Skip("DON_BINARY is unset: `make test-unit` sets it to the built dond")
	}
	_, file, _, ok := runtime.Caller(0)
	require.True(t, ok)
	cfg, err := devnet.LoadConfig(filepath.Join(filepath.Dir(file), "..", "..", "config.yml"))
	require.NoError(t, err)
	cfg.BlockTime = "300ms"

	l, err := devnet.SetupLocalnet(bin, t.TempDir(), cfg, validators, devnet.Ports{})
	require.NoError(t, err)
	for _, node := range l.Nodes {
		// A missing proposer costs timeout_propose per round it leads: keep
		// that short, since these tests take validators down on purpose.
		require.NoError(t, node.SetConfig("config.toml", "consensus", "timeout_propose", `"1s"`))
		if configure != nil {
			configure(node)
		}
	}
	t.Cleanup(func() {
		if t.Failed() { // before the stop, whose lines would fill the tail
			for i := range l.Nodes {
				logTail(t, l, i)
			}
		}
		require.NoError(t, l.Stop())
	})
	require.NoError(t, l.Start())
	for _, node := range l.Nodes {
		require.NoError(t, node.WaitHeight(2, 60*time.Second))
	}
	return l
}

func logTail(t *testing.T, l *devnet.Localnet, i int) {
	bz, _ := os.ReadFile(l.LogPath(i))
	lines := strings.Split(strings.TrimSpace(string(bz)), "\n")
	if len(lines) > 25 {
		lines = lines[len(lines)-25:]
	}
	t.Logf("node%d log tail:\n%s", i, strings.Join(lines, "\n"))
}

// maxHeight is the highest latest height among nodes (unreachable ones skipped).
func maxHeight(nodes ...*devnet.Node) int64 {
	var top int64
	for _, n := range nodes {
		if h, err := n.Height(); err == nil && h > top {
			top = h
		}
	}
	return top
}

// waitAll waits until every node is at height h or above.
func waitAll(t *testing.T, h int64, timeout time.Duration, nodes ...*devnet.Node) {
	t.Helper()
	for _, n := range nodes {
		require.NoError(t, n.WaitHeight(h, timeout))
	}
}

// waitHalt waits until the height of nodes, each answering, has not moved
// for quiet (a block whose votes were in before the halt may still commit)
// and returns it.
func waitHalt(t *testing.T, quiet, timeout time.Duration, nodes ...*devnet.Node) int64 {
	t.Helper()
	height := func() int64 {
		var top int64
		for _, n := range nodes {
			h, err := n.Height()
			require.NoError(t, err)
			top = max(top, h)
		}
		return top
	}
	deadline := time.Now().Add(timeout)
	last, since := height(), time.Now()
	for time.Since(since) < quiet {
		require.True(t, time.Now().Before(deadline), "the chain did not halt: height %d after %s", last, timeout)
		time.Sleep(250 * time.Millisecond)
		if h := height(); h != last {
			last, since = h, time.Now()
		}
	}
	return last
}

// commitSigners are the validator addresses (hex) whose commit signatures
// for block h-1 are in block h's last_commit.
func commitSigners(node *devnet.Node, h int64) (map[string]bool, error) {
	var res struct {
		Block struct {
			LastCommit struct {
				Signatures []struct {
					BlockIDFlag      int    `json:"block_id_flag"`
					ValidatorAddress string `json:"validator_address"`
				} `json:"signatures"`
			} `json:"last_commit"`
		} `json:"block"`
	}
	if err := node.QueryRPC(fmt.Sprintf("block?height=%d", h), &res); err != nil {
		return nil, err
	}
	const blockIDFlagCommit = 2 // CometBFT's BlockIDFlagCommit: a vote for the block
	signers := map[string]bool{}
	for _, s := range res.Block.LastCommit.Signatures {
		if s.BlockIDFlag == blockIDFlagCommit {
			signers[s.ValidatorAddress] = true
		}
	}
	return signers, nil
}
