package types

import (
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
)

var (
	// maxQueryLoad bounds the load the Multiplier query accepts; real loads
	// (open / capacity) never exceed 1.
	maxQueryLoad = sdkmath.LegacyNewDec(10)
	// maxEvalLoad caps the load Multiplier evaluates f at (above any
	// open / capacity < 2^32), so f(load) / f_peak cannot overflow.
	maxEvalLoad = sdkmath.LegacyNewDec(10_000_000_000)
)

// Multiplier is the personalised price factor of docs/evaluation.md
// ("Personalised price"):
//
//	M(load, rep) = m_min + (1 − m_min) · (max(f(load), 0) / f_peak) · rep
//
// clamped to [0, 1]. load > 1 is allowed (f is simply evaluated there). The
// product is formed as ((1 − m_min) · ratio) · rep, each step rounded by
// LegacyDec, so M is monotone in rep and in f(load) exactly.
//
// It never panics on bad state: nil or negative load counts as 0, a load
// above 1e10 as 1e10, rep is clamped to [0, 1] (nil counts as 0), and a
// curve without a positive peak (which Validate rejects) yields m_min.
func (p Params) Multiplier(load, rep sdkmath.LegacyDec) sdkmath.LegacyDec {
	mMin := clampUnit(p.MMin)
	peak := p.LoadCurve.Peak()
	if !peak.IsPositive() {
		return mMin
	}
	if load.IsNil() || load.IsNegative() {
		load = sdkmath.LegacyZeroDec()
	}
	load = sdkmath.LegacyMinDec(load, maxEvalLoad)
	f := sdkmath.LegacyMaxDec(p.LoadCurve.Eval(load), sdkmath.LegacyZeroDec())
	m := sdkmath.LegacyOneDec().Sub(mMin).Mul(f.Quo(peak)).Mul(clampUnit(rep)).Add(mMin)
	return clampUnit(m)
}

// CheckLoadQuery validates the inputs of the multiplier query: load in
// [0, 10] and rep in [0, 1].
func (p Params) CheckLoadQuery(load, rep sdkmath.LegacyDec) error {
	if load.IsNil() || load.IsNegative() || load.GT(maxQueryLoad) {
		return errorsmod.Wrapf(ErrInvalidLoad, "load must be in [0, %s], got %v", maxQueryLoad.TruncateInt(), load)
	}
	if rep.IsNil() || rep.IsNegative() || rep.GT(sdkmath.LegacyOneDec()) {
		return errorsmod.Wrapf(ErrInvalidLoad, "reputation must be in [0, 1], got %v", rep)
	}
	return nil
}

// clampUnit clamps v to [0, 1]; nil counts as 0.
func clampUnit(v sdkmath.LegacyDec) sdkmath.LegacyDec {
	switch {
	case v.IsNil() || v.IsNegative():
		return sdkmath.LegacyZeroDec()
	case v.GT(sdkmath.LegacyOneDec()):
		return sdkmath.LegacyOneDec()
	default:
		return v
	}
}
