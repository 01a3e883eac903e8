package types

import (
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// DefaultMaxPayoutsPerBlock bounds the payees of one EndBlock: a twentieth
// of paying a 10,000-participant round at once (BenchmarkRoundPayout10k),
// while 120 blocks of a 10-minute round at 5 s blocks pay 60,000 payees
// (docs/mint.md#payout).
const DefaultMaxPayoutsPerBlock = 500

// DefaultParams: a 21 M DON cap (in udon), 1/10,000 of what remains per
// round, ten-minute rounds retargeted every ten rounds.
func DefaultParams() Params {
	return Params{
		MintDenom:          "udon",
		MaxSupply:          sdkmath.NewInt(21_000_000_000_000),
		EmissionRate:       sdkmath.LegacyNewDecWithPrec(1, 4),
		InitialDifficulty:  sdkmath.LegacyNewDecWithPrec(5, 2), // docs/params.md: chosen by the simulator's retarget experiment
		MinDifficulty:      sdkmath.LegacyNewDecWithPrec(1, 4),
		TargetRoundSeconds: 600,
		RetargetInterval:   10,
		StallFactor:        sdkmath.LegacyNewDec(4),
		StallDecay:         sdkmath.LegacyNewDecWithPrec(1, 3),
		MaxRoundHistory:    1000,
		// Half of what evaluators' requests burned at most comes back to
		// them: self-dealing loses at least half of every burn.
		EvaluatorMintPerBurn: sdkmath.LegacyNewDecWithPrec(5, 1),
		MaxPayoutsPerBlock:   DefaultMaxPayoutsPerBlock,
	}
}

// Validate checks every bound of the params.
func (p Params) Validate() error {
	one := sdkmath.LegacyOneDec()
	switch {
	case sdk.ValidateDenom(p.MintDenom) != nil:
		return errorsmod.Wrapf(ErrInvalidParams, "mint_denom %q", p.MintDenom)
	case p.MaxSupply.IsNil() || !p.MaxSupply.IsPositive():
		return errorsmod.Wrap(ErrInvalidParams, "max_supply must be positive")
	case p.EmissionRate.IsNil() || !p.EmissionRate.IsPositive() || p.EmissionRate.GTE(one):
		return errorsmod.Wrap(ErrInvalidParams, "emission_rate must be in (0, 1)")
	case p.MinDifficulty.IsNil() || !p.MinDifficulty.IsPositive():
		return errorsmod.Wrap(ErrInvalidParams, "min_difficulty must be positive")
	case p.InitialDifficulty.IsNil() || p.InitialDifficulty.LT(p.MinDifficulty):
		return errorsmod.Wrap(ErrInvalidParams, "initial_difficulty must be at least min_difficulty")
	case p.TargetRoundSeconds == 0:
		return errorsmod.Wrap(ErrInvalidParams, "target_round_seconds must be positive")
	case p.RetargetInterval == 0:
		return errorsmod.Wrap(ErrInvalidParams, "retarget_interval must be positive")
	case p.StallFactor.IsNil() || p.StallFactor.LT(one):
		return errorsmod.Wrap(ErrInvalidParams, "stall_factor must be at least 1")
	case p.StallDecay.IsNil() || p.StallDecay.IsNegative() || p.StallDecay.GTE(one):
		return errorsmod.Wrap(ErrInvalidParams, "stall_decay must be in [0, 1)")
	case p.MaxRoundHistory == 0:
		return errorsmod.Wrap(ErrInvalidParams, "max_round_history must be positive")
	case p.EvaluatorMintPerBurn.IsNil() || p.EvaluatorMintPerBurn.IsNegative() || p.EvaluatorMintPerBurn.GTE(one):
		// At 1 or more an evaluator paying itself would get back all it
		// burned: wash trading would cost nothing.
		return errorsmod.Wrap(ErrInvalidParams, "evaluator_mint_per_burn must be in [0, 1)")
	case p.MaxPayoutsPerBlock == 0:
		// With no payee per block no round would ever finish paying.
		return errorsmod.Wrap(ErrInvalidParams, "max_payouts_per_block must be positive")
	}
	return nil
}
