package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/testutil/devnet"
	"github.com/don-network/don/testutil/nodetest"
	"github.com/don-network/don/x/evaluation/client/cli"
)

// TestEvaluationEndToEnd runs x/evaluation on a real node through the CLI:
// bob asks for the regime-ar model's best optimum on a CSV of inputs, carol
// (an evaluator) claims, computes and submits; after the challenge window
// every udon is where docs/evaluation.md ("Settlement") says and model 3's
// weight rose with the
// demand. Then a deliberately wrong result is challenged and slashed.
func TestEvaluationEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real node")
	}
	c := startChainWith(t, fastEvaluation)
	bob, carol, validator := c.node.Addresses["bob"], c.node.Addresses["carol"], c.node.Addresses["validator"]
	inputs := regimeARInputs(t)

	const collateral, maxFee = 10_000_000, 100_000
	c.tx("carol", "tx", "evaluation", "register-evaluator", "10000000", "4")
	var ev evaluatorInfo
	c.cli(&ev, "query", "evaluation", "evaluator", carol)
	require.Equal(t, "10000000", ev.Evaluator.Evaluator.Collateral)

	t.Run("honest path settles to the udon", func(t *testing.T) {
		var w0 weight
		c.cli(&w0, "query", "weights", "weight", regimeAR)
		bob0, carol0, supply0, pool0 := c.balance(bob), c.balance(carol), c.supply(), c.communityPool()

		id := c.request(inputs, "100000")
		price := c.claim("carol", id)
		require.Greater(t, price, int64(0))
		require.LessOrEqual(t, price, int64(maxFee))
		out := c.compute(id)
		res := c.tx("carol", "tx", "evaluation", "submit", id, out)
		submitted, ok := res.Event("don.evaluation.v1.EventResultSubmitted")
		require.True(t, ok)
		c.waitHeight(atoi(t, submitted["settle_height"]) + 1)

		var got requestInfo
		c.cli(&got, "query", "evaluation", "request", id)
		require.Equal(t, "REQUEST_STATUS_SETTLED", got.Request.Status)
		burned, royalty := price/10, price/10 // demand_burn 0.1, royalty 0.1, floors
		fee := price - burned - royalty
		require.Equal(t, carol0+fee, c.balance(carol), "evaluator fee")
		require.Equal(t, bob0-price, c.balance(bob), "client paid the price, got max_fee − price back")
		require.Equal(t, supply0-burned, c.supply(), "demand burn")
		require.Equal(t, pool0+royalty, c.communityPool(), "a genesis optimum's royalty goes to the community pool")

		// The outputs read back as decimals equal what compute wrote.
		printed, err := c.node.Exec("query", "evaluation", "outputs", id, "--csv")
		require.NoError(t, err)
		want, err := cli.ReadRowsFile(out)
		require.NoError(t, err)
		back, err := cli.ParseRowsCSV([]byte(printed))
		require.NoError(t, err)
		require.Equal(t, want, back)
		require.Len(t, back, 3)

		var w1 weight
		c.cli(&w1, "query", "weights", "weight", regimeAR)
		require.True(t, sdkmath.LegacyMustNewDecFromStr(w1.Weight).GT(sdkmath.LegacyMustNewDecFromStr(w0.Weight)),
			"demand raised the model's weight: %s → %s", w0.Weight, w1.Weight)
		var rest requestInfo
		getJSON(t, c.node.API()+"/don/evaluation/v1/requests/"+id, &rest)
		require.Equal(t, "REQUEST_STATUS_SETTLED", rest.Request.Status)
	})

	t.Run("a wrong result is challenged and slashed", func(t *testing.T) {
		bob0, val0, supply0 := c.balance(bob), c.balance(validator), c.supply()
		id := c.request(inputs, "100000")
		c.claim("carol", id)
		wrong := c.wrongOutputs(id)
		c.tx("carol", "tx", "evaluation", "submit", id, wrong)

		res := c.tx("validator", "tx", "evaluation", "challenge", id, "10000")
		resolved, ok := res.Event("don.evaluation.v1.EventChallengeResolved")
		require.True(t, ok)
		require.Equal(t, "true", resolved["wrong"])
		slash, bounty := int64(collateral/2), int64(collateral/4)
		require.Equal(t, slash, coinAmount(t, resolved["slashed"]))
		require.Equal(t, bounty, coinAmount(t, resolved["bounty"]))
		require.Equal(t, val0+bounty, c.balance(validator), "bond back plus the bounty")
		require.Equal(t, bob0, c.balance(bob), "client refunded in full")
		require.Equal(t, supply0-(slash-bounty), c.supply(), "rest of the slash burned")
		var evAfter evaluatorInfo
		c.cli(&evAfter, "query", "evaluation", "evaluator", carol)
		require.Equal(t, "5000000", evAfter.Evaluator.Evaluator.Collateral)
		require.Equal(t, "REQUEST_STATUS_SLASHED", c.requestStatus(id))
	})
}

