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

// Demand is D = λ_fees: the fee value paid per block (udon). The request
// count is filtered for display but never weighed: a count can be inflated
// with minimum-fee requests almost for free, while every udon of fee burns
// a part of itself.
func (p Params) Demand(s ModelState) sdkmath.LegacyDec { return s.LambdaFees }

// Supply is S = λ_reveals.
func (p Params) Supply(s ModelState) sdkmath.LegacyDec { return s.LambdaReveals }

// Prior is the prior demand of a model: d0 if admitted, 0 if open.
func (p Params) Prior(s ModelState) sdkmath.LegacyDec {
	if s.Admitted {
		return p.D0
	}
	return sdkmath.LegacyZeroDec()
}

// Raw is raw_m = (D + a·d0) / (S + s0)^σ, the quotient truncated.
func (p Params) Raw(s ModelState) sdkmath.LegacyDec {
	return p.RawSixteenths(s, p.SigmaSixteenths())
}

// RawSixteenths is Raw with 16·σ given (precomputed by EndBlock).
func (p Params) RawSixteenths(s ModelState, sigma16 uint32) sdkmath.LegacyDec {
	num := p.Prior(s).Add(s.LambdaFees) // fresh: the Mut op below owns it
	if num.IsZero() {
		return num // an open model without paid demand weighs nothing
	}
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

// Totals are the aggregates of the active set that every weight depends on.
type Totals struct {
	// N is the number of active models, Admitted the number of active
	// admitted models (N_a).
	N, Admitted uint64
	// SumRaw is Σ raw over the active models.
	SumRaw sdkmath.LegacyDec
}

// Weight is w = ε·a/N_a + (1 − ε)·raw/Σraw with every step truncated
// (a = 1 for an admitted model). With N_a = 0 the ε part goes to the raw
// part (w = raw/Σraw); with Σraw = 0 too every weight is 0. With N_a > 0
// and Σraw = 0 (only by truncation) the admitted models share 1 equally.
// The weights of the active models sum to at most 1; PublishWeights
// assigns the remainder.
func Weight(epsilon sdkmath.LegacyDec, t Totals, s ModelState) sdkmath.LegacyDec {
	return NewWeigher(epsilon, t).Weight(s.Raw, s.Admitted)
}

// Weigher computes Weight for one (ε, Totals) with the constant parts
// precomputed; Weigher.Weight(raw, a) equals Weight(ε, t, state).
type Weigher struct {
	admitted       uint64
	base, rest, eq sdkmath.LegacyDec // ⌊ε/N_a⌋, 1 − ε, ⌊(1 − ε)/N_a⌋
	sumRaw         sdkmath.LegacyDec
}

// NewWeigher returns the weight function of an active set with totals t.
func NewWeigher(epsilon sdkmath.LegacyDec, t Totals) Weigher {
	w := Weigher{admitted: t.Admitted, sumRaw: t.SumRaw, rest: sdkmath.LegacyOneDec()}
	if t.Admitted > 0 {
		na := sdkmath.NewIntFromUint64(t.Admitted)
		w.rest = sdkmath.LegacyOneDec().Sub(epsilon)
		w.base = epsilon.QuoInt(na)
		w.eq = w.rest.QuoInt(na)
	}
	return w
}

// Weight is the weight of a model with this raw weight and admission.
func (w Weigher) Weight(raw sdkmath.LegacyDec, admitted bool) sdkmath.LegacyDec {
	if !w.sumRaw.IsPositive() {
		if admitted && w.admitted > 0 {
			return w.base.Add(w.eq)
		}
		return sdkmath.LegacyZeroDec()
	}
	if raw.Equal(w.sumRaw) && (w.admitted == 0 || (admitted && w.admitted == 1)) {
		return sdkmath.LegacyOneDec() // the only model that weighs: exactly 1
	}
	share := raw.MulTruncate(w.rest)
	share.QuoTruncateMut(w.sumRaw)
	if admitted && w.admitted > 0 {
		share.AddMut(w.base)
	}
	return share
}

// PublishWeights returns the published weight vector of the active models,
// given in increasing id order: each model's Weight, and the rounding
// remainder 1 − Σ Weight (never negative) added to the first (smallest id)
// model that weighs (admitted, or with paid demand), so the vector sums to
// exactly 1; it is all 0 when no model weighs. It also returns the
// remainder.
func PublishWeights(epsilon sdkmath.LegacyDec, active []ModelState, t Totals) ([]PublishedWeight, sdkmath.LegacyDec) {
	out := make([]PublishedWeight, len(active))
	sum := sdkmath.LegacyZeroDec()
	weigher := NewWeigher(epsilon, t)
	first := -1
	for i, s := range active {
		w := weigher.Weight(s.Raw, s.Admitted)
		out[i] = PublishedWeight{ModelId: s.ModelId, Weight: w}
		sum = sum.Add(w)
		if first < 0 && s.Weighs() {
			first = i
		}
	}
	if first < 0 {
		return out, sdkmath.LegacyZeroDec()
	}
	rem := sdkmath.LegacyOneDec().Sub(sum)
	out[first].Weight = out[first].Weight.Add(rem)
	return out, rem
}

// Weighs reports whether an active model can have a positive weight: it is
// admitted or has paid demand. The rounding remainder of the published
// weights goes to the smallest id that weighs.
func (s ModelState) Weighs() bool { return s.Admitted || s.Raw.IsPositive() }

// MaxRemainder bounds the rounding remainder of N weights: each Weight
// loses less than one unit (10^-18) in ε/N_a, less than 1/Σraw units in
// raw·(1 − ε) and less than one unit in the quotient.
func MaxRemainder(n uint64, sumRaw sdkmath.LegacyDec) sdkmath.LegacyDec {
	ulp := sdkmath.LegacySmallestDec()
	per := ulp.MulInt64(2)
	if sumRaw.IsPositive() {
		per = per.Add(ulp.QuoRoundUp(sumRaw))
	}
	return per.MulInt(sdkmath.NewIntFromUint64(n))
}
