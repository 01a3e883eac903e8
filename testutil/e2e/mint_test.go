package e2e

import (
	"encoding/json"
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
		committed, _ := res.event("don.optima.v1.EventOptimumCommitted")
		c.waitHeight(atoi(t, committed["reveal_from"]))
		res = c.tx("alice", "tx", "optima", "reveal", committed["commit_id"], good, "--salt", salt)
		work, ok := res.event("don.optima.v1.EventWorkRecorded")
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
			}
		}
		c.cli(&rounds, "query", "mint", "rounds")
		require.Len(t, rounds.Rounds, 1)
		r := rounds.Rounds[0]
		require.Equal(t, "1", r.Round)
		require.Equal(t, coinbase, atoi(t, r.Coinbase))
		require.Equal(t, share(shares.Shares.Optimizer), atoi(t, r.OptimizerPaid), "one optimizer takes the whole pool")
		require.Equal(t, int64(0), atoi(t, r.EvaluatorPaid), "no evaluators yet")
		require.Equal(t, share(shares.Shares.Validator), atoi(t, r.ValidatorPaid))
		require.Equal(t, coinbase-atoi(t, r.OptimizerPaid)-atoi(t, r.ValidatorPaid), atoi(t, r.CommunityPaid))

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
}

func trimNL(s string) string {
	for len(s) > 0 && (s[len(s)-1] == '\n' || s[len(s)-1] == '\r') {
		s = s[:len(s)-1]
	}
	return s
}
