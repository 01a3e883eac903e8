package keeper_test

import (
	"fmt"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/evaluation/keeper"
	"github.com/don-network/don/x/evaluation/types"
)

// Exposure rule: (exposure + max_fee) · collateral_ratio ≤ collateral. With
// exactly min_collateral the last claim that fits is accepted (the bound is
// inclusive) and the next one is refused, until more collateral arrives.
func TestClaimExposureBoundary(t *testing.T) {
	e := newEnv(t)
	p := e.params()
	e.register(e.eve, p.MinCollateral.Int64(), p.MaxCapacity) // capacity is not the limit here
	fee := sdkmath.NewInt(maxFee)
	fits := func(n int64) bool {
		return p.CollateralRatio.MulInt(fee.MulRaw(n)).LTE(sdkmath.LegacyNewDecFromInt(p.MinCollateral))
	}
	k := int64(0)
	for fits(k + 1) {
		k++
	}
	require.Positive(t, k, "defaults must let a minimal evaluator claim at least once")

	for i := int64(1); i <= k; i++ {
		e.mustClaim(e.eve, e.request(1))
	}
	require.Equal(t, fee.MulRaw(k), e.evaluator(e.eve).Exposure)

	next := e.request(1)
	before := e.snapshot()
	_, err := e.claim(e.eve, next)
	require.ErrorIs(t, err, types.ErrExposure, "claim %d of max_fee %s", k+1, fee)
	e.requireUnchanged(before)

	// Collateral for exactly one more max fee lifts the refusal.
	_, err = e.EvaluationMsg.AddCollateral(e.Ctx, &types.MsgAddCollateral{
		Evaluator: e.eve.str, Amount: p.CollateralRatio.MulInt(fee).Ceil().TruncateInt(),
	})
	require.NoError(t, err)
	e.mustClaim(e.eve, next)
	e.CheckInvariants()
}

// Capacity: an evaluator holds at most capacity open assignments; a
// settled one frees its slot.
func TestClaimCapacityFull(t *testing.T) {
	e := newEnv(t)
	const capacity = 3
	e.register(e.eve, collateral, capacity)
	var ids []uint64
	for i := 0; i < capacity; i++ {
		id := e.request(1)
		e.mustClaim(e.eve, id)
		ids = append(ids, id)
	}
	extra := e.request(1)
	_, err := e.claim(e.eve, extra)
	require.ErrorIs(t, err, types.ErrCapacityFull)

	settle := e.mustSubmit(e.eve, ids[0])
	e.EndBlocksUntil(settle + 1)
	require.Equal(t, types.REQUEST_STATUS_SETTLED, e.get(ids[0]).Status)
	e.mustClaim(e.eve, extra)
	require.Equal(t, uint32(capacity), e.evaluator(e.eve).Open)
}

// min_reputation 0.45: one timeout takes 0.5 to 0.4, so claims are refused
// until suspension_blocks after the failure; then the evaluator may claim
// again and its reputation is raised to min_reputation.
func TestLowReputationSuspendsClaims(t *testing.T) {
	e := newEnvWith(t, func(p *types.Params) { p.MinReputation = dec("0.45") })
	p := e.params()
	q := keeper.NewQueryServerImpl(e.Evaluation)
	e.register(e.eve, collateral, 4)
	id := e.request(1)
	e.mustClaim(e.eve, id)
	e.EndBlocksUntil(e.get(id).Deadline + int64(p.TimeoutGraceBlocks) + 1) // the timeout's EndBlock has run

	ev := e.evaluator(e.eve)
	require.Equal(t, dec("0.4"), ev.Reputation, "0.5 + 0.2·(0 − 0.5)")
	require.Equal(t, uint64(1), ev.Failures)
	failed := ev.LastFailureHeight
	back := failed + int64(p.SuspensionBlocks)

	refused := func() {
		t.Helper()
		id := e.request(1)
		before := e.snapshot()
		_, err := e.claim(e.eve, id)
		require.ErrorIs(t, err, types.ErrLowReputation, "height %d, back at %d", e.Ctx.BlockHeight(), back)
		e.requireUnchanged(before)
		res, err := q.Evaluator(e.Ctx, &types.QueryEvaluatorRequest{Address: e.eve.str})
		require.NoError(t, err)
		require.False(t, res.Evaluator.CanClaim)
	}
	refused()                  // right after the failure
	e.EndBlocksUntil(back - 1) // the suspension's last block
	refused()
	e.EndBlock()

	require.Equal(t, back, e.Ctx.BlockHeight())
	res, err := q.Evaluator(e.Ctx, &types.QueryEvaluatorRequest{Address: e.eve.str})
	require.NoError(t, err)
	require.True(t, res.Evaluator.CanClaim)
	e.mustClaim(e.eve, e.request(1))
	require.Equal(t, p.MinReputation, e.evaluator(e.eve).Reputation, "raised to min_reputation by the claim")
	e.CheckInvariants()
}

