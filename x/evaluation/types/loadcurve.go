package types

import (
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
)

// maxCurveConst bounds |A|..|I| so f cannot overflow LegacyDec for any load
// an evaluator can have (open/capacity < 2^32): |G·(x−H)²| stays < 1e26.
var maxCurveConst = sdkmath.LegacyNewDec(1_000_000)

// consts lists the constants in field order, for the checks over all of them.
func (c LoadCurve) consts() []sdkmath.LegacyDec {
	return []sdkmath.LegacyDec{c.A, c.B, c.C, c.D, c.E, c.F, c.G, c.H, c.I}
}

// complete reports whether no constant is nil; an incomplete curve (bad
// state) is treated as f ≡ 0 instead of panicking.
func (c LoadCurve) complete() bool {
	for _, v := range c.consts() {
		if v.IsNil() {
			return false
		}
	}
	return true
}

// Eval is the paper's optimal load curve f (docs/evaluation.md, "Load
// curve"), x ≥ 0 assumed.
// (It cannot be named F: LoadCurve already has a field F.)
//
//	f(x) = A·exp(−((x−B)/B)²) − C   if x < B
//	     = D + (x − B)·E            if B ≤ x ≤ F
//	     = max(G·(x − H)² + I, 0)   if x > F
//
// For 0 ≤ x < B the exponent ((x−B)/B)² is in [0, 1], ExpNeg's exact range.
func (c LoadCurve) Eval(x sdkmath.LegacyDec) sdkmath.LegacyDec {
	if !c.complete() || x.IsNil() {
		return sdkmath.LegacyZeroDec()
	}
	switch {
	case x.LT(c.B):
		u := x.Sub(c.B).Quo(c.B)
		return c.A.Mul(ExpNeg(u.Mul(u))).Sub(c.C)
	case x.LTE(c.F):
		return c.D.Add(x.Sub(c.B).Mul(c.E))
	default:
		return sdkmath.LegacyMaxDec(c.third(x), sdkmath.LegacyZeroDec())
	}
}

// third is the unfloored third piece G·(x−H)² + I.
func (c LoadCurve) third(x sdkmath.LegacyDec) sdkmath.LegacyDec {
	d := x.Sub(c.H)
	return c.G.Mul(d.Mul(d)).Add(c.I)
}

// Peak is the supremum of f on [0, 1] (its maximum when f is continuous, as
// Validate requires), taken over candidate points that must contain it:
//   - piece 1 on [0, B): e^(−((x−B)/B)²) rises towards x = B, so for A > 0 the
//     piece rises to its left limit A − C at B, for A < 0 it falls from
//     f(0), and for A = 0 it is flat: f(0) and A − C cover every case;
//   - piece 2 is linear: its ends B and min(F, 1);
//   - piece 3 on (F, 1] is a parabola: for G ≥ 0 its ends (the limit at F⁺
//     and 1), for G < 0 also its vertex H when F < H < 1; the floor at 0
//     only raises values to 0 and moves no maximum above 0;
//   - and x = 1.
//
// Each candidate is evaluated with Eval's own arithmetic, so Eval(x) ≤
// Peak() holds for every x in [0, 1] exactly, not only up to rounding.
func (c LoadCurve) Peak() sdkmath.LegacyDec {
	if !c.complete() {
		return sdkmath.LegacyZeroDec()
	}
	zero, one := sdkmath.LegacyZeroDec(), sdkmath.LegacyOneDec()
	peak := sdkmath.LegacyMaxDec(c.Eval(zero), c.Eval(one))
	take := func(v sdkmath.LegacyDec) { peak = sdkmath.LegacyMaxDec(peak, v) }
	if c.B.IsPositive() && c.B.LTE(one) {
		take(c.A.Sub(c.C))
		take(c.Eval(c.B))
	}
	if !c.F.IsNegative() && c.F.LT(one) {
		take(c.Eval(c.F))
		take(sdkmath.LegacyMaxDec(c.third(c.F), zero))
		if c.G.IsNegative() && c.H.GT(c.F) && c.H.LT(one) {
			take(c.Eval(c.H))
		}
	}
	return peak
}

// Validate checks the curve. Continuity at B and at F is required, and
// checked exactly in LegacyDec arithmetic (D == A − C and
// G·(F−H)² + I == D + (F−B)·E): a jump would let an evaluator's price leap
// when one assignment opens or closes, and makes "the maximum" of f
// ill-defined. Peak() > 0 is required because M divides by it.
func (c LoadCurve) Validate() error {
	names := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i"}
	for i, v := range c.consts() {
		if v.IsNil() {
			return errorsmod.Wrapf(ErrInvalidParams, "load_curve.%s must be set", names[i])
		}
		if v.Abs().GT(maxCurveConst) {
			return errorsmod.Wrapf(ErrInvalidParams, "load_curve.%s %s must be within ±%s", names[i], v, maxCurveConst)
		}
	}
	one := sdkmath.LegacyOneDec()
	switch {
	case !c.B.IsPositive() || c.B.GT(one):
		return errorsmod.Wrapf(ErrInvalidParams, "load_curve.b %s must be in (0, 1]", c.B)
	case c.F.LT(c.B):
		return errorsmod.Wrapf(ErrInvalidParams, "load_curve.f %s must be at least b %s", c.F, c.B)
	case !c.D.Equal(c.A.Sub(c.C)):
		return errorsmod.Wrapf(ErrInvalidParams, "load_curve not continuous at b: d %s != a − c %s", c.D, c.A.Sub(c.C))
	}
	atF := c.D.Add(c.F.Sub(c.B).Mul(c.E))
	if !c.third(c.F).Equal(atF) {
		return errorsmod.Wrapf(ErrInvalidParams,
			"load_curve not continuous at f: g·(f−h)²+i %s != d+(f−b)·e %s", c.third(c.F), atF)
	}
	if peak := c.Peak(); !peak.IsPositive() {
		return errorsmod.Wrapf(ErrInvalidParams, "load_curve peak on [0, 1] is %s, must be positive", peak)
	}
	return nil
}
