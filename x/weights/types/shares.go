package types

import (
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
)

// Validate checks that every share is in [0, 1] and that they sum to
// exactly 1.
func (r RoleShares) Validate() error {
	sum := sdkmath.LegacyZeroDec()
	for _, s := range []struct {
		name string
		v    sdkmath.LegacyDec
	}{
		{"optimizer", r.Optimizer}, {"evaluator", r.Evaluator}, {"validator", r.Validator}, {"community", r.Community},
	} {
		if s.v.IsNil() || s.v.IsNegative() || s.v.GT(sdkmath.LegacyOneDec()) {
			return errorsmod.Wrapf(ErrInvalidRoleShares, "%s share %s outside [0, 1]", s.name, s.v)
		}
		sum = sum.Add(s.v)
	}
	if !sum.Equal(sdkmath.LegacyOneDec()) {
		return errorsmod.Wrapf(ErrInvalidRoleShares, "shares sum to %s, not 1", sum)
	}
	return nil
}

// MaxDiff is the largest absolute difference between two share vectors.
func (r RoleShares) MaxDiff(o RoleShares) sdkmath.LegacyDec {
	m := sdkmath.LegacyZeroDec()
	for _, d := range []sdkmath.LegacyDec{
		r.Optimizer.Sub(o.Optimizer), r.Evaluator.Sub(o.Evaluator),
		r.Validator.Sub(o.Validator), r.Community.Sub(o.Community),
	} {
		if d.Abs().GT(m) {
			m = d.Abs()
		}
	}
	return m
}

// Pressure is clamp((λ_backlog − target)/target, 0, 1), truncated.
func (p Params) Pressure(lambdaBacklog sdkmath.LegacyDec) sdkmath.LegacyDec {
	if lambdaBacklog.LTE(p.BacklogTarget) {
		return sdkmath.LegacyZeroDec()
	}
	pr := lambdaBacklog.Sub(p.BacklogTarget).QuoTruncate(p.BacklogTarget)
	if pr.GT(sdkmath.LegacyOneDec()) {
		return sdkmath.LegacyOneDec()
	}
	return pr
}

// Shares are the role shares under backlog pressure: moved =
// base_optimizer·max_role_shift·pressure (truncated) leaves the optimizer
// share and joins the evaluator share; validator and community shares are
// the base ones. The same decimal is subtracted and added, and decimal
// addition is exact, so the shares sum to exactly the base sum, 1.
func (p Params) Shares(lambdaBacklog sdkmath.LegacyDec) (RoleShares, sdkmath.LegacyDec) {
	pressure := p.Pressure(lambdaBacklog)
	b := p.BaseShares
	moved := b.Optimizer.MulTruncate(p.MaxRoleShift).MulTruncate(pressure)
	return RoleShares{
		Optimizer: b.Optimizer.Sub(moved),
		Evaluator: b.Evaluator.Add(moved),
		Validator: b.Validator,
		Community: b.Community,
	}, pressure
}
