package e2e

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/testutil/devnet"
)

// TestMintEndToEnd: no coin appears in 100 blocks without accepted optima;
// then one accepted optimum closes a round (difficulty lowered for the test)
// and every udon of the coinbase lands where docs/mint.md ("Payout") says.
func TestMintEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real node")
	}
	c := startChainWith(t, func(cfg *devnet.Config) {
		cfg.BlockTime = "150ms"
		cfg.Genesis["mint"] = json.RawMessage(`{"params": {"initial_difficulty": "0.1", "min_difficulty": "0.01",
			"target_round_seconds": "30", "retarget_interval": 5}}`)
	})
	alice := c.node.Addresses["alice"]

	t.Run("no inflation", func(t *testing.T) {
		h, err := c.node.Height()
		require.NoError(t, err)
		before := c.supply()
		c.waitHeight(h + 100)
		require.Equal(t, before, c.supply(), "supply constant over 100 blocks")
		var supply struct{ Minted string }
		c.cli(&supply, "query", "mint", "supply")
		require.Equal(t, "0", supply.Minted)
	})

	t.Run("a round closes and pays out", func(t *testing.T) {
		var status struct {
			ExpectedCoinbase string `json:"expected_coinbase"`
		}
		c.cli(&status, "query", "mint", "status")
		coinbase := atoi(t, status.ExpectedCoinbase)
		require.Equal(t, int64(2_100_000_000), coinbase, "(21e12 − 0) · 0.0001")
		var shares struct {
			Shares struct{ Optimizer, Evaluator, Validator, Community string }
		}
		c.cli(&shares, "query", "weights", "role-shares")
		share := func(s string) int64 { return sdkmath.LegacyMustNewDecFromStr(s).MulInt64(coinbase).TruncateInt64() }

		before := c.balance(alice)
		good := writeFile(t, `[0, 0, 0.2, 0.5, 0.3]`)
		res := c.tx("alice", "tx", "optima", "commit", regimeAR, good, "--salt", salt)
		committed, _ := res.Event("don.optima.v1.EventOptimumCommitted")
		c.waitHeight(atoi(t, committed["reveal_from"]))
		res = c.tx("alice", "tx", "optima", "reveal", committed["commit_id"], good, "--salt", salt)
		work, ok := res.Event("don.optima.v1.EventWorkRecorded")
		require.True(t, ok)
		require.True(t, sdkmath.LegacyMustNewDecFromStr(work["work"]).GTE(sdkmath.LegacyMustNewDecFromStr("0.1")), "work %s closes the round", work["work"])
		// The round closes in the reveal's EndBlock; distribution allocates
		// the fee collector in the next BeginBlock.
		c.waitHeight(atoi(t, res.Height) + 2)

		var rounds struct {
			Rounds []struct {
				Round         string
				Coinbase      string
				OptimizerPaid string `json:"optimizer_paid"`
				EvaluatorPaid string `json:"evaluator_paid"`
				ValidatorPaid string `json:"validator_paid"`
				CommunityPaid string `json:"community_paid"`
				HeldBack      string `json:"evaluator_held_back"`
				Minted        string
			}
		}
		c.cli(&rounds, "query", "mint", "rounds")
		require.Len(t, rounds.Rounds, 1)
		r := rounds.Rounds[0]
		require.Equal(t, "1", r.Round)
		require.Equal(t, coinbase, atoi(t, r.Coinbase))
		require.Equal(t, share(shares.Shares.Optimizer), atoi(t, r.OptimizerPaid), "one optimizer takes the whole pool")
		require.Equal(t, int64(0), atoi(t, r.EvaluatorPaid), "no evaluators yet")
		require.Equal(t, share(shares.Shares.Evaluator), atoi(t, r.HeldBack), "no evaluator work: their share is not minted")
		require.Equal(t, coinbase-atoi(t, r.HeldBack), atoi(t, r.Minted))
		require.Equal(t, share(shares.Shares.Validator), atoi(t, r.ValidatorPaid))
		require.Equal(t, atoi(t, r.Minted)-atoi(t, r.OptimizerPaid)-atoi(t, r.ValidatorPaid), atoi(t, r.CommunityPaid))

		require.Equal(t, before+atoi(t, r.OptimizerPaid), c.balance(alice), "alice: bond back plus the optimizer pool")

		// x/distribution received the validator share through the fee
		// collector; with the community share it is all in the community
		// pool (community tax included) or owed to the validator, exactly.
		var pool struct{ Pool []string }
		c.cli(&pool, "query", "distribution", "community-pool")
		valoper, err := c.node.Exec("keys", "show", "validator", "--bech", "val", "-a", "--keyring-backend", "test")
		require.NoError(t, err)
		var outstanding struct {
			Rewards struct{ Rewards []string }
		}
		c.cli(&outstanding, "query", "distribution", "validator-outstanding-rewards", trimNL(valoper))
		got := sdkmath.LegacyZeroDec()
		for _, amount := range append(pool.Pool, outstanding.Rewards.Rewards...) {
			coin, err := sdk.ParseDecCoin(amount)
			require.NoError(t, err)
			require.Equal(t, "udon", coin.Denom)
			got = got.Add(coin.Amount)
		}
		require.Equal(t, sdkmath.LegacyNewDec(atoi(t, r.ValidatorPaid)+atoi(t, r.CommunityPaid)), got)

		var st struct{ Minter struct{ Round string } }
		getJSON(t, c.node.API()+"/don/mint/v1/status", &st)
		require.Equal(t, "2", st.Minter.Round, "REST shows the new round")
		c.cli(&st, "query", "mint", "status")
		require.Equal(t, "2", st.Minter.Round)
	})

	// The attack of issue 8 on a real node: carol, an evaluator, pays
	// herself for a minimum-fee request; when the next round closes she has
	// lost money (before the evaluator cap she was minted the whole
	// evaluator share, 420,000,000 udon).
	t.Run("wash trading loses money", func(t *testing.T) {
		carol := c.node.Addresses["carol"]
		c.tx("carol", "tx", "evaluation", "register-evaluator", "10000000", "4")
		before := c.balance(carol)
		inputs := writeFile(t, "[[0.1, 0.2, 0.3, 0.4]]")
		res := c.tx("carol", "tx", "evaluation", "request", regimeAR, inputs, "1000", "--deadline-blocks", "200")
		created, ok := res.Event("don.evaluation.v1.EventRequestCreated")
		require.True(t, ok)
		id := created["request_id"]
		c.tx("carol", "tx", "evaluation", "claim", id)
		out := filepath.Join(t.TempDir(), "outputs.json")
		_, err := c.node.Exec("query", "evaluation", "compute", id, "--out", out)
		require.NoError(t, err)
		res = c.tx("carol", "tx", "evaluation", "submit", id, out)
		submitted, ok := res.Event("don.evaluation.v1.EventResultSubmitted")
		require.True(t, ok)
		c.waitHeight(atoi(t, submitted["settle_height"]) + 1)
		require.Equal(t, "REQUEST_STATUS_SETTLED", c.requestStatus(id))

		// alice closes round 2 with a large verified improvement of
		// friedman1: a constant predictor at the mean of y.
		constant := writeFile(t, "["+strings.Repeat("0, ", 192)+"14.4]")
		res = c.tx("alice", "tx", "optima", "commit", "1", constant, "--salt", salt)
		committed, _ := res.Event("don.optima.v1.EventOptimumCommitted")
		c.waitHeight(atoi(t, committed["reveal_from"]))
		res = c.tx("alice", "tx", "optima", "reveal", committed["commit_id"], constant, "--salt", salt)
		_, ok = res.Event("don.optima.v1.EventOptimumAccepted")
		require.True(t, ok)
		c.waitHeight(atoi(t, res.Height) + 1)

		type record struct {
			Round         string
			Coinbase      string
			EvaluatorPaid string `json:"evaluator_paid"`
			EvaluatorWork string `json:"evaluator_work"`
			HeldBack      string `json:"evaluator_held_back"`
		}
		var rounds struct{ Rounds []record }
		getJSON(t, c.node.API()+"/don/mint/v1/rounds", &rounds)
		require.Len(t, rounds.Rounds, 2, "round 2 closed")
		r := rounds.Rounds[0] // newest first
		require.Equal(t, "2", r.Round)
		paid := atoi(t, r.EvaluatorPaid)
		work := sdkmath.LegacyMustNewDecFromStr(r.EvaluatorWork)
		require.True(t, work.IsPositive(), "carol's settled request counted as evaluator work")
		require.LessOrEqual(t, paid, work.QuoInt64(2).TruncateInt64(), "at most half the work")
		require.Greater(t, atoi(t, r.HeldBack), int64(400_000_000), "the cap held back nearly the whole evaluator share")
		net := c.balance(carol) - before
		require.Negative(t, net, "self-dealing must lose money: net %d udon", net)
		t.Logf("carol's net over the round: %d udon for one 1,000-udon self-dealt request (evaluator pool paid %d of a %s coinbase)",
			net, paid, r.Coinbase)
	})
}

func trimNL(s string) string {
	for len(s) > 0 && (s[len(s)-1] == '\n' || s[len(s)-1] == '\r') {
		s = s[:len(s)-1]
	}
	return s
}
