package upgrade

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/app"
	"github.com/don-network/don/testutil/devnet"
	"github.com/don-network/don/testutil/nodetest"
	evaluationtypes "github.com/don-network/don/x/evaluation/types"
	minttypes "github.com/don-network/don/x/mint/types"
)

const (
	upgradeName = "v2" // the plan app/upgrades.go handles
	regimeAR    = "3"  // third genesis model of config.yml
	friedman1   = "1"  // first
	salt        = "000102030405060708090a0b0c0d0e0f"
	maxFee      = 100_000
	// Blocks between the proposal and the upgrade height: at least 20 s at
	// 200 ms blocks, for the deposit and the vote to land and the 8 s
	// voting period to end, with room for a slow machine.
	upgradeDelay = 100
)

// TestSoftwareUpgrade upgrades a live chain from the old release
// (oldCommit) to this tree's dond as an operator would (docs/upgrades.md):
// the old binary creates the chain and runs it with an accepted optimum, a
// closed mint round, evaluator work in the open round, a settled request
// and a claimed one; a governance proposal schedules plan v2; the old node
// halts at its height; this tree's dond, started on the same home, applies
// the upgrade and goes on. The state must come through intact except what
// the migrations change (x/mint and x/evaluation to consensus version 2),
// the open work must complete under the new binary and request ids go on
// without a gap or a reuse. The new node checks the module invariants in
// every block.
func TestSoftwareUpgrade(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the old release and runs real nodes")
	}
	newBin := os.Getenv("DON_BINARY")
	if newBin == "" {
		t.Skip("DON_BINARY is not set: real-node test")
	}
	began := time.Now()
	oldBin := oldBinary(t)
	chains := time.Now()
	phase := chains
	lap := func(what string) {
		t.Logf("%s: %s", what, time.Since(phase).Round(100*time.Millisecond))
		phase = time.Now()
	}

	// The old release's config.yml, fast: 200 ms blocks, an 8 s vote, a
	// challenge window of 25 blocks and a first round that one accepted
	// optimum closes.
	cfg, err := devnet.LoadConfig(oldConfig(t))
	require.NoError(t, err)
	cfg.Ports, cfg.BlockTime = devnet.Ports{}, "200ms"
	cfg.Genesis["gov"] = json.RawMessage(`{"params": {"voting_period": "8s", "expedited_voting_period": "4s"}}`)
	cfg.Genesis["evaluation"] = json.RawMessage(`{"params": {"challenge_blocks": "25"}}`)
	cfg.Genesis["mint"] = json.RawMessage(`{"params": {"initial_difficulty": "0.1", "min_difficulty": "0.01",
		"target_round_seconds": "30", "retarget_interval": 5}}`)
	home := t.TempDir()
	node, err := devnet.Setup(oldBin, home, cfg) // the old binary's init, keys and genesis
	require.NoError(t, err)
	oldLog := filepath.Join(home, "old.log")
	oldProc := startNode(t, node, oldLog)
	c := &chain{t: t, node: node}
	c.waitHeight(2)
	lap("old chain set up")

	// Live state for the migrations, made by the old binary. Round 1 closes
	// on alice's optimum; carol's settled request 1 is evaluator work of
	// the open round 2; request 2 stays claimed across the upgrade.
	good := writeFile(t, "good.json", `[0, 0, 0.2, 0.5, 0.3]`)
	committed := nodetest.Tx(t, node, "alice", "tx", "optima", "commit", regimeAR, good, "--salt", salt).RequireEvent(t, "don.optima.v1.EventOptimumCommitted")
	nodetest.Tx(t, node, "carol", "tx", "evaluation", "register-evaluator", "10000000", "4")
	c.waitHeight(atoi(t, committed["reveal_from"]))
	nodetest.Tx(t, node, "alice", "tx", "optima", "reveal", committed["commit_id"], good, "--salt", salt).RequireEvent(t, "don.optima.v1.EventOptimumAccepted")

	inputs := writeFile(t, "inputs.csv", "lag4,lag3,lag2,lag1\n0.1,0.2,0.3,0.4\n-1,0.5,2,1.25\n3,2,1,0\n")
	id1 := c.request(inputs)
	c.claim(id1)
	submitted := nodetest.Tx(t, node, "carol", "tx", "evaluation", "submit", id1, nodetest.Compute(t, node, id1)).RequireEvent(t, "don.evaluation.v1.EventResultSubmitted")
	id2 := c.request(inputs)
	price2 := c.claim(id2)
	c.waitHeight(atoi(t, submitted["settle_height"]) + 1)
	lap("old state created")

	old := dial(t, node, true)
	snapHeight := appHeight(t, node)
	before := old.snapshot(snapHeight)
	require.Len(t, before.Rounds, 1, "round 1 closed")
	require.Equal(t, uint64(2), before.Minter.Round)
	require.True(t, before.Minter.EvaluatorWork.IsPositive(), "request 1's evaluator work is in the open round")
	require.Len(t, before.Requests, 2)
	status := map[uint64]evaluationtypes.RequestStatus{}
	for _, r := range before.Requests {
		status[r.Id] = r.Status
	}
	require.Equal(t, map[uint64]evaluationtypes.RequestStatus{
		atou(t, id1): evaluationtypes.REQUEST_STATUS_SETTLED, atou(t, id2): evaluationtypes.REQUEST_STATUS_CLAIMED,
	}, status)
	require.Zero(t, before.Params.Mint.MaxPayoutsPerBlock, "the old chain has no max_payouts_per_block")
	require.Zero(t, before.Params.Evaluation.RetryIntervalBlocks, "the old chain has no retry_interval_blocks")
	versionsBefore := c.moduleVersions()
	require.Equal(t, "1", versionsBefore[minttypes.ModuleName])
	require.Equal(t, "1", versionsBefore[evaluationtypes.ModuleName])
	old.checkInvariants(snapHeight)

	// The proposal: plan v2 upgradeDelay blocks ahead, half the minimum
	// deposit with the proposal and the rest in a deposit, the validator
	// (all the stake) votes yes.
	var govParams struct {
		Params struct {
			MinDeposit []struct{ Denom, Amount string } `json:"min_deposit"`
		} `json:"params"`
	}
	nodetest.CLI(t, node, &govParams, "query", "gov", "params")
	require.Len(t, govParams.Params.MinDeposit, 1)
	minDeposit := govParams.Params.MinDeposit[0]
	half := atoi(t, minDeposit.Amount) / 2
	t.Logf("gov min_deposit: %s%s", minDeposit.Amount, minDeposit.Denom)
	height := c.height() + upgradeDelay
	proposed := nodetest.Tx(t, node, "validator", "tx", "upgrade", "software-upgrade", upgradeName,
		"--upgrade-height", fmt.Sprint(height), "--title", "Upgrade to v2", "--summary", "mint 1→2, evaluation 1→2",
		"--deposit", fmt.Sprintf("%d%s", half, minDeposit.Denom), "--no-validate")
	proposal := proposed.RequireEvent(t, "submit_proposal")["proposal_id"]
	nodetest.Tx(t, node, "validator", "tx", "gov", "deposit", proposal, fmt.Sprintf("%d%s", atoi(t, minDeposit.Amount)-half, minDeposit.Denom))
	nodetest.Tx(t, node, "validator", "tx", "gov", "vote", proposal, "yes")
	for {
		var p struct {
			Proposal struct{ Status string } `json:"proposal"`
		}
		nodetest.CLI(t, node, &p, "query", "gov", "proposal", proposal)
		if p.Proposal.Status == "PROPOSAL_STATUS_PASSED" {
			break
		}
		require.Equal(t, "PROPOSAL_STATUS_VOTING_PERIOD", p.Proposal.Status)
		require.Less(t, c.height(), height-1, "the proposal is still voting near the upgrade height")
		time.Sleep(500 * time.Millisecond)
	}
	var plan struct {
		Plan struct{ Name, Height string } `json:"plan"`
	}
	nodetest.CLI(t, node, &plan, "query", "upgrade", "plan")
	require.Equal(t, upgradeName, plan.Plan.Name)
	require.Equal(t, height, atoi(t, plan.Plan.Height))
	lap(fmt.Sprintf("proposal passed, upgrade at height %d", height))

	// The old node halts at the height: it commits height−1, logs the
	// upgrade it needs, writes upgrade-info.json for cosmovisor and makes
	// no block after (its process may hang or exit).
	halt := waitLog(t, oldLog, regexp.MustCompile(fmt.Sprintf(`UPGRADE "%s" NEEDED at height: %d`, upgradeName, height)), 3*time.Minute)
	t.Logf("old node: %s (process exited: %t)", halt, oldProc.Exited())
	if !oldProc.Exited() {
		require.Equal(t, height-1, appHeight(t, node), "the old app's last block")
		time.Sleep(time.Second)
		require.Equal(t, height-1, appHeight(t, node), "no block after the halt")
		t.Logf("old node halted: app at %d, RPC status at %d", appHeight(t, node), c.height())
	}
	var info struct {
		Name   string `json:"name"`
		Height int64  `json:"height"`
	}
	bz, err := os.ReadFile(filepath.Join(home, "data", "upgrade-info.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(bz, &info))
	require.Equal(t, upgradeName, info.Name)
	require.Equal(t, height, info.Height)
	if err := oldProc.Stop(); err != nil {
		t.Logf("old node: %v", err) // killed after the SIGTERM went unanswered
	}
	lap("old node halted and stopped")

	// This tree's dond on the same home, checking the module invariants at
	// the end of every block: a broken one fails the block.
	node.Binary = newBin
	section, key, _ := strings.Cut(app.FlagCheckInvariants, ".")
	appToml, err := os.OpenFile(filepath.Join(home, "config", "app.toml"), os.O_APPEND|os.O_WRONLY, 0)
	require.NoError(t, err)
	_, err = fmt.Fprintf(appToml, "\n[%s]\n%s = true\n", section, key)
	require.NoError(t, err)
	require.NoError(t, appToml.Close())
	newLog := filepath.Join(home, "new.log")
	startNode(t, node, newLog)
	waitLog(t, newLog, regexp.MustCompile(fmt.Sprintf(`applying upgrade "%s" at height: %d`, upgradeName, height)), 2*time.Minute)
	c.waitHeight(height + 3)
	lap("new node applied the upgrade")

	var applied struct{ Height string }
	nodetest.CLI(t, node, &applied, "query", "upgrade", "applied", upgradeName)
	require.Equal(t, height, atoi(t, applied.Height))
	versionsAfter := c.moduleVersions()
	wantVersions := map[string]string{}
	for name, v := range versionsBefore {
		wantVersions[name] = v
	}
	wantVersions[minttypes.ModuleName], wantVersions[evaluationtypes.ModuleName] = "2", "2"
	require.Equal(t, wantVersions, versionsAfter)

	// Everything recorded before is intact; the migrations set the new
	// params to their defaults.
	q := dial(t, node, false)
	afterHeight := appHeight(t, node)
	after := q.snapshot(afterHeight)
	want := before
	want.Params.Mint.MaxPayoutsPerBlock = minttypes.DefaultMaxPayoutsPerBlock
	want.Params.Evaluation.RetryIntervalBlocks = evaluationtypes.DefaultRetryIntervalBlocks
	requireSameState(t, want, after, "state at height %d (old binary) and %d (upgraded)", snapHeight, afterHeight)
	q.checkInvariants(afterHeight)

	// The request claimed before the upgrade settles after it, to the udon
	// (docs/evaluation.md, "Settlement"); meanwhile the next request gets
	// the id after the last old one, and alice commits the optimum that
	// will close round 2.
	submitted = nodetest.Tx(t, node, "carol", "tx", "evaluation", "submit", id2, nodetest.Compute(t, node, id2)).RequireEvent(t, "don.evaluation.v1.EventResultSubmitted")
	id3 := c.request(inputs)
	require.Equal(t, atou(t, id2)+1, atou(t, id3), "no gap, no reuse")
	c.claim(id3) // claimed, it is not refunded while the balances are compared
	// A constant predictor at the mean of friedman1's y: a large verified
	// improvement, whose work closes the round.
	constant := writeFile(t, "constant.json", "["+strings.Repeat("0, ", 192)+"14.4]")
	committed = nodetest.Tx(t, node, "alice", "tx", "optima", "commit", friedman1, constant, "--salt", salt).RequireEvent(t, "don.optima.v1.EventOptimumCommitted")
	c.waitHeight(atoi(t, submitted["settle_height"]) + 1)
	settled := q.snapshot(appHeight(t, node))
	require.Equal(t, evaluationtypes.REQUEST_STATUS_SETTLED, requestStatus(settled, atou(t, id2)))
	ep := after.Params.Evaluation
	burned := sdkmath.LegacyNewDec(price2).Mul(ep.DemandBurnFraction).TruncateInt64()
	royalty := sdkmath.LegacyNewDec(price2).Mul(ep.RoyaltyFraction).TruncateInt64()
	bond := commitBond(t, after, friedman1)
	require.Equal(t, keyCoins(after, "carol")+price2-burned-royalty, keyCoins(settled, "carol"), "evaluator fee")
	require.Equal(t, keyCoins(after, "bob")-maxFee+(maxFee-price2), keyCoins(settled, "bob"), "request 3's escrow, request 2's max_fee − price back")
	require.Equal(t, keyCoins(after, "alice")-bond+royalty, keyCoins(settled, "alice"), "alice's commit bond, her optimum's royalty")
	lap("open request settled")

	// Round 2 closes on alice's optimum and pays carol for evaluator work
	// done before and after the upgrade, in the new batched payout.
	require.True(t, settled.Minter.EvaluatorWork.GT(before.Minter.EvaluatorWork), "request 2 added evaluator work")
	c.waitHeight(atoi(t, committed["reveal_from"]))
	nodetest.Tx(t, node, "alice", "tx", "optima", "reveal", committed["commit_id"], constant, "--salt", salt).RequireEvent(t, "don.optima.v1.EventOptimumAccepted")
	var (
		paid   snapshot
		round2 *minttypes.RoundRecord
	)
	for deadline := time.Now().Add(time.Minute); round2 == nil; time.Sleep(300 * time.Millisecond) {
		require.True(t, time.Now().Before(deadline), "round 2 not closed and paid within a minute")
		paid = q.snapshot(appHeight(t, node))
		for i, r := range paid.Rounds {
			if r.Round == 2 && !r.Paying {
				round2 = &paid.Rounds[i]
			}
		}
	}
	require.Equal(t, settled.Minter.EvaluatorWork.String(), round2.EvaluatorWork.String(), "round 2's evaluator work: before and after the upgrade")
	require.Equal(t, uint32(1), round2.Optimizers)
	require.Equal(t, uint32(1), round2.Evaluators)
	require.True(t, round2.EvaluatorPaid.IsPositive())
	require.Equal(t, keyCoins(settled, "carol")+round2.EvaluatorPaid.Int64(), keyCoins(paid, "carol"), "carol: the evaluator pool")
	require.Equal(t, keyCoins(settled, "alice")+bond+round2.OptimizerPaid.Int64(), keyCoins(paid, "alice"), "alice: bond back and the optimizer pool")
	lap("round 2 closed and paid")

	end := appHeight(t, node)
	q.checkInvariants(end)
	c.waitHeight(end + 3) // the invariant checks of every block passed
	log, err := os.ReadFile(newLog)
	require.NoError(t, err)
	require.NotContains(t, string(log), "invariant broken")
	t.Logf("wall time: %s, %s of it on the chains", time.Since(began).Round(time.Second), time.Since(chains).Round(time.Second))
}

// request sends bob's request for the regime-ar model (three rows of
// inputs, max_fee 100,000 udon, a deadline far enough to outlast the
// upgrade) and returns its id.
func (c *chain) request(inputs string) string {
	c.t.Helper()
	res := nodetest.Tx(c.t, c.node, "bob", "tx", "evaluation", "request", regimeAR, inputs, fmt.Sprint(maxFee), "--deadline-blocks", "2000")
	return res.RequireEvent(c.t, "don.evaluation.v1.EventRequestCreated")["request_id"]
}

// claim claims a request for carol and returns the price.
func (c *chain) claim(id string) int64 {
	c.t.Helper()
	res := nodetest.Tx(c.t, c.node, "carol", "tx", "evaluation", "claim", id)
	return amount(c.t, res.RequireEvent(c.t, "don.evaluation.v1.EventRequestClaimed")["price"])
}

// appHeight is the last height the node's app committed (the block store
// may hold one more block, the one the app failed to finalize).
func appHeight(t *testing.T, node *devnet.Node) int64 {
	t.Helper()
	var info struct {
		Response struct {
			LastBlockHeight string `json:"last_block_height"`
		} `json:"response"`
	}
	require.NoError(t, node.QueryRPC("abci_info", &info))
	return atoi(t, info.Response.LastBlockHeight)
}

func requestStatus(s snapshot, id uint64) evaluationtypes.RequestStatus {
	for _, r := range s.Requests {
		if r.Id == id {
			return r.Status
		}
	}
	return evaluationtypes.REQUEST_STATUS_UNSPECIFIED
}

// commitBond is a model's commit bond in udon.
func commitBond(t *testing.T, s snapshot, model string) int64 {
	t.Helper()
	for _, m := range s.Models {
		if m.Id == atou(t, model) {
			return m.CommitBond.Amount.Int64()
		}
	}
	require.Failf(t, "no model", "model %s", model)
	return 0
}

func atou(t *testing.T, s string) uint64 {
	t.Helper()
	return uint64(atoi(t, s))
}
