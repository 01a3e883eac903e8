package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	txtypes "github.com/cosmos/cosmos-sdk/types/tx"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"

	"github.com/don-network/don/testutil/devnet"
	"github.com/don-network/don/testutil/nodetest"
	evaluationtypes "github.com/don-network/don/x/evaluation/types"
	optimatypes "github.com/don-network/don/x/optima/types"
)

// cosmjsLine is one JSON line of examples/cosmjs/send.mjs: a tx it sent and
// the object it read back over REST.
type cosmjsLine struct {
	Mode   string          `json:"mode"`
	Msg    string          `json:"msg"`
	TxHash string          `json:"txhash"`
	Height int64           `json:"height"`
	ID     string          `json:"id"`
	Rest   json.RawMessage `json:"rest"`
}

// TestCosmJSExample runs the CosmJS example against a real node, as alice
// (her config.yml mnemonic, not the script's default) on the spirals model
// (not its default either), and checks through the node's gRPC that its four
// txs are on chain, signed in the mode the script claims, and did what it
// says: two requests by alice for model 2, two commits of hers.
func TestCosmJSExample(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real node")
	}
	c := startChain(t)
	dir := filepath.Join(repoRoot(t), "examples", "cosmjs")
	if _, err := os.Stat(filepath.Join(dir, "node_modules")); err != nil {
		t.Fatalf("examples/cosmjs/node_modules is missing: run `make js-deps` (%v)", err)
	}
	alice := c.node.Addresses["alice"]
	const modelID = 2 // spirals-mlp8: inputs of width 2

	// The codecs' offline checks against the chain's bytes come first: a
	// mismatch there is the likely cause of a rejected signature below.
	runNode(t, dir, nil, "--test")

	env := []string{
		"DON_RPC=http://127.0.0.1:" + strconv.Itoa(c.node.Ports.RPC),
		"DON_REST=" + c.node.API(),
		"DON_MNEMONIC=" + mnemonic(t, c.cfg, "alice"),
		"DON_MODEL_ID=" + strconv.Itoa(modelID),
	}
	lines := parseCosmJSLines(t, runNode(t, dir, env, "send.mjs"))

	conn := nodetest.Dial(t, c.node)
	txs := txtypes.NewServiceClient(conn)
	evaluation := evaluationtypes.NewQueryClient(conn)
	optima := optimatypes.NewQueryClient(conn)
	ctx := context.Background()

	wantMode := map[string]signing.SignMode{
		"direct":     signing.SignMode_SIGN_MODE_DIRECT,
		"amino-json": signing.SignMode_SIGN_MODE_LEGACY_AMINO_JSON,
	}
	wantTypeURL := map[string]string{
		"MsgRequestEvaluation": "/don.evaluation.v1.MsgRequestEvaluation",
		"MsgCommitOptimum":     "/don.optima.v1.MsgCommitOptimum",
	}
	seen := map[string]bool{}
	var commitIDs []uint64
	evalParams, err := evaluation.Params(ctx, &evaluationtypes.QueryParamsRequest{})
	require.NoError(t, err)
	model, err := optima.Model(ctx, &optimatypes.QueryModelRequest{ModelId: modelID})
	require.NoError(t, err)

	for _, l := range lines {
		seen[l.Mode+" "+l.Msg] = true
		mode, ok := wantMode[l.Mode]
		require.True(t, ok, "mode %q", l.Mode)

		// The tx as the node stored it: included, one message of the right
		// type, signed by one key in the claimed mode.
		res, err := txs.GetTx(ctx, &txtypes.GetTxRequest{Hash: l.TxHash})
		require.NoError(t, err, "tx %s", l.TxHash)
		require.Zero(t, res.TxResponse.Code, "tx %s: %s", l.TxHash, res.TxResponse.RawLog)
		require.Equal(t, l.Height, res.TxResponse.Height, "tx %s", l.TxHash)
		require.Len(t, res.Tx.Body.Messages, 1)
		require.Equal(t, wantTypeURL[l.Msg], res.Tx.Body.Messages[0].TypeUrl)
		require.Len(t, res.Tx.AuthInfo.SignerInfos, 1)
		require.Equal(t, mode.String(), res.Tx.AuthInfo.SignerInfos[0].ModeInfo.GetSingle().GetMode().String(), "tx %s", l.TxHash)

		id, err := strconv.ParseUint(l.ID, 10, 64)
		require.NoError(t, err, "id %q", l.ID)
		switch l.Msg {
		case "MsgRequestEvaluation":
			got, err := evaluation.Request(ctx, &evaluationtypes.QueryRequestRequest{Id: id})
			require.NoError(t, err, "request %d", id)
			r := got.Request
			require.Equal(t, alice, r.Client)
			require.Equal(t, uint64(modelID), r.ModelId)
			require.Equal(t, l.Height, r.CreatedHeight)
			require.Len(t, r.Inputs, int(r.Rows)*2, "spirals rows have 2 inputs")
			require.True(t, r.MaxFee.GTE(evalParams.Params.MinFee), "max_fee %s", r.MaxFee)
			var rest struct{ ID, Client string }
			require.NoError(t, json.Unmarshal(l.Rest, &rest))
			require.Equal(t, l.ID, rest.ID, "the REST object is the request")
			require.Equal(t, alice, rest.Client)
		case "MsgCommitOptimum":
			got, err := optima.Commit(ctx, &optimatypes.QueryCommitRequest{CommitId: id})
			require.NoError(t, err, "commit %d", id)
			cm := got.Commit
			require.Equal(t, alice, cm.Optimizer)
			require.Equal(t, uint64(modelID), cm.ModelId)
			require.Equal(t, l.Height, cm.Height)
			require.Equal(t, model.Model.CommitBond, cm.Bond, "the model's commit bond is held")
			require.Len(t, cm.Commitment, 32)
			var rest struct{ ID, Commitment string }
			require.NoError(t, json.Unmarshal(l.Rest, &rest))
			require.Equal(t, l.ID, rest.ID)
			require.Equal(t, base64.StdEncoding.EncodeToString(cm.Commitment), rest.Commitment)
			commitIDs = append(commitIDs, id)
		default:
			t.Fatalf("unexpected msg %q", l.Msg)
		}
	}
	require.Len(t, lines, 4)
	require.Len(t, seen, 4, "each message in each mode: %v", seen)

	// Alice's open commits are exactly the script's two.
	commits, err := optima.Commits(ctx, &optimatypes.QueryCommitsRequest{Optimizer: alice, Pagination: nodetest.OnePage()})
	require.NoError(t, err)
	var open []uint64
	for _, cm := range commits.Commits {
		open = append(open, cm.Id)
	}
	require.ElementsMatch(t, commitIDs, open)
}

