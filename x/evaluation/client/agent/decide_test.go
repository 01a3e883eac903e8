package agent

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/evaluation/types"
)

const (
	me    = "don1me"
	other = "don1other"
	h     = int64(100)
)

// fakeView is a chain at height h with default params and the agent
// registered with plenty of collateral and capacity 4.
func fakeView() View {
	p := types.DefaultParams()
	return View{
		Height: h,
		Params: p,
		Self: types.Evaluator{
			Address: me, Collateral: sdkmath.NewInt(100_000_000), Capacity: 4,
			Exposure: sdkmath.ZeroInt(), Reputation: p.InitialReputation,
		},
	}
}

// open is an open request on model 1 whose auction started at start.
func open(id uint64, maxFee int64, start, deadline int64) types.Request {
	return types.Request{
		Id: id, ModelId: 1, MaxFee: sdkmath.NewInt(maxFee), AuctionStart: start,
		Deadline: deadline, Status: types.REQUEST_STATUS_OPEN, Price: sdkmath.ZeroInt(),
	}
}

func all(uint64) bool  { return true }
func none(uint64) bool { return false }

func ids(plan []Claim) []uint64 {
	out := []uint64{}
	for _, c := range plan {
		out = append(out, c.Request.Id)
	}
	return out
}

// The planned price is the chain's personalised price at the next height,
// and --min-price is a floor: equal claims, one udon more does not.
func TestPlanClaimsMinPrice(t *testing.T) {
	v := fakeView()
	r := open(1, 100_000, h-5, h+50)
	v.Open = []types.Request{r}
	want := v.Params.EvaluatorPrice(r, v.Self, h+1)
	require.True(t, want.IsPositive())
	require.True(t, want.LT(r.MaxFee), "load 0 and reputation 0.5 see less than the auction price")

	plan := PlanClaims(v, want, all, none)
	require.Len(t, plan, 1)
	require.Equal(t, want, plan[0].Price)
	require.Empty(t, PlanClaims(v, want.AddRaw(1), all, none))

	// Once the auction reached its reserve, the same request is below that floor.
	later := v
	later.Height = h + 30
	r.Deadline = h + 100
	later.Open = []types.Request{r}
	require.Empty(t, PlanClaims(later, want, all, none), "the auction reached its reserve")
}

// Capacity: never more open assignments than capacity, counting the
// claims still in flight.
func TestPlanClaimsCapacity(t *testing.T) {
	v := fakeView()
	v.Self.Capacity = 2
	for id := uint64(1); id <= 5; id++ {
		v.Open = append(v.Open, open(id, 10_000, h, h+50))
	}
	require.Len(t, PlanClaims(v, sdkmath.ZeroInt(), all, none), 2)

	reserved := v
	reserved.Self = Reserve(v.Self, []sdkmath.Int{sdkmath.NewInt(10_000)})
	require.Equal(t, uint32(1), reserved.Self.Open)
	require.Len(t, PlanClaims(reserved, sdkmath.ZeroInt(), all, none), 1)

	full := v
	full.Self.Open = 2
	require.Empty(t, PlanClaims(full, sdkmath.ZeroInt(), all, none))
}

// Exposure: (exposure + max_fee) · collateral_ratio ≤ collateral. A request
// too big to fit is skipped, smaller ones after it are still taken.
func TestPlanClaimsExposure(t *testing.T) {
	v := fakeView()
	v.Self.Capacity = 10
	v.Self.Collateral = sdkmath.NewInt(400_000) // ratio 2: 200,000 of max fees
	v.Self.Exposure = sdkmath.NewInt(50_000)
	v.Open = []types.Request{
		open(1, 100_000, h, h+50),
		open(2, 150_000, h, h+50), // highest price first, but 50k + 150k... fits exactly
		open(3, 20_000, h, h+50),
	}
	plan := PlanClaims(v, sdkmath.ZeroInt(), all, none)
	require.Equal(t, []uint64{2}, ids(plan), "150k fills 200k with the 50k already exposed")

	v.Self.Exposure = sdkmath.ZeroInt()
	plan = PlanClaims(v, sdkmath.ZeroInt(), all, none)
	require.Equal(t, []uint64{2, 3}, ids(plan), "then 100k no longer fits, 20k does")
	exposure := sdkmath.ZeroInt()
	for _, c := range plan {
		exposure = exposure.Add(c.Request.MaxFee)
	}
	require.True(t, v.Params.CollateralRatio.MulInt(exposure).LTE(sdkmath.LegacyNewDecFromInt(v.Self.Collateral)))
}

// Deadlines: a claim must leave a block to submit in.
func TestPlanClaimsDeadline(t *testing.T) {
	v := fakeView()
	v.Open = []types.Request{open(1, 10_000, h, h+1), open(2, 10_000, h, h+2)}
	require.Equal(t, []uint64{2}, ids(PlanClaims(v, sdkmath.ZeroInt(), all, none)))
	require.False(t, ClaimInTime(v.Open[0], h))
	require.True(t, ClaimInTime(v.Open[1], h))
}

