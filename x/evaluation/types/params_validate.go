package types

import (
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
)

const (
	// MaxParamBlocks caps every duration param so that height + duration
	// can never overflow int64 in the keeper.
	MaxParamBlocks uint64 = 1_000_000_000
	// MaxRowsLimit caps max_rows: all of a request's rows travel in one tx
	// and a challenge re-executes them all.
	MaxRowsLimit uint32 = 65_536
)

var (
	// MaxAbsInputLimit keeps every input inside Q39.24 fixed point, whose
	// range is ±2^39 ≈ ±5.4976e11, with headroom.
	MaxAbsInputLimit = sdkmath.LegacyNewDec(500_000_000_000)
	// maxCollateralRatio keeps exposure × ratio far from LegacyDec overflow.
	maxCollateralRatio = sdkmath.LegacyNewDec(1_000)
)

// Validate checks every field; each failure wraps ErrInvalidParams and names
// the field.
func (p Params) Validate() error {
	checks := []func() error{
		func() error { return positiveInt("min_collateral", p.MinCollateral) },
		func() error { return decIn("collateral_ratio", p.CollateralRatio, false, maxCollateralRatio) },
		func() error { return atLeastOne("max_capacity", uint64(p.MaxCapacity)) },
		func() error { return blocks("unbonding_blocks", p.UnbondingBlocks, 1) },
		func() error { return positiveInt("min_fee", p.MinFee) },
		func() error { return rows(p.MaxRows) },
		func() error { return decIn("max_abs_input", p.MaxAbsInput, false, MaxAbsInputLimit) },
		p.validateDeadlines,
		func() error { return blocks("auction_blocks", p.AuctionBlocks, 1) },
		func() error { return fraction("reserve_ratio", p.ReserveRatio) },
		p.LoadCurve.Validate,
		func() error { return fraction("m_min", p.MMin) },
		func() error { return blocks("challenge_blocks", p.ChallengeBlocks, 1) },
		func() error { return nonNegativeInt("min_challenge_bond", p.MinChallengeBond) },
		func() error { return atLeastOne("gas_per_op", p.GasPerOp) },
		func() error { return fraction("slash_fraction_wrong", p.SlashFractionWrong) },
		func() error { return fraction("bounty_fraction", p.BountyFraction) },
		func() error { return fraction("slash_fraction_timeout", p.SlashFractionTimeout) },
		func() error { return blocks("timeout_grace_blocks", p.TimeoutGraceBlocks, 0) },
		func() error { return blocks("refund_grace_blocks", p.RefundGraceBlocks, 0) },
		p.validateSplit,
		p.validateReputation,
		func() error { return blocks("suspension_blocks", p.SuspensionBlocks, 0) },
		func() error { return atLeastOne("max_due_per_block", uint64(p.MaxDuePerBlock)) },
		func() error { return blocks("request_retention_blocks", p.RequestRetentionBlocks, 0) },
		func() error { return blocks("retry_interval_blocks", p.RetryIntervalBlocks, 1) },
	}
	for _, check := range checks {
		if err := check(); err != nil {
			return err
		}
	}
	return nil
}

func (p Params) validateDeadlines() error {
	if err := blocks("min_deadline_blocks", p.MinDeadlineBlocks, 1); err != nil {
		return err
	}
	if err := blocks("max_deadline_blocks", p.MaxDeadlineBlocks, 1); err != nil {
		return err
	}
	if p.MinDeadlineBlocks > p.MaxDeadlineBlocks {
		return errorsmod.Wrapf(ErrInvalidParams, "min_deadline_blocks %d exceeds max_deadline_blocks %d",
			p.MinDeadlineBlocks, p.MaxDeadlineBlocks)
	}
	return nil
}

// validateSplit: burn and royalty come out of the same price, the rest is
// the evaluator's fee, so together they may not exceed it.
func (p Params) validateSplit() error {
	if err := fraction("demand_burn_fraction", p.DemandBurnFraction); err != nil {
		return err
	}
	if err := fraction("royalty_fraction", p.RoyaltyFraction); err != nil {
		return err
	}
	if sum := p.DemandBurnFraction.Add(p.RoyaltyFraction); sum.GT(sdkmath.LegacyOneDec()) {
		return errorsmod.Wrapf(ErrInvalidParams, "demand_burn_fraction + royalty_fraction %s exceeds 1", sum)
	}
	return nil
}

// validateReputation also requires what docs/evaluation.md ("Reputation")
// states: failures weigh more than successes (α_fail > α_ok), and a newcomer
// may claim (initial_reputation ≥ min_reputation).
func (p Params) validateReputation() error {
	for _, c := range []struct {
		name string
		v    sdkmath.LegacyDec
		open bool // (0, 1] instead of [0, 1]
	}{
		{"initial_reputation", p.InitialReputation, false},
		{"alpha_ok", p.AlphaOk, true},
		{"alpha_fail", p.AlphaFail, true},
		{"min_reputation", p.MinReputation, false},
	} {
		if c.open {
			if err := decIn(c.name, c.v, false, sdkmath.LegacyOneDec()); err != nil {
				return err
			}
		} else if err := fraction(c.name, c.v); err != nil {
			return err
		}
	}
	if !p.AlphaFail.GT(p.AlphaOk) {
		return errorsmod.Wrapf(ErrInvalidParams, "alpha_fail %s must exceed alpha_ok %s", p.AlphaFail, p.AlphaOk)
	}
	if p.InitialReputation.LT(p.MinReputation) {
		return errorsmod.Wrapf(ErrInvalidParams, "initial_reputation %s is below min_reputation %s",
			p.InitialReputation, p.MinReputation)
	}
	return nil
}

func positiveInt(name string, v sdkmath.Int) error {
	if v.IsNil() || !v.IsPositive() {
		return errorsmod.Wrapf(ErrInvalidParams, "%s must be a positive amount, got %v", name, v)
	}
	return nil
}

func nonNegativeInt(name string, v sdkmath.Int) error {
	if v.IsNil() || v.IsNegative() {
		return errorsmod.Wrapf(ErrInvalidParams, "%s must be a non-negative amount, got %v", name, v)
	}
	return nil
}

// fraction: v in [0, 1].
func fraction(name string, v sdkmath.LegacyDec) error {
	return decIn(name, v, true, sdkmath.LegacyOneDec())
}

// decIn: v in [0, hi] when zeroOK, else in (0, hi]; hi is an integer.
func decIn(name string, v sdkmath.LegacyDec, zeroOK bool, hi sdkmath.LegacyDec) error {
	lo := "("
	if zeroOK {
		lo = "["
	}
	if v.IsNil() || v.IsNegative() || (!zeroOK && v.IsZero()) || v.GT(hi) {
		return errorsmod.Wrapf(ErrInvalidParams, "%s must be in %s0, %s], got %v", name, lo, hi.TruncateInt(), v)
	}
	return nil
}

func atLeastOne(name string, v uint64) error {
	if v < 1 {
		return errorsmod.Wrapf(ErrInvalidParams, "%s must be at least 1", name)
	}
	return nil
}

// blocks: a duration in [lo, MaxParamBlocks].
func blocks(name string, v, lo uint64) error {
	if v < lo || v > MaxParamBlocks {
		return errorsmod.Wrapf(ErrInvalidParams, "%s must be in [%d, %d], got %d", name, lo, MaxParamBlocks, v)
	}
	return nil
}

func rows(v uint32) error {
	if v < 1 || v > MaxRowsLimit {
		return errorsmod.Wrapf(ErrInvalidParams, "max_rows must be in [1, %d], got %d", MaxRowsLimit, v)
	}
	return nil
}
