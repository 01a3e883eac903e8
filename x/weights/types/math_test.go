package types_test

import (
	"fmt"
	"math/big"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/weights/types"
)

func dec(s string) sdkmath.LegacyDec { return sdkmath.LegacyMustNewDecFromStr(s) }

var ulp = sdkmath.LegacySmallestDec()

// SqrtFloor is the exact floor: r² ≤ x < (r + 1 ulp)², in integers.
func TestSqrtFloorIsExactFloor(t *testing.T) {
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	for _, s := range []string{"0", "0.000000000000000001", "0.5", "1", "2", "3.523412341234", "4", "100", "123456789.123456789", "1000000000000"} {
		x := dec(s)
		r := sqrtFloorRef(x)
		got := types.SqrtFloor(x)
		require.True(t, got.BigInt().Cmp(r) == 0, "sqrt(%s) = %s", s, got)
		// r² ≤ x·10^18 < (r+1)², in units of 10^-18.
		xs := new(big.Int).Mul(x.BigInt(), p)
		r2 := new(big.Int).Mul(r, r)
		r1 := new(big.Int).Add(r, big.NewInt(1))
		require.True(t, r2.Cmp(xs) <= 0 && new(big.Int).Mul(r1, r1).Cmp(xs) > 0, "sqrt(%s)", s)
	}
	require.Equal(t, "2.000000000000000000", types.SqrtFloor(dec("4")).String())
	require.True(t, types.SqrtFloor(dec("-1")).IsZero())
}

