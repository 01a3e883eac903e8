package localnet

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestLocalnetKillRestart crashes one of four validators with SIGKILL: the
// other three (3/4 of the stake, above 2/3) keep making blocks. Restarted on
// its own data, the validator catches up with the others and signs blocks
// again.
func TestLocalnetKillRestart(t *testing.T) {
	l := startLocalnet(t, nil)
	const victim = 2
	node := l.Nodes[victim]
	others := append(l.Nodes[:victim:victim], l.Nodes[victim+1:]...)
	status, err := node.Status()
	require.NoError(t, err)
	valAddr := status.ValidatorAddress
	require.NotEmpty(t, valAddr)

	l.Process(victim).Kill()
	killedAt := maxHeight(others...)
	waitAll(t, killedAt+5, 60*time.Second, others...)
	_, err = node.Height()
	require.Error(t, err, "the killed node still answers")

	require.NoError(t, l.StartNode(victim))
	restartedAt := maxHeight(others...)
	// Caught up: at the others' height as it was at the restart, then in
	// step with them (not catching up, at most a block behind).
	require.NoError(t, node.WaitHeight(restartedAt, 60*time.Second))
	require.Eventually(t, func() bool {
		s, err := node.Status()
		return err == nil && !s.CatchingUp && s.LatestHeight+1 >= maxHeight(others...)
	}, 30*time.Second, 200*time.Millisecond, "node%d does not keep up after the restart", victim)

	// Signs again: its precommit is in a later block's last_commit.
	from := maxHeight(l.Nodes...) + 1
	require.Eventually(t, func() bool {
		top, _ := l.Nodes[0].Height()
		for h := from; h <= top; h++ {
			signers, err := commitSigners(l.Nodes[0], h)
			if err == nil && signers[valAddr] {
				t.Logf("killed at height %d, restarted at %d, signed block %d (in block %d's last commit)", killedAt, restartedAt, h-1, h)
				return true
			}
		}
		return false
	}, 30*time.Second, 300*time.Millisecond, "validator %s signs no block after its restart", valAddr)
}
