package types

import (
	"math/big"

	sdkmath "cosmossdk.io/math"

	"github.com/don-network/don/x/optima/fixedpoint"
)

// stdErrScaleBits is the extra binary precision of the integer square root of
// the variance, so the standard error keeps fractional bits below one raw unit.
const stdErrScaleBits = 24

// PairedResult is the outcome of the paired significance test of a reveal.
type PairedResult struct {
	NewLoss       sdkmath.LegacyDec // mean loss of the candidate
	IncumbentLoss sdkmath.LegacyDec // mean loss of the incumbent on the same units
	MeanDiff      sdkmath.LegacyDec // d̄, mean of d_i = loss_inc(i) − loss_new(i)
	StdErr        sdkmath.LegacyDec // s / √n
	LCB           sdkmath.LegacyDec // d̄ − z·s/√n
	Accepted      bool
	Increment     sdkmath.LegacyDec // −ln(1 − LCB/IncumbentLoss), in (0, max_increment] when accepted
	Reason        string            // why it was rejected
}

// Rejection reasons, stable strings that optimizers can match.
const (
	ReasonZeroIncumbentLoss = "incumbent loss is zero: nothing left to improve"
	ReasonNotSignificant    = "lower confidence bound of the improvement is below min_improvement × incumbent loss"
	ReasonModelRetired      = "model retired after the commit: bond refunded without verification"
)

// PairedTest runs the significance test of docs/optima.md ("Significance
// test") on per-unit losses of
// the incumbent and the candidate, measured on the same units. It is integer
// arithmetic end to end: sums in big.Int, the square root by big.Int.Sqrt, the
// final ratios in LegacyDec with truncation, the increment by LogIncrement.
func PairedTest(incumbent, candidate []fixedpoint.Fixed, z, minImprovement, maxIncrement sdkmath.LegacyDec) (PairedResult, error) {
	n := len(incumbent)
	if n != len(candidate) || n < 2 {
		return PairedResult{}, ErrVerification.Wrapf("paired test needs two equal samples of at least 2 units, got %d and %d", n, len(candidate))
	}
	var sumInc, sumNew, sumD, sumD2, d, d2 big.Int
	for i := 0; i < n; i++ {
		a, b := incumbent[i].Raw(), candidate[i].Raw()
		sumInc.Add(&sumInc, big.NewInt(a))
		sumNew.Add(&sumNew, big.NewInt(b))
		d.Sub(big.NewInt(a), big.NewInt(b))
		sumD.Add(&sumD, &d)
		d2.Mul(&d, &d)
		sumD2.Add(&sumD2, &d2)
	}
	bn := big.NewInt(int64(n))

	// n²(n−1)·se² = n·Σd² − (Σd)²; se is computed in raw units × 2^stdErrScaleBits.
	var num, den, se big.Int
	num.Mul(bn, &sumD2)
	num.Sub(&num, new(big.Int).Mul(&sumD, &sumD))
	num.Lsh(&num, 2*stdErrScaleBits)
	den.Mul(bn, bn)
	den.Mul(&den, big.NewInt(int64(n-1)))
	num.Quo(&num, &den)
	se.Sqrt(&num)

	one := sdkmath.LegacyNewDec(fixedpoint.One.Raw())
	toDec := func(raw *big.Int, divisor int64) sdkmath.LegacyDec {
		return sdkmath.LegacyNewDecFromBigInt(raw).QuoInt64Mut(divisor).QuoTruncate(one)
	}
	res := PairedResult{
		NewLoss:       toDec(&sumNew, int64(n)),
		IncumbentLoss: toDec(&sumInc, int64(n)),
		MeanDiff:      toDec(&sumD, int64(n)),
		StdErr:        toDec(&se, 1<<stdErrScaleBits),
		Increment:     sdkmath.LegacyZeroDec(),
	}
	res.LCB = res.MeanDiff.Sub(z.Mul(res.StdErr))

	switch {
	case !res.IncumbentLoss.IsPositive():
		res.Reason = ReasonZeroIncumbentLoss
	case res.LCB.LT(minImprovement.Mul(res.IncumbentLoss)) || !res.LCB.IsPositive():
		res.Reason = ReasonNotSignificant
	default:
		res.Accepted = true
		res.Increment = LogIncrement(res.LCB.QuoTruncate(res.IncumbentLoss), maxIncrement)
	}
	return res, nil
}
