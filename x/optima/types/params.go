package types

import (
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// DefaultBondDenom is the denom of default deposits and bonds.
const DefaultBondDenom = "udon"

// MinEvalSamples is the smallest sample that gives a usable standard deviation.
const MinEvalSamples = 10

// DefaultParams are the params of a new chain.
func DefaultParams() Params {
	return Params{
		MaxParams:              4096,
		MaxEvalSamples:         4096,
		MaxOpsPerVerification:  200_000_000,
		GasPerOp:               1,
		ZScore:                 sdkmath.LegacyNewDec(3),
		RejectBurnFraction:     sdkmath.LegacyNewDecWithPrec(2, 1),
		MinModelDeposit:        sdk.NewInt64Coin(DefaultBondDenom, 1_000_000),
		MinCommitBond:          sdk.NewInt64Coin(DefaultBondDenom, 1_000),
		MaxSeedBlocks:          20,
		MaxRevealWindow:        1_000,
		BeaconRetention:        1_100,
		MaxExpirationsPerBlock: 100,
		MaxNameLength:          64,
		MaxIncrement:           DefaultMaxIncrement(),
	}
}

// Validate checks every bound of the params.
func (p Params) Validate() error {
	switch {
	case p.MaxParams == 0:
		return errorsmod.Wrap(ErrInvalidParams, "max_params must be positive")
	case p.MaxEvalSamples < MinEvalSamples:
		return errorsmod.Wrapf(ErrInvalidParams, "max_eval_samples must be at least %d", MinEvalSamples)
	case p.MaxOpsPerVerification == 0:
		return errorsmod.Wrap(ErrInvalidParams, "max_ops_per_verification must be positive")
	case p.GasPerOp == 0:
		return errorsmod.Wrap(ErrInvalidParams, "gas_per_op must be positive")
	case p.ZScore.IsNil() || p.ZScore.IsNegative():
		return errorsmod.Wrap(ErrInvalidParams, "z_score must be non-negative")
	case p.RejectBurnFraction.IsNil() || p.RejectBurnFraction.IsNegative() || p.RejectBurnFraction.GT(sdkmath.LegacyOneDec()):
		return errorsmod.Wrap(ErrInvalidParams, "reject_burn_fraction must be in [0, 1]")
	case p.MaxSeedBlocks == 0:
		return errorsmod.Wrap(ErrInvalidParams, "max_seed_blocks must be positive")
	case p.MaxRevealWindow == 0:
		return errorsmod.Wrap(ErrInvalidParams, "max_reveal_window must be positive")
	case uint64(p.BeaconRetention) <= uint64(p.MaxSeedBlocks)+uint64(p.MaxRevealWindow):
		return errorsmod.Wrap(ErrInvalidParams, "beacon_retention must exceed max_seed_blocks + max_reveal_window")
	case p.MaxExpirationsPerBlock == 0:
		return errorsmod.Wrap(ErrInvalidParams, "max_expirations_per_block must be positive")
	case p.MaxNameLength == 0:
		return errorsmod.Wrap(ErrInvalidParams, "max_name_length must be positive")
	case p.MaxIncrement.IsNil() || !p.MaxIncrement.IsPositive():
		return errorsmod.Wrap(ErrInvalidParams, "max_increment must be positive")
	}
	if err := validateCoin("min_model_deposit", p.MinModelDeposit); err != nil {
		return err
	}
	return validateCoin("min_commit_bond", p.MinCommitBond)
}

func validateCoin(field string, c sdk.Coin) error {
	if err := c.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidParams, "%s: %s", field, err)
	}
	if !c.IsPositive() {
		return errorsmod.Wrapf(ErrInvalidParams, "%s must be positive", field)
	}
	return nil
}
