package types

import (
	"math/big"

	sdkmath "cosmossdk.io/math"
)

var precisionMultiplier = new(big.Int).Exp(big.NewInt(10), big.NewInt(sdkmath.LegacyPrecision), nil)

// SqrtFloor returns ⌊√x⌋ at 18 decimals for x ≥ 0: the exact integer square
// root of x·10^18 in units of 10^-18. Pure integer arithmetic, bit-exact on
// every CPU, and at most one unit in the last place below the true root.
func SqrtFloor(x sdkmath.LegacyDec) sdkmath.LegacyDec {
	if !x.IsPositive() {
		return sdkmath.LegacyZeroDec()
	}
	v := new(big.Int).Mul(x.BigInt(), precisionMultiplier)
	return sdkmath.LegacyNewDecFromBigIntWithPrec(v.Sqrt(v), sdkmath.LegacyPrecision)
}

// PowSixteenths returns x^(n/16) for x ≥ 0 and n ≤ 16: the fraction is
// reduced to m/2^j (m odd), x^(1/2^j) is taken with j ≤ 4 exact floor square
// roots (SqrtFloor), then raised to the integer power m ≤ 15 (Power).
func PowSixteenths(x sdkmath.LegacyDec, n uint32) sdkmath.LegacyDec {
	if n == 0 {
		return sdkmath.LegacyOneDec()
	}
	if x.Equal(sdkmath.LegacyOneDec()) {
		return x
	}
	j := 4
	for n%2 == 0 && j > 0 {
		n /= 2
		j--
	}
	r := x
	for ; j > 0; j-- {
		r = SqrtFloor(r)
	}
	if n == 1 {
		return r
	}
	return r.Power(uint64(n))
}

// Demand is D = λ_fees + p_ref·λ_requests.
func (p Params) Demand(s ModelState) sdkmath.LegacyDec {
	return s.LambdaFees.Add(p.PRef.MulTruncate(s.LambdaRequests))
}

// Supply is S = λ_reveals.
func (p Params) Supply(s ModelState) sdkmath.LegacyDec { return s.LambdaReveals }

// Raw is raw_m = (D + d0) / (S + s0)^σ, the quotient truncated.
func (p Params) Raw(s ModelState) sdkmath.LegacyDec {
	return p.RawSixteenths(s, p.SigmaSixteenths())
}

// RawSixteenths is Raw with 16·σ given (precomputed by EndBlock).
func (p Params) RawSixteenths(s ModelState, sigma16 uint32) sdkmath.LegacyDec {
	num := p.PRef.MulTruncate(s.LambdaRequests) // fresh: the Mut ops below own it
	num.AddMut(s.LambdaFees).AddMut(p.D0)
	den := PowSixteenths(p.Supply(s).Add(p.S0), sigma16)
	if !den.IsPositive() {
		// (S + s0)^σ ≥ s0^σ > 0 for valid params; a zero can only come from
		// truncation of an absurdly small s0, and then the numerator counts.
		return num
	}
	return num.QuoTruncateMut(den)
}

// SigmaSixteenths is 16·σ (σ is validated to be a multiple of 1/16 in [0, 1]).
func (p Params) SigmaSixteenths() uint32 {
	return uint32(p.Sigma.MulInt64(16).TruncateInt64())
}

// Weight is w = ε/N + (1 − ε)·raw/Σraw with every step truncated; 1 when
// N = 1 and 0 when N = 0. With Σraw = 0 the (1 − ε) part is split equally.
// The weights of the N active models sum to at most 1; PublishWeights
// assigns the remainder.
func Weight(epsilon sdkmath.LegacyDec, n uint64, raw, sumRaw sdkmath.LegacyDec) sdkmath.LegacyDec {
	return NewWeigher(epsilon, n, sumRaw).Weight(raw)
}

// Weigher computes Weight for one (ε, N, Σraw) with the constant parts
// precomputed; Weigher.Weight(raw) equals Weight(ε, N, raw, Σraw).
type Weigher struct {
	n              uint64
	base, rest, eq sdkmath.LegacyDec // ⌊ε/N⌋, 1 − ε, ⌊(1 − ε)/N⌋
	sumRaw         sdkmath.LegacyDec
}

// NewWeigher returns the weight function of N active models with Σraw.
func NewWeigher(epsilon sdkmath.LegacyDec, n uint64, sumRaw sdkmath.LegacyDec) Weigher {
	w := Weigher{n: n, sumRaw: sumRaw}
	if n > 1 {
		nInt := sdkmath.NewIntFromUint64(n)
		w.rest = sdkmath.LegacyOneDec().Sub(epsilon)
		w.base = epsilon.QuoInt(nInt)
		w.eq = w.rest.QuoInt(nInt)
	}
	return w
}

// Weight is the weight of a model with this raw weight.
func (w Weigher) Weight(raw sdkmath.LegacyDec) sdkmath.LegacyDec {
	switch w.n {
	case 0:
		return sdkmath.LegacyZeroDec()
	case 1:
		return sdkmath.LegacyOneDec()
	}
	if !w.sumRaw.IsPositive() {
		return w.base.Add(w.eq)
	}
	share := raw.MulTruncate(w.rest)
	return share.QuoTruncateMut(w.sumRaw).AddMut(w.base)
}

// PublishWeights returns the published weight vector of the active models,
// given in increasing id order: each model's Weight, and the rounding
// remainder 1 − Σ Weight (never negative) added to the first (smallest id)
// model, so the vector sums to exactly 1. It also returns the remainder.
func PublishWeights(epsilon sdkmath.LegacyDec, active []ModelState, sumRaw sdkmath.LegacyDec) ([]PublishedWeight, sdkmath.LegacyDec) {
	out := make([]PublishedWeight, len(active))
	sum := sdkmath.LegacyZeroDec()
	n := uint64(len(active))
	weigher := NewWeigher(epsilon, n, sumRaw)
	for i, s := range active {
		w := weigher.Weight(s.Raw)
		out[i] = PublishedWeight{ModelId: s.ModelId, Weight: w}
		sum = sum.Add(w)
	}
	if n == 0 {
		return out, sdkmath.LegacyZeroDec()
	}
	rem := sdkmath.LegacyOneDec().Sub(sum)
	out[0].Weight = out[0].Weight.Add(rem)
	return out, rem
}

// MaxRemainder bounds the rounding remainder of N weights: each Weight
// loses less than one unit (10^-18) in ε/N, less than 1/Σraw units in
// raw·(1 − ε) and less than one unit in the quotient.
func MaxRemainder(n uint64, sumRaw sdkmath.LegacyDec) sdkmath.LegacyDec {
	ulp := sdkmath.LegacySmallestDec()
	per := ulp.MulInt64(2)
	if sumRaw.IsPositive() {
		per = per.Add(ulp.QuoRoundUp(sumRaw))
	}
	return per.MulInt(sdkmath.NewIntFromUint64(n))
}
