package localnet

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/don-network/don/testutil/devnet"
)

// snapshotInterval is how often (in blocks) the validators take a state
// sync snapshot in this test.
const snapshotInterval = 20

// TestLocalnetStateSync adds a fifth, non-validator node once the validators
// serve snapshots: it restores the latest snapshot by state sync (its block
// store starts at the snapshot, not at height 1), then follows the chain.
func TestLocalnetStateSync(t *testing.T) {
	l := startLocalnet(t, func(node *devnet.Node) {
		require.NoError(t, node.SetConfig("app.toml", "state-sync", "snapshot-interval", fmt.Sprint(snapshotInterval)))
		require.NoError(t, node.SetConfig("app.toml", "state-sync", "snapshot-keep-recent", "2"))
	})
	vals := l.Nodes[:validators]
	// A snapshot is served from the block after it is taken.
	waitAll(t, snapshotInterval+2, 60*time.Second, vals...)

	// The trusted header: a recent block of node 0, checked against node 1
	// by the joiner's light client.
	trustHeight, err := vals[0].Height()
	require.NoError(t, err)
	var block struct {
		BlockID struct {
			Hash string `json:"hash"`
		} `json:"block_id"`
	}
	require.NoError(t, vals[0].QueryRPC(fmt.Sprintf("block?height=%d", trustHeight), &block))

	joiner, err := l.AddNode(devnet.Ports{})
	require.NoError(t, err)
	q := func(s string) string { return `"` + s + `"` }
	for _, e := range []struct{ key, value string }{
		{"enable", "true"},
		{"rpc_servers", q(fmt.Sprintf("http://127.0.0.1:%d,http://127.0.0.1:%d", vals[0].Ports.RPC, vals[1].Ports.RPC))},
		{"trust_height", fmt.Sprint(trustHeight)},
		{"trust_hash", q(block.BlockID.Hash)},
		{"trust_period", q("168h0m0s")},
		{"discovery_time", q("5s")}, // CometBFT's minimum
	} {
		require.NoError(t, joiner.SetConfig("config.toml", "statesync", e.key, e.value))
	}
	require.NoError(t, l.StartNode(len(l.Nodes)-1))

	// Synced: no longer catching up and level with the validators.
	require.Eventually(t, func() bool {
		s, err := joiner.Status()
		return err == nil && !s.CatchingUp && s.LatestHeight > 0 && s.LatestHeight+1 >= maxHeight(vals...)
	}, 90*time.Second, 250*time.Millisecond, "the joiner does not sync")
	status, err := joiner.Status()
	require.NoError(t, err)
	// From a snapshot: its block store starts right after a snapshot
	// height, not at 1.
	restored := status.EarliestHeight - 1
	require.Positive(t, restored, "the joiner replayed the chain from genesis")
	require.Zero(t, restored%snapshotInterval, "earliest block %d does not follow a snapshot height", status.EarliestHeight)

	// Follows: it reaches heights made after it synced.
	target := maxHeight(vals...) + 5
	require.NoError(t, joiner.WaitHeight(target, 60*time.Second))
	t.Logf("trusted height %d; the joiner restored the snapshot at %d (earliest block %d) and followed to %d", trustHeight, restored, status.EarliestHeight, target)
}