// fastEvaluation is config.yml with 200 ms blocks and a challenge window
// long enough for a challenge tx (simulate, broadcast, include) at that pace.
func fastEvaluation(cfg *devnet.Config) {
	cfg.BlockTime = "200ms"
	cfg.Genesis["evaluation"] = json.RawMessage(`{"params": {"challenge_blocks": "25"}}`)
}

// request sends bob's request for the regime-ar model on an inputs file
// (three rows) and returns its id, read from the tx events.
func (c *chain) request(inputs, maxFee string) string {
	c.t.Helper()
	res := c.tx("bob", "tx", "evaluation", "request", regimeAR, inputs, maxFee, "--deadline-blocks", "200")
	created, ok := res.Event("don.evaluation.v1.EventRequestCreated")
	require.True(c.t, ok)
	require.Equal(c.t, "3", created["rows"])
	return created["request_id"]
}

// claim claims a request for an evaluator key and returns the price.
func (c *chain) claim(from, id string) int64 {
	c.t.Helper()
	res := c.tx(from, "tx", "evaluation", "claim", id)
	claimed, ok := res.Event("don.evaluation.v1.EventRequestClaimed")
	require.True(c.t, ok)
	return coinAmount(c.t, claimed["price"])
}

// compute writes a claimed request's right outputs to a file.
func (c *chain) compute(id string) string {
	c.t.Helper()
	return nodetest.Compute(c.t, c.node, id)
}

// wrongOutputs writes a claimed request's outputs with the first one off
// by 1: a wrong answer.
func (c *chain) wrongOutputs(id string) string {
	c.t.Helper()
	bz, err := os.ReadFile(c.compute(id))
	require.NoError(c.t, err)
	rows, err := cli.ParseRowsJSON(bz)
	require.NoError(c.t, err)
	rows[0][0] += 1 << 24
	wrong := filepath.Join(c.t.TempDir(), "wrong.json")
	require.NoError(c.t, os.WriteFile(wrong, []byte(toJSON(c.t, rows)), 0o600))
	return wrong
}

// regimeARInputs writes three rows of regime-ar inputs (four lags) as CSV.
func regimeARInputs(t *testing.T) string {
	inputs := filepath.Join(t.TempDir(), "inputs.csv")
	require.NoError(t, os.WriteFile(inputs, []byte("lag4,lag3,lag2,lag1\n0.1,0.2,0.3,0.4\n-1,0.5,2,1.25\n3,2,1,0\n"), 0o600))
	return inputs
}

type evaluatorInfo struct {
	Evaluator struct {
		Evaluator struct {
			Collateral string `json:"collateral"`
			Reputation string `json:"reputation"`
		} `json:"evaluator"`
	} `json:"evaluator"`
}

type requestInfo struct {
	Request struct {
		Status string `json:"status"`
		Price  string `json:"price"`
	} `json:"request"`
}

type weight struct {
	Weight string `json:"weight"`
}

func (c *chain) requestStatus(id string) string {
	var r requestInfo
	c.cli(&r, "query", "evaluation", "request", id)
	return r.Request.Status
}

// communityPool returns the udon in x/distribution's community pool
// (truncated: it holds decimals).
func (c *chain) communityPool() int64 {
	c.t.Helper()
	var pool struct{ Pool []string }
	c.cli(&pool, "query", "distribution", "community-pool")
	for _, coin := range pool.Pool {
		if amount, ok := strings.CutSuffix(coin, "udon"); ok {
			whole, _, _ := strings.Cut(amount, ".")
			return atoi(c.t, whole)
		}
	}
	return 0
}

func toJSON(t *testing.T, rows [][]int64) string {
	var sb strings.Builder
	flat, width, err := cli.Flatten(rows)
	require.NoError(t, err)
	require.NoError(t, cli.WriteRows(&sb, cli.Rows(flat, width), false))
	return sb.String()
}
