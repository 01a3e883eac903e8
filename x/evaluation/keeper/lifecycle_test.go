package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/evaluation/keeper"
	"github.com/don-network/don/x/evaluation/types"
)

// The honest path: claim at the personalised price, submit the right
// outputs, settle after the challenge window with every amount exact, then
// unbond and get the collateral back.
func TestHonestPathSettlesExactly(t *testing.T) {
	e := newEnv(t)
	p := e.params()
	e.register(e.eve, collateral, 4)
	supply0 := e.Supply()

	id := e.request(3)
	start := e.Ctx.BlockHeight()
	require.Equal(t, sdkmath.NewInt(collateral+maxFee), e.moduleBalance())
	e.EndBlocksUntil(start + 5)

	// Claim: load 0, reputation 0.5 → M = m_min + (1 − m_min)·f(0)/f_peak·0.5.
	want := p.PersonalPrice(sdkmath.NewInt(maxFee), start, e.Ctx.BlockHeight(), sdkmath.LegacyZeroDec(), dec("0.5"))
	res, err := e.EvaluationMsg.ClaimRequest(e.Ctx, &types.MsgClaimRequest{Evaluator: e.eve.str, RequestId: id})
	require.NoError(t, err)
	require.Equal(t, want, res.Price)
	require.True(t, res.Price.LT(p.AuctionPrice(sdkmath.NewInt(maxFee), start, e.Ctx.BlockHeight())))
	require.Equal(t, uint64(0), res.OptimumId, "the genesis optimum is pinned")
	ev := e.evaluator(e.eve)
	require.Equal(t, uint32(1), ev.Open)
	require.Equal(t, sdkmath.NewInt(maxFee), ev.Exposure)

	sub, err := e.EvaluationMsg.SubmitResult(e.Ctx, &types.MsgSubmitResult{Evaluator: e.eve.str, RequestId: id, Outputs: e.truth(id)})
	require.NoError(t, err)
	require.Equal(t, e.Ctx.BlockHeight()+int64(p.ChallengeBlocks), sub.SettleHeight)

	w1, err := e.Weights.ModelWeight(e.Ctx, 1)
	require.NoError(t, err)
	eveBefore, clientBefore, community := e.Balance(e.eve.addr), e.Balance(e.client.addr), e.Community.Received
	e.EndBlocksUntil(sub.SettleHeight)
	require.Equal(t, types.REQUEST_STATUS_SUBMITTED, e.get(id).Status, "still in its window")
	e.EndBlock() // the settle height's EndBlock

	r := e.get(id)
	require.Equal(t, types.REQUEST_STATUS_SETTLED, r.Status)
	split := keeper.SplitPrice(p, res.Price, sdkmath.NewInt(maxFee))
	require.Equal(t, res.Price.Sub(split.Burned).Sub(split.Royalty), split.EvaluatorFee)
	require.Equal(t, split.EvaluatorFee, e.Balance(e.eve.addr).Sub(eveBefore), "evaluator fee")
	require.Equal(t, sdkmath.NewInt(maxFee).Sub(res.Price), e.Balance(e.client.addr).Sub(clientBefore), "client change")
	require.Equal(t, split.Royalty, e.Community.Received.Sub(community), "royalty of a genesis optimum → community pool")
	require.Equal(t, supply0.Sub(split.Burned), e.Supply(), "burned part")
	require.Equal(t, sdkmath.NewInt(collateral), e.moduleBalance())

	o, err := e.Optima.GetOptimum(e.Ctx, 1, 0)
	require.NoError(t, err)
	require.Equal(t, uint64(1), o.UsageCount)
	ev = e.evaluator(e.eve)
	require.Equal(t, dec("0.525"), ev.Reputation, "0.5 + 0.05·(1 − 0.5)")
	require.Equal(t, uint64(1), ev.Successes)
	require.Equal(t, uint32(0), ev.Open)
	require.True(t, ev.Exposure.IsZero())
	m, err := e.Mint.Minter.Get(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, dec("0.525").MulInt(split.Burned), m.EvaluatorWork, "evaluator work = burned udon × reputation")
	require.True(t, split.Burned.IsPositive())
	w1After, err := e.Weights.ModelWeight(e.Ctx, 1)
	require.NoError(t, err)
	require.True(t, w1After.GT(w1), "demand raised model 1's weight: %s → %s", w1, w1After)

	// Unbond: collateral back at the unbonding height, evaluator gone.
	un, err := e.EvaluationMsg.UnbondEvaluator(e.Ctx, &types.MsgUnbondEvaluator{Evaluator: e.eve.str})
	require.NoError(t, err)
	require.Equal(t, e.Ctx.BlockHeight()+int64(p.UnbondingBlocks), un.UnbondingHeight)
	id2 := e.request(1)
	_, err = e.EvaluationMsg.ClaimRequest(e.Ctx, &types.MsgClaimRequest{Evaluator: e.eve.str, RequestId: id2})
	require.ErrorIs(t, err, types.ErrEvaluatorUnbonding)
	before := e.Balance(e.eve.addr)
	e.EndBlocksUntil(un.UnbondingHeight)
	require.Equal(t, before, e.Balance(e.eve.addr), "not before its height")
	e.EndBlock()
	require.Equal(t, before.AddRaw(collateral), e.Balance(e.eve.addr))
	_, err = e.Evaluation.GetEvaluator(e.Ctx, e.eve.addr)
	require.ErrorIs(t, err, types.ErrEvaluatorNotFound)
}