// sqrtFloorRef is the reference: integer square root of x·10^18 by bisection.
func sqrtFloorRef(x sdkmath.LegacyDec) *big.Int {
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	v := new(big.Int).Mul(x.BigInt(), p)
	lo, hi := big.NewInt(0), new(big.Int).Add(v, big.NewInt(1))
	for new(big.Int).Sub(hi, lo).Cmp(big.NewInt(1)) > 0 {
		mid := new(big.Int).Rsh(new(big.Int).Add(lo, hi), 1)
		if new(big.Int).Mul(mid, mid).Cmp(v) <= 0 {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

func TestPowSixteenths(t *testing.T) {
	x := dec("65536")
	require.Equal(t, "1.000000000000000000", types.PowSixteenths(x, 0).String())
	require.Equal(t, "2.000000000000000000", types.PowSixteenths(x, 1).String())
	require.Equal(t, "4.000000000000000000", types.PowSixteenths(x, 2).String())
	require.Equal(t, "16.000000000000000000", types.PowSixteenths(x, 4).String())
	require.Equal(t, "256.000000000000000000", types.PowSixteenths(x, 8).String())
	require.Equal(t, "8.000000000000000000", types.PowSixteenths(x, 3).String())
	require.Equal(t, x.String(), types.PowSixteenths(x, 16).String())
	// Monotone in x for every σ, and in σ for x > 1; within a relative
	// 1e-15 of the true power (checked by raising back: (x^(1/16))^16 ≈ x).
	prev := sdkmath.LegacyZeroDec()
	for _, s := range []string{"1", "1.5", "2", "10", "1000", "123456.789"} {
		y := dec(s)
		for n := uint32(0); n <= 16; n++ {
			a, b := types.PowSixteenths(y, n), types.PowSixteenths(y, n+1)
			if n < 16 && y.GT(sdkmath.LegacyOneDec()) {
				require.True(t, b.GTE(a), "x=%s n=%d", s, n)
			}
		}
		cur := types.PowSixteenths(y, 8)
		require.True(t, cur.GTE(prev))
		prev = cur
		root := types.PowSixteenths(y, 1)
		back := root.Power(16)
		require.True(t, back.LTE(y), "x=%s: (x^(1/16))^16 = %s above x", s, back)
		require.True(t, y.Sub(back).LTE(y.Mul(dec("0.000000000000001"))), "x=%s: back %s", s, back)
	}
}

// The closed-form decay over k idle blocks equals k single steps with y = 0
// up to LegacyDec rounding: at most (k + 2) ulp per unit of (λ + ω·k + 1).
func TestDecayClosedFormEqualsSteps(t *testing.T) {
	filters := []types.FilterParams{
		types.DefaultFilterParams(),
		{Omega: dec("0"), Beta: dec("0.95"), Alpha: dec("0.05")},
		{Omega: dec("0.5"), Beta: dec("1"), Alpha: dec("0.2")},
		{Omega: dec("2"), Beta: dec("1"), Alpha: dec("0")},        // c = 1: λ + ω·k
		{Omega: dec("0.25"), Beta: dec("0.9"), Alpha: dec("0.9")}, // c = 0
		{Omega: dec("0.001"), Beta: dec("0.999"), Alpha: dec("0.001")},
	}
	lambdas := []sdkmath.LegacyDec{dec("0"), dec("1"), dec("0.333333333333333333"), dec("123456.789"), dec("1000000000")}
	for fi, f := range filters {
		d := types.NewDecayer(f)
		for _, l := range lambdas {
			step := l
			for k := uint64(1); k <= 400; k++ {
				step = f.Step(step, sdkmath.LegacyZeroDec())
				closed := d.Decay(l, k)
				scale := l.Add(f.Omega.MulInt64(int64(k))).Add(sdkmath.LegacyOneDec())
				tol := ulp.MulInt64(int64(k + 2)).Mul(scale).Add(ulp.MulInt64(int64(k + 2)))
				require.True(t, closed.Sub(step).Abs().LTE(tol),
					"filter %d λ=%s k=%d: closed %s, steps %s", fi, l, k, closed, step)
			}
		}
	}
	// Identical results on repeated computation, with or without the memo.
	d1, d2 := types.NewDecayer(filters[1]), types.NewDecayer(filters[1])
	for k := uint64(1); k < 50; k++ {
		_ = d1.Decay(dec("5"), k)
	}
	require.Equal(t, d1.Decay(dec("7"), 33).String(), d2.Decay(dec("7"), 33).String())
	// Large gaps are cheap and stay exact for c = 1, tend to ω/(1−c) for c < 1.
	require.Equal(t, dec("1000000002").String(), types.NewDecayer(filters[3]).Decay(dec("2"), 500_000_000).String())
	limit := types.NewDecayer(filters[2]).Decay(dec("100"), 1_000_000)
	require.True(t, limit.Sub(dec("2.5")).Abs().LTE(dec("0.000000000000001")), "limit %s", limit)
}

// Property: weight monotone in demand, anti-monotone in supply for σ > 0,
// invariant in supply for σ = 0, always ≥ ε/N, published sum exactly 1.
func TestWeightFormulaProperties(t *testing.T) {
	r := uint64(12345)
	next := func() uint64 { r = r*6364136223846793005 + 1442695040888963407; return r >> 33 }
	for _, sigma := range []string{"0", "0.0625", "0.5", "0.75", "1"} {
		p := types.DefaultParams()
		p.Sigma = dec(sigma)
		require.NoError(t, p.Validate())
		for trial := 0; trial < 50; trial++ {
			n := 2 + next()%20
			states := make([]types.ModelState, n)
			tot := types.Totals{SumRaw: sdkmath.LegacyZeroDec()}
			for i := range states {
				st := types.NewModelState(uint64(i+1), 0)
				st.Admitted = next()%3 != 0
				if next()%4 != 0 { // some models without paid demand
					st.LambdaFees = sdkmath.LegacyNewDec(int64(next() % 100_000))
				}
				st.LambdaRequests = sdkmath.LegacyNewDecWithPrec(int64(next()%10_000), 2)
				st.LambdaReveals = sdkmath.LegacyNewDecWithPrec(int64(next()%1_000), 2)
				st.Raw = p.Raw(st)
				tot.Add(st)
				states[i] = st
			}
			require.NoError(t, types.CheckPublished(p.Epsilon, states, tot), "σ=%s", sigma)
			with := func(old, st types.ModelState) types.Totals {
				t2 := tot
				t2.SumRaw = tot.SumRaw.Sub(old.Raw).Add(st.Raw)
				return t2
			}
			// Raise one model's demand, then its supply.
			m := next() % n
			base := states[m]
			more := base
			more.LambdaFees = base.LambdaFees.Add(sdkmath.LegacyNewDec(int64(1 + next()%1000)))
			more.Raw = p.Raw(more)
			require.True(t, more.Raw.GT(base.Raw), "σ=%s: raw not increasing in demand", sigma)
			wBase := types.Weight(p.Epsilon, tot, base)
			wMore := types.Weight(p.Epsilon, with(base, more), more)
			require.True(t, wMore.GT(wBase), "σ=%s: weight not increasing in demand", sigma)

			busy := base
			busy.LambdaReveals = base.LambdaReveals.Add(sdkmath.LegacyNewDec(int64(1 + next()%50)))
			busy.Raw = p.Raw(busy)
			wBusy := types.Weight(p.Epsilon, with(base, busy), busy)
			if sigma == "0" || !base.Weighs() {
				require.True(t, wBusy.Equal(wBase), "σ=0 or no demand: supply must not matter")
			} else {
				require.True(t, wBusy.LT(wBase), "σ=%s: weight not decreasing in supply", sigma)
			}
		}
	}
}

func TestWeightEdgeCases(t *testing.T) {
	eps := dec("0.1")
	admitted := func(id uint64, raw string) types.ModelState {
		st := types.NewModelState(id, 0)
		st.Admitted, st.Raw = true, dec(raw)
		return st
	}
	open := func(id uint64, raw string) types.ModelState {
		st := types.NewModelState(id, 0)
		st.Raw = dec(raw)
		st.LambdaFees = st.Raw // raw > 0 only with paid demand
		return st
	}
	totals := func(states ...types.ModelState) types.Totals {
		t := types.Totals{SumRaw: sdkmath.LegacyZeroDec()}
		for _, s := range states {
			t.Add(s)
		}
		return t
	}
	// No model weighs: every weight 0, nothing published.
	none := []types.ModelState{open(1, "0"), open(2, "0")}
	require.True(t, types.Weight(eps, totals(none...), none[0]).IsZero())
	w, rem := types.PublishWeights(eps, none, totals(none...))
	require.True(t, rem.IsZero() && w[0].Weight.IsZero() && w[1].Weight.IsZero())
	require.NoError(t, types.CheckPublished(eps, none, totals(none...)))
	// The only model that weighs weighs exactly 1, admitted or not.
	solo := []types.ModelState{open(1, "0"), admitted(2, "3")}
	require.Equal(t, sdkmath.LegacyOneDec(), types.Weight(eps, totals(solo...), solo[1]))
	require.True(t, types.Weight(eps, totals(solo...), solo[0]).IsZero(), "open, no paid demand")
	paid := []types.ModelState{open(1, "0"), open(2, "5")}
	require.Equal(t, sdkmath.LegacyOneDec(), types.Weight(eps, totals(paid...), paid[1]))
	// N_a = 0: the ε part goes to the raw part.
	two := []types.ModelState{open(1, "1"), open(2, "3")}
	require.Equal(t, dec("0.25"), types.Weight(eps, totals(two...), two[0]))
	// Σraw = 0 with admitted models (truncation only): they share 1.
	zero := []types.ModelState{admitted(1, "0"), admitted(2, "0"), open(3, "0")}
	require.Equal(t, dec("0.5"), types.Weight(eps, totals(zero...), zero[0]))
	require.True(t, types.Weight(eps, totals(zero...), zero[2]).IsZero())
	// ε goes to admitted models only: an open model with as much demand as
	// an admitted model's prior weighs ε/N_a less.
	mixed := []types.ModelState{admitted(1, "1"), open(2, "1")}
	require.Equal(t, dec("0.55"), types.Weight(eps, totals(mixed...), mixed[0]))
	require.Equal(t, dec("0.45"), types.Weight(eps, totals(mixed...), mixed[1]))
	// Thirds: truncation leaves a remainder, published to the first model
	// that weighs (not the open model 4 without demand).
	states := []types.ModelState{open(4, "0"), admitted(5, "1"), admitted(7, "1"), admitted(9, "1")}
	w, rem = types.PublishWeights(eps, states, totals(states...))
	require.True(t, rem.IsPositive())
	require.True(t, w[0].Weight.IsZero())
	require.Equal(t, uint64(5), w[1].ModelId)
	require.Equal(t, w[2].Weight.Add(rem).String(), w[1].Weight.String())
	require.Equal(t, "1.000000000000000000", w[1].Weight.Add(w[2].Weight).Add(w[3].Weight).String())
	require.NoError(t, types.CheckPublished(eps, states, totals(states...)))
	// An inconsistent Σraw breaks the published vector.
	bad := totals(states...)
	bad.SumRaw = dec("2")
	require.Error(t, types.CheckPublished(eps, states, bad))
	bad.SumRaw = dec("30")
	require.Error(t, types.CheckPublished(eps, states, bad))
	// An open model without paid demand that weighs breaks it too.
	cheat := []types.ModelState{admitted(1, "1"), open(2, "0")}
	cheat[1].Raw = dec("1")
	require.Error(t, types.CheckPublished(eps, cheat, totals(cheat...)))
}

func ExamplePowSixteenths() {
	fmt.Println(types.PowSixteenths(dec("2"), 8))
	// Output: 1.414213562373095048
}
