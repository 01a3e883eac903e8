package localnet

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestLocalnetQuorumLoss stops two of four equal validators: the other half
// of the stake is not more than 2/3, so the chain halts (no new height for
// 10 s). One of the two comes back and the chain resumes.
func TestLocalnetQuorumLoss(t *testing.T) {
	l := startLocalnet(t, nil)
	survivors := l.Nodes[:2]
	require.NoError(t, l.Process(2).Stop())
	require.NoError(t, l.Process(3).Stop())

	halted := waitHalt(t, 10*time.Second, 30*time.Second, survivors...)

	require.NoError(t, l.StartNode(2))
	waitAll(t, halted+3, 60*time.Second, append(survivors, l.Nodes[2])...)
	t.Logf("halted at height %d, resumed to %d", halted, maxHeight(l.Nodes...))
}
