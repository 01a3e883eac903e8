package types

import sdkmath "cosmossdk.io/math"

// ExpNeg works in integers scaled by 1e36 (twice LegacyDec's precision), so
// the truncations of the series stay ~1e-35 and the one final rounding to 18
// decimals dominates the error: |ExpNeg(z) − e^−z| ≤ 0.5e-18 + ~1e-34.
var (
	expScale    = sdkmath.NewIntWithDecimal(1, 36)
	expToDec    = sdkmath.NewIntWithDecimal(1, 18) // expScale / LegacyDec's 1e18
	expHalfUlp  = sdkmath.NewIntWithDecimal(5, 17) // half of expToDec: round half up
	expZeroFrom = sdkmath.LegacyNewDec(50)         // e^−50 ≈ 2e-22 rounds to 0
)

// expTerms is the fixed length of the series: on [0, 1] the remainder is
// below 1/24! ≈ 1.6e-24, far under one LegacyDec step.
const expTerms = 24

// ExpNeg returns e^(−z) in LegacyDec, deterministically (integer arithmetic
// only, a fixed number of steps, no Go math package).
//
// The load curve only needs z in [0, 1], where a 24-term alternating Taylor
// series is used directly. Outside that range it stays panic-free: nil or
// z ≤ 0 returns 1 (z is clamped at 0), z ≥ 50 returns 0, and 1 < z < 50 is
// halved k ≤ 6 times into [0, 1] and the result squared k times.
func ExpNeg(z sdkmath.LegacyDec) sdkmath.LegacyDec {
	if z.IsNil() || !z.IsPositive() {
		return sdkmath.LegacyOneDec()
	}
	if z.GTE(expZeroFrom) {
		return sdkmath.LegacyZeroDec()
	}
	zs := sdkmath.NewIntFromBigInt(z.BigInt()).Mul(expToDec) // z·1e36
	halvings := 0
	for zs.GT(expScale) {
		zs = zs.QuoRaw(2)
		halvings++
	}
	y := expNegSeries(zs)
	for i := 0; i < halvings; i++ {
		y = y.Mul(y).Quo(expScale)
	}
	return sdkmath.LegacyNewDecFromIntWithPrec(y.Add(expHalfUlp).Quo(expToDec), sdkmath.LegacyPrecision)
}

// expNegSeries sums Σ (−z)^k/k! for k < expTerms with z = zs/1e36 in [0, 1];
// terms are kept positive and alternately added and subtracted.
func expNegSeries(zs sdkmath.Int) sdkmath.Int {
	term := expScale
	sum := expScale
	for k := int64(1); k < expTerms; k++ {
		term = term.Mul(zs).Quo(expScale).QuoRaw(k)
		if k%2 == 1 {
			sum = sum.Sub(term)
		} else {
			sum = sum.Add(term)
		}
	}
	return sum
}
