// Package nodetest holds what tests driving a real node (testutil/e2e,
// testutil/upgrade) share: dond's CLI run against a devnet node, and the
// node's gRPC queries.
package nodetest

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/don-network/don/testutil/devnet"
)

// CLI runs the node's binary (node.Binary: the upgrade test switches it
// from the old release's to this tree's) with --output json and decodes its
// output into out, unless out is nil.
func CLI(t testing.TB, node *devnet.Node, out any, args ...string) {
	t.Helper()
	stdout, err := node.Exec(append(args, "--output", "json")...)
	require.NoError(t, err)
	if out != nil {
		require.NoError(t, json.Unmarshal([]byte(stdout), out), stdout)
	}
}

// TxResult is the JSON of a broadcast or an included transaction.
type TxResult struct {
	TxHash  string `json:"txhash"`
	Height  string `json:"height"`
	Code    uint32 `json:"code"`
	RawLog  string `json:"raw_log"`
	GasUsed string `json:"gas_used"`
	Events  []struct {
		Type       string `json:"type"`
		Attributes []struct {
			Key   string `json:"key"`
			Value string `json:"value"`
		} `json:"attributes"`
	} `json:"events"`
}

// Event returns the attributes of the first event of a type, the quotes of
// typed events' JSON strings trimmed.
func (r TxResult) Event(typ string) (map[string]string, bool) {
	for _, ev := range r.Events {
		if ev.Type == typ {
			attrs := map[string]string{}
			for _, a := range ev.Attributes {
				attrs[a.Key] = strings.Trim(a.Value, `"`)
			}
			return attrs, true
		}
	}
	return nil, false
}

// RequireEvent is Event for an event the tx must have emitted.
func (r TxResult) RequireEvent(t testing.TB, typ string) map[string]string {
	t.Helper()
	attrs, ok := r.Event(typ)
	if !ok {
		require.Failf(t, "missing event", "no %s in tx %s", typ, r.TxHash)
	}
	return attrs
}

// Tx broadcasts a transaction from a key and waits for its inclusion; both
// must succeed.
func Tx(t testing.TB, node *devnet.Node, from string, args ...string) TxResult {
	t.Helper()
	var sent TxResult
	CLI(t, node, &sent, append(args, "--from", from, "--yes", "--gas", "auto", "--gas-adjustment", "1.5")...)
	require.Zero(t, sent.Code, "CheckTx: %s", sent.RawLog)
	var res TxResult
	CLI(t, node, &res, "query", "wait-tx", sent.TxHash, "--timeout", "90s")
	require.Zero(t, res.Code, "DeliverTx: %s", res.RawLog)
	return res
}

// Compute writes a claimed request's right outputs to a file of the test
// and returns its path.
func Compute(t testing.TB, node *devnet.Node, id string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "outputs.json")
	_, err := node.Exec("query", "evaluation", "compute", id, "--out", out)
	require.NoError(t, err)
	return out
}
