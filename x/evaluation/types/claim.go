package types

import (
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
)

// The claim rules of docs/evaluation.md ("Evaluators", "Personalised
// price", "Reputation"), shared by the keeper and by off-chain evaluators
// (dond evaluator) so both decide with the same code.

// EffectiveReputation applies the suspension rule: an evaluator below
// min_reputation is raised to min_reputation once suspension_blocks have
// passed since its last failure.
func (p Params) EffectiveReputation(ev Evaluator, h int64) sdkmath.LegacyDec {
	if ev.Reputation.LT(p.MinReputation) && h >= ev.LastFailureHeight+int64(p.SuspensionBlocks) {
		return p.MinReputation
	}
	return ev.Reputation
}

// CanClaim tells whether unbonding and reputation allow claims at height h.
func (p Params) CanClaim(ev Evaluator, h int64) bool {
	return ev.UnbondingHeight == 0 && p.EffectiveReputation(ev, h).GTE(p.MinReputation)
}

// Load is open / capacity (1 for a capacity of 0, which registration refuses).
func (ev Evaluator) Load() sdkmath.LegacyDec {
	if ev.Capacity == 0 {
		return sdkmath.LegacyOneDec()
	}
	return sdkmath.LegacyNewDec(int64(ev.Open)).QuoInt64(int64(ev.Capacity))
}

// EvaluatorPrice is the personalised price ev sees for r at height h: its
// claim would fix the request's price at this amount.
func (p Params) EvaluatorPrice(r Request, ev Evaluator, h int64) sdkmath.Int {
	return p.PersonalPrice(r.MaxFee, r.AuctionStart, h, ev.Load(), p.EffectiveReputation(ev, h))
}

// CheckClaim applies the evaluator's side of a claim of a request with
// maxFee at height h: not unbonding, reputation allowed, capacity left and
// the exposure rule (exposure + max_fee) · collateral_ratio ≤ collateral.
func (p Params) CheckClaim(ev Evaluator, maxFee sdkmath.Int, h int64) error {
	switch {
	case ev.UnbondingHeight > 0:
		return errorsmod.Wrapf(ErrEvaluatorUnbonding, "%s", ev.Address)
	case !p.CanClaim(ev, h):
		return errorsmod.Wrapf(ErrLowReputation, "reputation %s < min_reputation %s (suspended until height %d)",
			ev.Reputation, p.MinReputation, ev.LastFailureHeight+int64(p.SuspensionBlocks))
	case ev.Open >= ev.Capacity:
		return errorsmod.Wrapf(ErrCapacityFull, "%d open of capacity %d", ev.Open, ev.Capacity)
	}
	if need := p.CollateralRatio.MulInt(ev.Exposure.Add(maxFee)); need.GT(sdkmath.LegacyNewDecFromInt(ev.Collateral)) {
		return errorsmod.Wrapf(ErrExposure, "(exposure %s + max_fee %s) × %s = %s > collateral %s",
			ev.Exposure, maxFee, p.CollateralRatio, need, ev.Collateral)
	}
	return nil
}
