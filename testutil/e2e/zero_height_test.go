package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"

	"github.com/don-network/don/testutil/devnet"
	minttypes "github.com/don-network/don/x/mint/types"
	optimatypes "github.com/don-network/don/x/optima/types"
)

// TestZeroHeightExportRestart is the hard-fork path: a node with an
// accepted optimum, an open commit and a claimed evaluation request stops,
// `dond export --for-zero-height` writes a genesis, and a new chain
// started from it at height 1 goes on: the commit made before the restart
// is revealed within its window (moved back by the old chain's height,
// with the beacon it is verified with), the claimed request is answered
// and settles, balances and the supply are unchanged by the export.
func TestZeroHeightExportRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("starts two real nodes")
	}
	c := startChainWith(t, fastEvaluation)
	params := writeFile(t, `[0, 0, 0.2, 0.5, 0.3]`)
	res := c.tx("alice", "tx", "optima", "commit", regimeAR, params, "--salt", salt)
	committed, _ := res.Event("don.optima.v1.EventOptimumCommitted")
	c.waitHeight(atoi(t, committed["reveal_from"]))
	c.tx("alice", "tx", "optima", "reveal", committed["commit_id"], params, "--salt", salt)
	better := writeFile(t, `[0, 0, 0.25, 0.5, 0.3]`)
	open := c.tx("alice", "tx", "optima", "commit", regimeAR, better, "--salt", salt)
	openCommit, _ := open.Event("don.optima.v1.EventOptimumCommitted")
	c.tx("carol", "tx", "evaluation", "register-evaluator", "10000000", "4")
	request := c.request(regimeARInputs(t), "100000")
	c.claim("carol", request)
	aliceBefore := c.balance(c.node.Addresses["alice"])
	supplyBefore := c.supply()
	require.NoError(t, c.proc.Stop())

	exported, err := c.node.Exec("export", "--for-zero-height")
	require.NoError(t, err)
	var doc struct {
		InitialHeight int64 `json:"initial_height"`
		AppState      struct {
			Optima json.RawMessage `json:"optima"`
			Mint   json.RawMessage `json:"mint"`
		} `json:"app_state"`
	}
	require.NoError(t, json.Unmarshal([]byte(exported), &doc))
	require.LessOrEqual(t, doc.InitialHeight, int64(1), "a zero-height genesis starts the chain at height 1")
	cdc := codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
	var og optimatypes.GenesisState
	require.NoError(t, cdc.UnmarshalJSON(doc.AppState.Optima, &og))
	require.Len(t, og.Commits, 1)
	lastHeight := atoi(t, openCommit["reveal_from"]) - og.Commits[0].RevealFrom
	require.Positive(t, lastHeight, "heights moved back by the old chain's height")
	require.Equal(t, atoi(t, openCommit["reveal_until"])-lastHeight, og.Commits[0].RevealUntil)
	var mg minttypes.GenesisState
	require.NoError(t, cdc.UnmarshalJSON(doc.AppState.Mint, &mg))
	require.LessOrEqual(t, mg.Minter.RoundStartHeight, int64(1))

	// A new chain: same validator key, the exported genesis.
	home := t.TempDir()
	ports, err := devnet.ResolvePorts(devnet.Ports{})
	require.NoError(t, err)
	next := &devnet.Node{Binary: c.node.Binary, Home: home, ChainID: c.node.ChainID, Ports: ports, Addresses: c.node.Addresses}
	_, err = next.Exec("init", "restarted", "--chain-id", c.node.ChainID)
	require.NoError(t, err)
	for _, f := range []string{"priv_validator_key.json", "node_key.json"} {
		copyFile(t, filepath.Join(c.node.Home, "config", f), filepath.Join(home, "config", f))
	}
	require.NoError(t, os.WriteFile(filepath.Join(home, "config", "genesis.json"), []byte(exported), 0o600))
	require.NoError(t, next.WriteConfigs(c.cfg))
	copyKeyring(t, c.node.Home, home)
	proc, err := next.Start(filepath.Join(home, "node.log"))
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, proc.Stop()) })
	require.NoError(t, next.WaitHeight(2, 60*time.Second))
	restarted := &chain{t: t, cfg: c.cfg, node: next, proc: proc}

	require.Equal(t, aliceBefore, restarted.balance(c.node.Addresses["alice"]), "alice's coins")
	require.Equal(t, supplyBefore, restarted.supply(), "no coin made or lost by the export")

	// The commit of the old chain opens in the new one's numbering.
	restarted.waitHeight(og.Commits[0].RevealFrom)
	revealed := restarted.tx("alice", "tx", "optima", "reveal", openCommit["commit_id"], better, "--salt", salt)
	_, accepted := revealed.Event("don.optima.v1.EventOptimumAccepted")
	_, rejected := revealed.Event("don.optima.v1.EventOptimumRejected")
	require.True(t, accepted || rejected, "the reveal was verified against the moved beacon: %v", revealed.Events)

	// The request claimed before the restart is answered within its moved
	// deadline and settles after its challenge window.
	submitted, ok := restarted.tx("carol", "tx", "evaluation", "submit", request, restarted.compute(request)).Event("don.evaluation.v1.EventResultSubmitted")
	require.True(t, ok)
	restarted.waitHeight(atoi(t, submitted["settle_height"]) + 1)
	var got requestInfo
	restarted.cli(&got, "query", "evaluation", "request", request)
	require.Equal(t, "REQUEST_STATUS_SETTLED", got.Request.Status)
}

// copyKeyring copies the test keyring, so the restarted chain's CLI signs
// with the same keys.
func copyKeyring(t *testing.T, from, to string) {
	t.Helper()
	src := filepath.Join(from, "keyring-test")
	entries, err := os.ReadDir(src)
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Join(to, "keyring-test"), 0o700))
	for _, e := range entries {
		copyFile(t, filepath.Join(src, e.Name()), filepath.Join(to, "keyring-test", e.Name()))
	}
}