// runNode runs node with args in dir (extra env added), within 50 s, and
// returns its stdout; a failure shows its stderr.
func runNode(t *testing.T, dir string, env []string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	require.NoError(t, err, "node %v\nstdout:\n%s\nstderr:\n%s", args, tail(stdout.String(), 40), tail(stderr.String(), 40))
	t.Logf("node %v:\n%s", args, tail(stderr.String(), 10))
	return stdout.Bytes()
}

// parseCosmJSLines decodes send.mjs's output, one JSON object a line.
func parseCosmJSLines(t *testing.T, out []byte) []cosmjsLine {
	t.Helper()
	var lines []cosmjsLine
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var l cosmjsLine
		require.NoError(t, json.Unmarshal(sc.Bytes(), &l), "line %q", sc.Text())
		lines = append(lines, l)
	}
	require.NoError(t, sc.Err())
	return lines
}

// mnemonic is the config.yml mnemonic of an account.
func mnemonic(t *testing.T, cfg devnet.Config, name string) string {
	t.Helper()
	for _, a := range cfg.Accounts {
		if a.Name == name {
			require.NotEmpty(t, a.Mnemonic, "config.yml gives %s no mnemonic", name)
			return a.Mnemonic
		}
	}
	t.Fatalf("no account %s in config.yml", name)
	return ""
}