// The personalised price is monotone: at any load a higher reputation sees
// a higher or equal price, and at any reputation a load nearer the curve's
// optimum B sees a higher or equal price. Evaluators with chosen load and
// reputation are written straight into a cached store (they have no real
// assignments, so the queue invariants would not hold for them) and priced
// through the Request query.
func TestPersonalPriceMonotone(t *testing.T) {
	e := newEnv(t)
	p := e.params()
	q := keeper.NewQueryServerImpl(e.Evaluation)
	id := e.request(1)
	start := e.Ctx.BlockHeight()
	const capacity = 10
	opt := p.LoadCurve.B.MulInt64(capacity).TruncateInt64() // open count at the optimum
	require.True(t, p.LoadCurve.B.MulInt64(capacity).IsInteger(), "B·capacity must be a whole load for this test")
	reps := []string{"0", "0.1", "0.3", "0.5", "0.7", "0.9", "1"}

	for _, h := range []int64{start, start + int64(p.AuctionBlocks)/2, start + int64(p.AuctionBlocks) + 1} {
		e.EndBlocksUntil(h)
		cache, _ := e.Ctx.CacheContext()
		price := func(open int64, rep string) sdkmath.Int {
			t.Helper()
			addr, str := e.Addr(fmt.Sprintf("priced/%d/%s", open, rep))
			require.NoError(t, e.Evaluation.Evaluators.Set(cache, addr, types.Evaluator{
				Address: str, Collateral: sdkmath.NewInt(collateral), Capacity: capacity, Open: uint32(open),
				Exposure: sdkmath.ZeroInt(), Reputation: dec(rep),
			}))
			res, err := q.Request(cache, &types.QueryRequestRequest{Id: id, Evaluator: str})
			require.NoError(t, err)
			load := sdkmath.LegacyNewDec(open).QuoInt64(capacity)
			require.Equal(t, p.PersonalPrice(sdkmath.NewInt(maxFee), start, h, load, dec(rep)), res.EvaluatorPrice)
			require.True(t, res.EvaluatorPrice.LTE(res.AuctionPrice), "never above the auction price")
			return res.EvaluatorPrice
		}

		for open := int64(0); open <= capacity; open++ {
			for i := 1; i < len(reps); i++ {
				lo, hi := price(open, reps[i-1]), price(open, reps[i])
				require.True(t, lo.LTE(hi), "h %d load %d/%d: rep %s → %s, rep %s → %s", h, open, capacity, reps[i-1], lo, reps[i], hi)
			}
			if p.LoadCurve.Eval(sdkmath.LegacyNewDec(open).QuoInt64(capacity)).IsPositive() {
				require.True(t, price(open, "0").LT(price(open, "1")), "reputation matters where f(load) > 0")
			}
		}
		for _, rep := range reps[1:] {
			// Rising towards B from below, falling after it.
			for open := int64(1); open <= opt; open++ {
				require.True(t, price(open-1, rep).LTE(price(open, rep)), "h %d rep %s: load %d/%d", h, rep, open, capacity)
			}
			for open := opt + 1; open <= capacity; open++ {
				require.True(t, price(open, rep).LTE(price(open-1, rep)), "h %d rep %s: load %d/%d", h, rep, open, capacity)
			}
			require.True(t, price(0, rep).LT(price(opt, rep)), "the optimum pays more than idle")
			require.True(t, price(capacity, rep).LT(price(opt, rep)), "the optimum pays more than full")
		}
	}
}

// The auction price read through the Request query equals
// params.AuctionPrice at every block: max_fee at the start, falling block
// by block to the reserve at auction_blocks, and staying there.
func TestAuctionPriceEveryStage(t *testing.T) {
	e := newEnv(t)
	p := e.params()
	q := keeper.NewQueryServerImpl(e.Evaluation)
	fee := sdkmath.NewInt(maxFee)
	id := e.request(1)
	start := e.Ctx.BlockHeight()
	n := int64(p.AuctionBlocks)
	reserve := p.ReserveRatio.MulInt(fee).TruncateInt()
	require.Less(t, start+n+3, start+n+int64(p.RefundGraceBlocks), "still open after the auction")

	prev := fee
	for h := start; h <= start+n+3; h++ {
		res, err := q.Request(e.Ctx, &types.QueryRequestRequest{Id: id})
		require.NoError(t, err)
		got := res.AuctionPrice
		require.Equal(t, p.AuctionPrice(fee, start, h), got, "height %d", h)
		require.True(t, got.LTE(prev), "non-increasing at %d: %s after %s", h, got, prev)
		require.True(t, res.EvaluatorPrice.IsZero(), "no evaluator asked")
		switch {
		case h == start:
			require.Equal(t, fee, got)
		case h < start+n:
			require.True(t, got.LT(prev), "strictly falling during the auction at %d", h)
			require.True(t, got.GT(reserve))
		default:
			require.Equal(t, reserve, got)
		}
		prev = got
		e.EndBlock()
	}
}