// A wrong result challenged in its window: re-execution disagrees, the
// evaluator loses slash_fraction_wrong of its collateral (bounty to the
// challenger, the rest burned), the client gets everything back.
func TestWrongResultIsSlashed(t *testing.T) {
	e := newEnv(t)
	p := e.params()
	e.register(e.eve, collateral, 4)
	id := e.request(2)
	_, err := e.EvaluationMsg.ClaimRequest(e.Ctx, &types.MsgClaimRequest{Evaluator: e.eve.str, RequestId: id})
	require.NoError(t, err)
	wrong := e.truth(id)
	wrong[1]++ // one unit in the last place
	_, err = e.EvaluationMsg.SubmitResult(e.Ctx, &types.MsgSubmitResult{Evaluator: e.eve.str, RequestId: id, Outputs: wrong})
	require.NoError(t, err)
	e.EndBlock()

	supply, client, ch := e.Supply(), e.Balance(e.client.addr), e.Balance(e.ch.addr)
	gasBefore := e.Ctx.GasMeter().GasConsumed()
	res, err := e.EvaluationMsg.ChallengeResult(e.Ctx, &types.MsgChallengeResult{Challenger: e.ch.str, RequestId: id, Bond: p.MinChallengeBond})
	require.NoError(t, err)
	require.True(t, res.Wrong)
	require.Greater(t, e.Ctx.GasMeter().GasConsumed()-gasBefore, uint64(1000), "re-execution charged as gas")

	slash := sdkmath.NewInt(collateral / 2)  // slash_fraction_wrong 0.5
	bounty := sdkmath.NewInt(collateral / 4) // bounty_fraction 0.5 of the slash
	require.Equal(t, types.REQUEST_STATUS_SLASHED, e.get(id).Status)
	require.Equal(t, sdkmath.NewInt(collateral).Sub(slash), e.evaluator(e.eve).Collateral)
	require.Equal(t, ch.Add(bounty), e.Balance(e.ch.addr), "bond back plus bounty")
	require.Equal(t, client.AddRaw(maxFee), e.Balance(e.client.addr), "client refunded in full")
	require.Equal(t, supply.Sub(slash.Sub(bounty)), e.Supply(), "rest of the slash burned")
	ev := e.evaluator(e.eve)
	require.Equal(t, dec("0.4"), ev.Reputation, "0.5 + 0.2·(0 − 0.5)")
	require.Equal(t, uint64(1), ev.Failures)
	require.Equal(t, uint32(0), ev.Open)
	e.EndBlock()
	e.CheckInvariants()
}

