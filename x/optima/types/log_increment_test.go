package types_test

import (
	"math"
	"math/rand/v2"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/optima/types"
)

func TestLnKnownValues(t *testing.T) {
	for x, want := range map[string]string{
		"1":         "0.000000000000000000",
		"0.5":       "0.000000000000000000", // below 1: 0 (never asked)
		"1.5":       "0.405465108108164381",
		"2":         "0.693147180559945309",
		"4":         "1.386294361119890618",
		"10":        "2.302585092994045684",
		"1000000":   "13.815510557964274104",
		"1.0000001": "0.000000099999995000",
	} {
		require.Equal(t, want, types.Ln(dec(x)).String(), "ln %s", x)
	}
	require.Equal(t, types.DefaultMaxIncrement(), types.Ln(dec("4")))
}

// Ln agrees with float64's log to its precision over many magnitudes.
func TestLnMatchesFloat(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 2))
	for i := 0; i < 2000; i++ {
		x := 1 + r.Float64()*math.Pow(10, float64(r.IntN(12)))
		d := sdkmath.LegacyMustNewDecFromStr(sdkmath.LegacyNewDecWithPrec(int64(x*1e6), 6).String())
		got := mustFloat(types.Ln(d))
		want := math.Log(mustFloat(d))
		require.InDelta(t, want, got, 1e-12*math.Max(1, want), "ln %s", d)
	}
}

func TestLogIncrement(t *testing.T) {
	maxInc := types.DefaultMaxIncrement()
	require.Equal(t, dec("0.693147180559945309"), types.LogIncrement(dec("0.5"), maxInc), "halving the loss: ln 2")
	require.Equal(t, maxInc, types.LogIncrement(dec("0.75"), maxInc), "a fourfold reduction: exactly the cap")
	require.Equal(t, maxInc, types.LogIncrement(dec("0.9"), maxInc))
	require.Equal(t, maxInc, types.LogIncrement(dec("1"), maxInc), "lcb = L_inc: −ln 0 is capped")
	require.True(t, types.LogIncrement(dec("0"), maxInc).IsZero())
	require.True(t, types.LogIncrement(dec("-0.1"), maxInc).IsZero())
	// Small improvements: −ln(1 − x) ≈ x + x²/2.
	require.Equal(t, dec("0.005012541823544282"), types.LogIncrement(dec("0.005"), maxInc)) // −ln 0.995 = 0.00501254182354428204…
}

// Work is additive on the log scale: revealing an improvement from L0 to
// Ln as one optimum or as k smaller ones earns the same increment (up to
// rounding) while the total is below the cap, so a splitter gains
// nothing. With the old ratio lcb/L_inc the split earned more. Above the
// cap, splitting does pay: that is what the cap trades for robustness.
func TestSplittingGainsNothingBelowTheCap(t *testing.T) {
	maxInc := types.DefaultMaxIncrement()
	r := rand.New(rand.NewPCG(7, 7))
	for run := 0; run < 300; run++ {
		l0 := sdkmath.LegacyNewDec(int64(1 + r.IntN(1000)))
		ln := l0.Mul(sdkmath.LegacyNewDecWithPrec(int64(260+r.IntN(730)), 3)) // L_n in [0.26, 0.99]·L0: under the cap
		k := 2 + r.IntN(20)
		// k steps of equal ratio q = (Ln/L0)^(1/k), each increment −ln q.
		q := math.Pow(mustFloat(ln)/mustFloat(l0), 1/float64(k))
		step := sdkmath.LegacyMustNewDecFromStr(sdkmath.LegacyNewDecWithPrec(int64((1-q)*1e15), 15).String())
		split, oldSplit := sdkmath.LegacyZeroDec(), sdkmath.LegacyZeroDec()
		remaining := sdkmath.LegacyOneDec()
		for i := 0; i < k; i++ {
			split = split.Add(types.LogIncrement(step, maxInc))
			oldSplit = oldSplit.Add(step)
			remaining = remaining.Mul(sdkmath.LegacyOneDec().Sub(step))
		}
		// Compare with the whole improvement the steps actually made.
		made := types.LogIncrement(sdkmath.LegacyOneDec().Sub(remaining), maxInc)
		require.True(t, split.Sub(made).Abs().LTE(sdkmath.LegacyNewDecWithPrec(1, 15)),
			"run %d: %d steps earn %s, the whole %s", run, k, split, made)
		require.True(t, oldSplit.GT(sdkmath.LegacyOneDec().Sub(remaining)), "the old ratio paid splitting")
	}
	// Above the cap: one 10× reveal earns the cap, ten 1.26× reveals earn ln 10.
	one := types.LogIncrement(dec("0.9"), maxInc)
	var ten sdkmath.LegacyDec = sdkmath.LegacyZeroDec()
	for i := 0; i < 10; i++ {
		ten = ten.Add(types.LogIncrement(dec("0.205671765275718589"), maxInc)) // 1 − 10^(−1/10)
	}
	require.Equal(t, maxInc, one)
	require.InDelta(t, math.Log(10), mustFloat(ten), 1e-12)
}
