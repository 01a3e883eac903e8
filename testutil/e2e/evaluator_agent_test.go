package e2e

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestEvaluatorAgent runs `dond evaluator` processes against a real node:
// carol's agent registers itself and settles bob's requests end to end,
// earning exactly the evaluator fees, and after a restart submits what carol
// had claimed while it was down; then alice's agent catches a wrong
// result carol submits by hand, which is slashed, and alice earns the
// bounty.
func TestEvaluatorAgent(t *testing.T) {
	if testing.Short() || os.Getenv("DON_BINARY") == "" {
		t.Skip("starts a real node and agents: set DON_BINARY (make build)")
	}
	c := startChainWith(t, fastEvaluation)
	bob, carol, alice := c.node.Addresses["bob"], c.node.Addresses["carol"], c.node.Addresses["alice"]
	inputs := regimeARInputs(t)
	evaluator := func(t *testing.T, key, minPrice string) *agent {
		a := c.startAgent(t, key+"-evaluator", "evaluator", "--from", key,
			"--collateral", "10000000", "--capacity", "4", "--min-price", minPrice, "--poll-interval", "200ms")
		a.waitOutput("min price", 60*time.Second) // registered, polling
		return a
	}

	t.Run("the agent settles a client's requests", func(t *testing.T) {
		a := evaluator(t, "carol", "1000")
		carol0 := c.balance(carol)
		const n = 4
		ids := make([]string, n)
		for i := range ids {
			ids[i] = c.request(inputs, "100000")
		}
		a.waitOutput(fmt.Sprintf("| settled %d |", n), 60*time.Second)

		fees := int64(0)
		for _, id := range ids {
			var r requestInfo
			c.cli(&r, "query", "evaluation", "request", id)
			require.Equal(t, "REQUEST_STATUS_SETTLED", r.Request.Status, "request %s", id)
			price := atoi(t, r.Request.Price)
			require.GreaterOrEqual(t, price, int64(1000), "never below --min-price")
			fees += price - price/10 - price/10 // demand_burn 0.1 and royalty 0.1, floors
		}
		require.Equal(t, carol0+fees, c.balance(carol), "carol earned the evaluator fees (gas is free on this chain)")
		require.Contains(t, a.output(), fmt.Sprintf("fees %dudon", fees))
		a.stop()
		require.Contains(t, a.output(), "stopped: ", "a graceful stop on SIGTERM")
		t.Logf("carol's agent:\n%s", a.output())
	})

	t.Run("a restarted agent submits what its key had claimed", func(t *testing.T) {
		// Claimed while no agent ran, as if the agent had crashed after its claim.
		id := c.request(inputs, "100000")
		price := c.claim("carol", id)
		carol0 := c.balance(carol)
		a := evaluator(t, "carol", "1000")
		a.waitOutput("| settled 1 |", 30*time.Second)
		require.Equal(t, "REQUEST_STATUS_SETTLED", c.requestStatus(id))
		require.Equal(t, carol0+price-price/10-price/10, c.balance(carol))
		a.stop()
	})

	t.Run("a second agent challenges a wrong result", func(t *testing.T) {
		// Alice's price floor is above any fee: she only checks others' work.
		a := evaluator(t, "alice", "1000000000")
		alice0, bob0 := c.balance(alice), c.balance(bob)
		var before evaluatorInfo
		c.cli(&before, "query", "evaluation", "evaluator", carol)

		id := c.request(inputs, "100000")
		c.claim("carol", id)
		c.tx("carol", "tx", "evaluation", "submit", id, c.wrongOutputs(id))
		waitFor(t, 30*time.Second, "request "+id+" slashed", func() bool {
			return c.requestStatus(id) == "REQUEST_STATUS_SLASHED"
		})

		var after evaluatorInfo
		c.cli(&after, "query", "evaluation", "evaluator", carol)
		collateral := atoi(t, before.Evaluator.Evaluator.Collateral)
		slash := collateral - atoi(t, after.Evaluator.Evaluator.Collateral)
		require.Equal(t, collateral/2, slash, "slash_fraction_wrong 0.5")
		bounty := slash / 2 // bounty_fraction 0.5
		require.Equal(t, alice0+bounty, c.balance(alice), "alice got her bond back and the bounty")
		require.Equal(t, bob0, c.balance(bob), "bob refunded in full")
		a.waitOutput(fmt.Sprintf("challenged 1 (won 1) | fees 0udon | bounties %dudon", bounty), 10*time.Second)
		t.Logf("alice's agent:\n%s", a.output())
	})
}