// A correct result challenged: the bond goes to the evaluator, the result
// is verified (no second challenge) and settles as scheduled.
func TestCorrectResultChallengePaysEvaluator(t *testing.T) {
	e := newEnv(t)
	p := e.params()
	e.register(e.eve, collateral, 4)
	id := e.request(2)
	_, err := e.EvaluationMsg.ClaimRequest(e.Ctx, &types.MsgClaimRequest{Evaluator: e.eve.str, RequestId: id})
	require.NoError(t, err)
	sub, err := e.EvaluationMsg.SubmitResult(e.Ctx, &types.MsgSubmitResult{Evaluator: e.eve.str, RequestId: id, Outputs: e.truth(id)})
	require.NoError(t, err)
	eve, ch := e.Balance(e.eve.addr), e.Balance(e.ch.addr)
	res, err := e.EvaluationMsg.ChallengeResult(e.Ctx, &types.MsgChallengeResult{Challenger: e.ch.str, RequestId: id, Bond: p.MinChallengeBond})
	require.NoError(t, err)
	require.False(t, res.Wrong)
	require.Equal(t, eve.Add(p.MinChallengeBond), e.Balance(e.eve.addr))
	require.Equal(t, ch.Sub(p.MinChallengeBond), e.Balance(e.ch.addr))
	require.True(t, e.get(id).Verified)
	_, err = e.EvaluationMsg.ChallengeResult(e.Ctx, &types.MsgChallengeResult{Challenger: e.client.str, RequestId: id, Bond: p.MinChallengeBond})
	require.ErrorIs(t, err, types.ErrAlreadyVerified)
	e.EndBlocksUntil(sub.SettleHeight + 1)
	require.Equal(t, types.REQUEST_STATUS_SETTLED, e.get(id).Status)
}

// Timeouts: a claimed request without a result by deadline + grace costs
// the evaluator slash_fraction_timeout (burned) and a failure, and goes
// back to auction once with a fresh window; a second timeout refunds.
func TestTimeoutReauctionsOnceThenRefunds(t *testing.T) {
	e := newEnv(t)
	p := e.params()
	e.register(e.eve, collateral, 4)
	e.register(e.eve2, collateral, 4)
	id := e.request(1)
	r0 := e.get(id)
	window := r0.Deadline - r0.AuctionStart
	_, err := e.EvaluationMsg.ClaimRequest(e.Ctx, &types.MsgClaimRequest{Evaluator: e.eve.str, RequestId: id})
	require.NoError(t, err)
	supply := e.Supply()
	due := r0.Deadline + int64(p.TimeoutGraceBlocks)
	e.EndBlocksUntil(due)
	require.Equal(t, types.REQUEST_STATUS_CLAIMED, e.get(id).Status, "the grace still runs")
	e.EndBlock()

	slash := sdkmath.NewInt(collateral / 20) // 5 %
	require.Equal(t, supply.Sub(slash), e.Supply())
	require.Equal(t, sdkmath.NewInt(collateral).Sub(slash), e.evaluator(e.eve).Collateral)
	require.Equal(t, uint64(1), e.evaluator(e.eve).Failures)
	r := e.get(id)
	require.Equal(t, types.REQUEST_STATUS_OPEN, r.Status)
	require.True(t, r.Reauctioned)
	require.Equal(t, due, r.AuctionStart)
	require.Equal(t, due+window, r.Deadline)

	_, err = e.EvaluationMsg.ClaimRequest(e.Ctx, &types.MsgClaimRequest{Evaluator: e.eve2.str, RequestId: id})
	require.NoError(t, err)
	client := e.Balance(e.client.addr)
	e.EndBlocksUntil(e.get(id).Deadline + int64(p.TimeoutGraceBlocks) + 1)
	require.Equal(t, types.REQUEST_STATUS_REFUNDED, e.get(id).Status)
	require.Equal(t, client.AddRaw(maxFee), e.Balance(e.client.addr))
	require.Equal(t, sdkmath.NewInt(collateral).Sub(slash), e.evaluator(e.eve2).Collateral)
}