// Unbonding, suspended (reputation below the minimum, recent failure) or an
// unservable model claim nothing; a suspension that ran out claims again.
func TestPlanClaimsEligibility(t *testing.T) {
	v := fakeView()
	v.Open = []types.Request{open(1, 10_000, h, h+50)}

	unbonding := v
	unbonding.Self.UnbondingHeight = h + 10
	require.Empty(t, PlanClaims(unbonding, sdkmath.ZeroInt(), all, none))

	suspended := v
	suspended.Self.Reputation = sdkmath.LegacyNewDecWithPrec(2, 1)
	suspended.Self.LastFailureHeight = h - 1
	require.Empty(t, PlanClaims(suspended, sdkmath.ZeroInt(), all, none))
	suspended.Self.LastFailureHeight = h - int64(v.Params.SuspensionBlocks)
	require.Len(t, PlanClaims(suspended, sdkmath.ZeroInt(), all, none), 1, "suspension over at the next height")

	require.Empty(t, PlanClaims(v, sdkmath.ZeroInt(), none, none), "model not servable")
	require.Empty(t, PlanClaims(v, sdkmath.ZeroInt(), all, all), "already being worked on")
}

// The best-paid request goes first: with one slot, the one whose auction
// started last (highest price) is claimed.
func TestPlanClaimsOrder(t *testing.T) {
	v := fakeView()
	v.Self.Capacity = 1
	v.Open = []types.Request{open(1, 10_000, h-15, h+50), open(2, 10_000, h, h+50), open(3, 50_000, h-19, h+50)}
	plan := PlanClaims(v, sdkmath.ZeroInt(), all, none)
	// 50,000 at 18/20 of its auction (≥ 45,000 · …) beats 10,000 at the start.
	require.Equal(t, []uint64{3}, ids(plan))
}

// Results go out with the deadline as timeout height, in the grace only
// once the deadline is reached, never after it.
func TestSubmitTimeout(t *testing.T) {
	p := types.DefaultParams()
	r := open(1, 10_000, h, h+10)
	grace := int64(p.TimeoutGraceBlocks)
	for _, c := range []struct {
		height, want int64
		ok           bool
	}{
		{h, h + 10, true},
		{h + 9, h + 10, true},
		{h + 10, h + 10 + grace, true},
		{h + 9 + grace, h + 10 + grace, true},
		{h + 10 + grace, 0, false},
	} {
		got, ok := SubmitTimeout(p, r, c.height)
		require.Equal(t, c.ok, ok, "height %d", c.height)
		require.Equal(t, c.want, got, "height %d", c.height)
	}
}

// Which results are checked: others', unverified, window open, not yet
// checked; never the agent's own.
func TestToCheck(t *testing.T) {
	v := fakeView()
	end := int64(v.Params.ChallengeBlocks)
	submitted := func(id uint64, evaluator string, submitHeight int64) types.Request {
		return types.Request{Id: id, Evaluator: evaluator, SubmitHeight: submitHeight, Status: types.REQUEST_STATUS_SUBMITTED}
	}
	verified := submitted(4, other, h)
	verified.Verified = true
	settled := submitted(6, other, h)
	settled.Status = types.REQUEST_STATUS_SETTLED
	v.Submitted = []types.Request{
		submitted(1, other, h),       // in its window
		submitted(2, me, h),          // own: never
		submitted(3, other, h+1-end), // last height of its window is the next one
		verified,                     // a challenge already confirmed it
		submitted(5, other, h-end),   // window over at h
		settled,                      // final
		submitted(7, other, h),       // already checked
	}
	got := ToCheck(v, me, func(id uint64) bool { return id == 7 })
	var gotIDs []uint64
	for _, r := range got {
		gotIDs = append(gotIDs, r.Id)
	}
	require.Equal(t, []uint64{1, 3}, gotIDs)

	require.False(t, Wrong([]int64{1, 2}, []int64{1, 2}))
	require.True(t, Wrong([]int64{1, 2}, []int64{1, 3}))
	require.True(t, Wrong([]int64{1, 2}, []int64{1}))
	require.Len(t, Mine(v.Submitted, me), 1)
}

// Amount flags take integers with or without the udon suffix.
func TestAmountFlag(t *testing.T) {
	for in, want := range map[string]int64{"0": 0, "1000": 1000, "10000000udon": 10_000_000} {
		got, err := amount("min-price", in)
		require.NoError(t, err, in)
		require.Equal(t, want, got.Int64())
	}
	for _, in := range []string{"", "-1", "1.5", "abc", "10uatom"} {
		_, err := amount("min-price", in)
		require.ErrorContains(t, err, "--min-price", in)
	}
}

func TestStatsLine(t *testing.T) {
	s := newStats()
	s.Height, s.Open, s.Claimed, s.Settled, s.Capacity, s.OpenWork = 7, 3, 2, 1, 4, 1
	s.Fees = sdkmath.NewInt(72_000)
	s.Reputation = sdkmath.LegacyNewDecWithPrec(525, 3)
	require.Equal(t, "height 7 | open 3 | claimed 2 (lost 0) | submitted 0 | settled 1 | slashed 0 | challenged 0 (won 0) | fees 72000udon | bounties 0udon | reputation 0.5250 | load 1/4",
		s.Line("udon"))
	o := s
	o.Height = 8
	o.Open, o.OpenWork = 0, 2
	require.False(t, o.changed(s), "a new height or open count alone is not news")
	o.Settled++
	require.True(t, o.changed(s))
}
