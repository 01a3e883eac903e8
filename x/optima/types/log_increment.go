package types

import (
	"math/big"

	sdkmath "cosmossdk.io/math"
)

// logScaleDigits is the working precision of Ln: 36 decimals, twice
// LegacyDec's 18, so the truncations of the series stay far below the
// last digit of the result.
const logScaleDigits = 36

var (
	logScale = new(big.Int).Exp(big.NewInt(10), big.NewInt(logScaleDigits), nil)
	// ln2Scaled is ln 2 × 10^36, truncated.
	ln2Scaled, _ = new(big.Int).SetString("693147180559945309417232121458176568", 10)
	// decToLogScale converts 10^-18 units to 10^-36 units.
	decToLogScale = new(big.Int).Exp(big.NewInt(10), big.NewInt(logScaleDigits-sdkmath.LegacyPrecision), nil)
)

// DefaultMaxIncrement is ln 4 (truncated to 18 decimals): one reveal is paid
// for at most a fourfold reduction of the loss.
func DefaultMaxIncrement() sdkmath.LegacyDec {
	return sdkmath.LegacyMustNewDecFromStr("1.386294361119890618")
}

// LogIncrement is the increment of an accepted optimum, Δ = −ln(1 − ratio)
// with ratio = lcb / L_inc, capped at maxIncrement (and equal to it when
// ratio ≥ 1). On a log scale work is additive: improving a loss from L0 to
// Ln earns ln(L0/Ln) whether revealed at once or in many steps, so
// splitting one improvement into small reveals gains nothing below the cap.
// Integer arithmetic throughout (Ln); a ratio ≤ 0 gives 0.
func LogIncrement(ratio, maxIncrement sdkmath.LegacyDec) sdkmath.LegacyDec {
	if !ratio.IsPositive() {
		return sdkmath.LegacyZeroDec()
	}
	rest := sdkmath.LegacyOneDec().Sub(ratio) // 1 − ratio
	if !rest.IsPositive() {
		return maxIncrement
	}
	// −ln(rest) = ln(1/rest); 1/rest is rounded up so that a tiny rest
	// cannot make it 0.
	return sdkmath.LegacyMinDec(Ln(sdkmath.LegacyOneDec().QuoRoundUp(rest)), maxIncrement)
}

// Ln is the natural logarithm of x ≥ 1 (0 below 1), truncated to 18
// decimals, computed in integers: x = 2^m·r with r in [1, 2), then
// ln x = m·ln 2 + 2·atanh((r − 1)/(r + 1)), the series summed at 36
// decimals until its terms vanish (u < 1/3, so at most ~40 terms).
func Ln(x sdkmath.LegacyDec) sdkmath.LegacyDec {
	if x.LTE(sdkmath.LegacyOneDec()) {
		return sdkmath.LegacyZeroDec()
	}
	// v = x at 36 decimals.
	v := new(big.Int).Mul(x.BigInt(), decToLogScale)
	// m = ⌊log2(x)⌋: the largest m with 2^m·scale ≤ v.
	m := int64(new(big.Int).Quo(v, logScale).BitLen() - 1)
	r := new(big.Int).Rsh(v, uint(m)) // r = x / 2^m at 36 decimals, in [1, 2)
	// u = (r − 1)/(r + 1) at 36 decimals.
	num := new(big.Int).Sub(r, logScale)
	den := new(big.Int).Add(r, logScale)
	u := new(big.Int).Quo(new(big.Int).Mul(num, logScale), den)
	u2 := new(big.Int).Quo(new(big.Int).Mul(u, u), logScale)
	sum := new(big.Int)
	term := new(big.Int).Set(u) // u^(2k+1)
	for k := int64(0); term.Sign() > 0; k++ {
		sum.Add(sum, new(big.Int).Quo(term, big.NewInt(2*k+1)))
		term.Quo(term.Mul(term, u2), logScale)
	}
	sum.Lsh(sum, 1) // 2·atanh(u) = ln r
	sum.Add(sum, new(big.Int).Mul(ln2Scaled, big.NewInt(m)))
	return sdkmath.LegacyNewDecFromBigIntWithPrec(sum.Quo(sum, decToLogScale), sdkmath.LegacyPrecision)
}