// An unclaimed request is refunded refund_grace_blocks after its auction.
func TestUnclaimedRequestRefunded(t *testing.T) {
	e := newEnv(t)
	p := e.params()
	client := e.Balance(e.client.addr)
	id := e.request(1)
	due := e.get(id).AuctionStart + int64(p.AuctionBlocks) + int64(p.RefundGraceBlocks)
	e.EndBlocksUntil(due)
	require.Equal(t, types.REQUEST_STATUS_OPEN, e.get(id).Status)
	e.EndBlock()
	require.Equal(t, types.REQUEST_STATUS_REFUNDED, e.get(id).Status)
	require.Equal(t, client, e.Balance(e.client.addr))
}

// An ended request is readable for request_retention_blocks, then EndBlock
// deletes it (with its index entries); nothing else changes.
func TestEndedRequestsArePrunedAfterRetention(t *testing.T) {
	e := newEnvWith(t, func(p *types.Params) { p.RequestRetentionBlocks = 7 })
	id := e.request(1)
	_, err := e.EvaluationMsg.CancelRequest(e.Ctx, &types.MsgCancelRequest{Client: e.client.str, RequestId: id})
	require.NoError(t, err)
	due := e.Ctx.BlockHeight() + 7
	require.Equal(t, due, e.get(id).DueHeight)
	balance := e.Balance(e.client.addr)
	e.EndBlocksUntil(due)
	require.Equal(t, types.REQUEST_STATUS_CANCELLED, e.get(id).Status, "still readable")
	e.EndBlock()
	_, err = e.Evaluation.GetRequest(e.Ctx, id)
	require.ErrorIs(t, err, types.ErrRequestNotFound)
	iter, err := e.Evaluation.Requests.Indexes.Client.MatchExact(e.Ctx, e.client.str)
	require.NoError(t, err)
	ids, err := iter.PrimaryKeys()
	require.NoError(t, err)
	require.Empty(t, ids, "index entry deleted with it")
	require.Equal(t, balance, e.Balance(e.client.addr))

	// Retention 0 keeps ended requests.
	k := newEnvWith(t, func(p *types.Params) { p.RequestRetentionBlocks = 0 })
	id = k.request(1)
	_, err = k.EvaluationMsg.CancelRequest(k.Ctx, &types.MsgCancelRequest{Client: k.client.str, RequestId: id})
	require.NoError(t, err)
	require.Zero(t, k.get(id).DueHeight)
	k.EndBlocksUntil(k.Ctx.BlockHeight() + 50)
	require.Equal(t, types.REQUEST_STATUS_CANCELLED, k.get(id).Status)
}

// Cancel by the client while unclaimed: full refund.
func TestCancelRefunds(t *testing.T) {
	e := newEnv(t)
	client := e.Balance(e.client.addr)
	id := e.request(1)
	_, err := e.EvaluationMsg.CancelRequest(e.Ctx, &types.MsgCancelRequest{Client: e.client.str, RequestId: id})
	require.NoError(t, err)
	require.Equal(t, types.REQUEST_STATUS_CANCELLED, e.get(id).Status)
	require.Equal(t, client, e.Balance(e.client.addr))
	e.CheckInvariants()
}

func dec(s string) sdkmath.LegacyDec { return sdkmath.LegacyMustNewDecFromStr(s) }

// A result sent at the deadline that lands inside the timeout grace is
// accepted: one flaky submission does not slash an honest evaluator.
func TestSubmitInsideGraceIsAccepted(t *testing.T) {
	e := newEnv(t)
	e.register(e.eve, collateral, 4)
	id := e.request(1)
	_, err := e.EvaluationMsg.ClaimRequest(e.Ctx, &types.MsgClaimRequest{Evaluator: e.eve.str, RequestId: id})
	require.NoError(t, err)
	e.EndBlocksUntil(e.get(id).Deadline + int64(e.params().TimeoutGraceBlocks))
	_, err = e.EvaluationMsg.SubmitResult(e.Ctx, &types.MsgSubmitResult{Evaluator: e.eve.str, RequestId: id, Outputs: e.truth(id)})
	require.NoError(t, err)
	e.EndBlock()
	require.Equal(t, types.REQUEST_STATUS_SUBMITTED, e.get(id).Status, "not timed out")
	require.Equal(t, uint64(0), e.evaluator(e.eve).Failures)
}
