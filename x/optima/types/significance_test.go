package types_test

import (
	"math"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/optima/fixedpoint"
	"github.com/don-network/don/x/optima/types"
)

func fixeds(vals ...int64) []fixedpoint.Fixed {
	out := make([]fixedpoint.Fixed, len(vals))
	for i, v := range vals {
		out[i] = fixedpoint.FromInt(v)
	}
	return out
}

func dec(s string) sdkmath.LegacyDec { return sdkmath.LegacyMustNewDecFromStr(s) }

var maxInc = types.DefaultMaxIncrement()

func TestPairedTestHandComputed(t *testing.T) {
	// d = inc − new = {2, 4, 6, 8}: mean 5, s² = 20/3, s/√n = √(5/3) ≈ 1.290994.
	inc := fixeds(10, 10, 10, 10)
	cand := fixeds(8, 6, 4, 2)
	res, err := types.PairedTest(inc, cand, sdkmath.LegacyNewDec(1), dec("0.1"), maxInc)
	require.NoError(t, err)
	require.Equal(t, dec("10"), res.IncumbentLoss)
	require.Equal(t, dec("5"), res.NewLoss)
	require.Equal(t, dec("5"), res.MeanDiff)
	require.InDelta(t, 1.290994, mustFloat(res.StdErr), 1e-6)
	require.InDelta(t, 5-1.290994, mustFloat(res.LCB), 1e-6)
	require.True(t, res.Accepted)
	require.InDelta(t, -math.Log(1-(5-1.290994)/10), mustFloat(res.Increment), 1e-6) // −ln(1 − lcb/L_inc)

	// With z = 3 the bound is 5 − 3.872983 = 1.127017 ≥ 0.1·10 = 1: still accepted.
	res, err = types.PairedTest(inc, cand, sdkmath.LegacyNewDec(3), dec("0.1"), maxInc)
	require.NoError(t, err)
	require.True(t, res.Accepted)
	// With z = 4 it is 5 − 5.163978 < 0: rejected.
	res, err = types.PairedTest(inc, cand, sdkmath.LegacyNewDec(4), dec("0.1"), maxInc)
	require.NoError(t, err)
	require.False(t, res.Accepted)
	require.Equal(t, types.ReasonNotSignificant, res.Reason)
	require.True(t, res.Increment.IsZero())
}

func TestPairedTestEdgeCases(t *testing.T) {
	z, minImp := sdkmath.LegacyNewDec(3), dec("0.005")

	// Identical vectors: no improvement at all.
	res, err := types.PairedTest(fixeds(3, 5, 7), fixeds(3, 5, 7), z, minImp, maxInc)
	require.NoError(t, err)
	require.False(t, res.Accepted)
	require.True(t, res.LCB.IsZero())

	// A constant improvement has s = 0, so lcb = mean; a perfect candidate
	// (lcb = L_inc, −ln 0 = ∞) gets max_increment.
	res, err = types.PairedTest(fixeds(4, 4, 4), fixeds(0, 0, 0), z, minImp, maxInc)
	require.NoError(t, err)
	require.True(t, res.Accepted)
	require.Equal(t, maxInc, res.Increment)

	// Nothing left to improve.
	res, err = types.PairedTest(fixeds(0, 0, 0), fixeds(0, 0, 0), z, minImp, maxInc)
	require.NoError(t, err)
	require.False(t, res.Accepted)
	require.Equal(t, types.ReasonZeroIncumbentLoss, res.Reason)

	// Shapes.
	_, err = types.PairedTest(fixeds(1), fixeds(1), z, minImp, maxInc)
	require.ErrorIs(t, err, types.ErrVerification)
	_, err = types.PairedTest(fixeds(1, 2), fixeds(1), z, minImp, maxInc)
	require.ErrorIs(t, err, types.ErrVerification)

	// Extreme per-unit losses do not overflow (sums are big integers).
	big := []fixedpoint.Fixed{fixedpoint.MaxFixed, fixedpoint.MaxFixed, fixedpoint.MaxFixed}
	res, err = types.PairedTest(big, fixeds(0, 0, 1), z, minImp, maxInc)
	require.NoError(t, err)
	require.True(t, res.Accepted)
}

// The order of the units does not change the outcome (sums are exact).
func TestPairedTestOrderInvariant(t *testing.T) {
	z, minImp := sdkmath.LegacyNewDec(3), dec("0.005")
	inc, cand := fixeds(9, 7, 8, 12, 10, 11), fixeds(5, 6, 4, 7, 6, 5)
	a, err := types.PairedTest(inc, cand, z, minImp, maxInc)
	require.NoError(t, err)
	rev := func(v []fixedpoint.Fixed) []fixedpoint.Fixed {
		out := make([]fixedpoint.Fixed, len(v))
		for i := range v {
			out[len(v)-1-i] = v[i]
		}
		return out
	}
	b, err := types.PairedTest(rev(inc), rev(cand), z, minImp, maxInc)
	require.NoError(t, err)
	require.Equal(t, a, b)
}

func mustFloat(d sdkmath.LegacyDec) float64 {
	f, err := d.Float64()
	if err != nil {
		panic(err)
	}
	return f
}
