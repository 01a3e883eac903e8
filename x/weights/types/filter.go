package types

import (
	sdkmath "cosmossdk.io/math"
)

// Signal kinds of the per-model filters.
const (
	KindReveals = iota
	KindAccepted
	KindRequests
	KindFees
	NumModelKinds
)

// Key identifies the coefficients' values (for caches): sign and
// magnitude bytes of each, length-prefixed (no base-10 conversion).
func (f FilterParams) Key() string {
	key := make([]byte, 0, 64)
	for _, d := range []sdkmath.LegacyDec{f.Omega, f.Beta, f.Alpha} {
		bi := d.BigInt()
		mag := bi.Bytes()
		key = append(key, byte(bi.Sign()+1), byte(len(mag)))
		key = append(key, mag...)
	}
	return string(key)
}

// Persistence returns c = β − α, the factor of λ in one step:
// λ ← ω + β·λ + α·(y − λ) = ω + c·λ + α·y.
func (f FilterParams) Persistence() sdkmath.LegacyDec { return f.Beta.Sub(f.Alpha) }

// Step applies one block with observation y:
// λ' = ω + (β − α)·λ + α·y, products truncated (MulTruncate).
func (f FilterParams) Step(lambda, y sdkmath.LegacyDec) sdkmath.LegacyDec {
	if lambda.IsZero() && y.IsZero() {
		if f.Omega.IsZero() {
			return lambda
		}
		return f.Omega.Clone()
	}
	out := f.Persistence().MulTruncate(lambda)
	if !y.IsZero() {
		out = out.Add(f.Alpha.MulTruncate(y))
	}
	return out.Add(f.Omega)
}

// Decayer applies k idle blocks (y = 0) to a filter in closed form:
//
//	λ_{t+k} = c^k·λ_t + ω·G_k,  G_k = 1 + c + … + c^{k−1},  c = β − α,
//
// (G_k = k when c = 1, (1 − c^k)/(1 − c) otherwise). c^k and G_k are
// computed together by binary exponentiation of the pair (c^k, G_k), which
// composes as (P_a, G_a)∘(P_b, G_b) = (P_a·P_b, G_a + P_a·G_b): O(log k)
// multiplications and no division, so the rounding error stays a few units
// in the last place even when 1 − c is tiny. A memo (bounded, cleared when
// full) caches the pair per k; it only caches a pure function of
// (params, k), so results never depend on what it holds. A Decayer is not
// safe for concurrent use.
type Decayer struct {
	p    FilterParams
	c    sdkmath.LegacyDec
	memo map[uint64]decayTerms
}

type decayTerms struct {
	pow, geo, drift sdkmath.LegacyDec // c^k, G_k and ω·G_k
}

// maxDecayMemo bounds the memo of a Decayer that lives across blocks.
const maxDecayMemo = 1 << 12

// NewDecayer returns the closed-form idle decay of one filter.
func NewDecayer(p FilterParams) *Decayer {
	return &Decayer{p: p, c: p.Persistence(), memo: map[uint64]decayTerms{}}
}

// compose returns the pair of a + b steps from the pairs of a and b steps.
func compose(a, b decayTerms) decayTerms {
	return decayTerms{pow: a.pow.Mul(b.pow), geo: a.geo.Add(a.pow.Mul(b.geo))}
}

func (d *Decayer) terms(k uint64) decayTerms {
	if t, ok := d.memo[k]; ok {
		return t
	}
	res := decayTerms{pow: sdkmath.LegacyOneDec(), geo: sdkmath.LegacyZeroDec()}
	base := decayTerms{pow: d.c, geo: sdkmath.LegacyOneDec()}
	for e := k; e > 0; e >>= 1 {
		if e&1 == 1 {
			res = compose(res, base)
		}
		if e > 1 {
			base = compose(base, base)
		}
	}
	res.drift = d.p.Omega.Mul(res.geo)
	if len(d.memo) >= maxDecayMemo {
		clear(d.memo) // a cache only: results do not depend on it
	}
	d.memo[k] = res
	return res
}

// Decay returns λ after k idle blocks.
func (d *Decayer) Decay(lambda sdkmath.LegacyDec, k uint64) sdkmath.LegacyDec {
	if k == 0 || (lambda.IsZero() && d.p.Omega.IsZero()) {
		return lambda
	}
	t := d.terms(k)
	out := t.pow.Mul(lambda)
	if !d.p.Omega.IsZero() {
		out.AddMut(t.drift)
	}
	return out
}

// Step is FilterParams.Step with the persistence precomputed (same result).
func (d *Decayer) Step(lambda, y sdkmath.LegacyDec) sdkmath.LegacyDec {
	if lambda.IsZero() && y.IsZero() {
		if d.p.Omega.IsZero() {
			return lambda
		}
		return d.p.Omega.Clone()
	}
	out := d.c.MulTruncate(lambda)
	if !y.IsZero() {
		out.AddMut(d.p.Alpha.MulTruncate(y))
	}
	if !d.p.Omega.IsZero() {
		out.AddMut(d.p.Omega)
	}
	return out
}

// Params returns the filter params.
func (d *Decayer) Params() FilterParams { return d.p }

// Add folds a further observation y into a step already applied this
// block: λ + α·y. The step is linear in y, so two records of one block give
// the step of their sum (up to one truncation per record).
func (d *Decayer) Add(lambda, y sdkmath.LegacyDec) sdkmath.LegacyDec {
	if y.IsZero() {
		return lambda
	}
	return lambda.Add(d.p.Alpha.MulTruncate(y))
}
