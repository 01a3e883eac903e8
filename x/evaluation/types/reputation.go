package types

import sdkmath "cosmossdk.io/math"

// UpdateReputation is the score-driven update of docs/evaluation.md
// ("Reputation") for a Bernoulli observation y (1 = success) with identity
// link:
//
//	r ← r + α·(y − r),  α = alpha_ok if success, alpha_fail otherwise
//
// With α in (0, 1] the result is a convex combination of r and y, so it stays
// in [0, 1]; it is clamped anyway so bad state (r outside [0, 1], nil r
// counted as 0, bad α clamped to [0, 1]) cannot spread.
func (p Params) UpdateReputation(r sdkmath.LegacyDec, success bool) sdkmath.LegacyDec {
	r = clampUnit(r)
	alpha, y := clampUnit(p.AlphaFail), sdkmath.LegacyZeroDec()
	if success {
		alpha, y = clampUnit(p.AlphaOk), sdkmath.LegacyOneDec()
	}
	return clampUnit(r.Add(alpha.Mul(y.Sub(r))))
}
