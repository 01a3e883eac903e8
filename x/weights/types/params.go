package types

import (
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
)

// MaxRefreshPerBlock caps refresh_per_block, the bound of EndBlock's idle loop.
const MaxRefreshPerBlock = 10_000

func dec(s string) sdkmath.LegacyDec { return sdkmath.LegacyMustNewDecFromStr(s) }

// DefaultFilterParams is an exponential moving average with rate 0.1
// (ω = 0, β = 1, α = 0.1): a signal's weight halves in about 6.6 blocks.
func DefaultFilterParams() FilterParams {
	return FilterParams{Omega: sdkmath.LegacyZeroDec(), Beta: sdkmath.LegacyOneDec(), Alpha: dec("0.1")}
}

// DefaultBaseShares are the default role shares of docs/weights.md ("Role
// shares").
func DefaultBaseShares() RoleShares {
	return RoleShares{Optimizer: dec("0.60"), Evaluator: dec("0.20"), Validator: dec("0.15"), Community: dec("0.05")}
}

// DefaultD0 is the prior demand of an admitted model, in udon per block,
// chosen by the simulator's washtrade experiment (docs/economics.md,
// "Weight buying"): buying demand costs its buyer at least burn ·
// (1 − evaluator_mint_per_burn · rep) per udon, while the weight it buys
// steers the optimizer pool, so buying pays while the prior is small
// against the issuance per block. At the genesis coinbase (the largest the
// schedule ever pays) weight buying and demand-backed model spam turned
// unprofitable between d0 = 10⁷ and 10⁸ at the default burn, and need
// about 3·10⁸ (300 DON per block) at half the burn with 0.75 of it minted
// back to the evaluator, the cheapest demand of the neighbourhood. Demand moves weights once clients pay
// comparable fees; one request moves a weight by at most
// (1 − ε)·t / (1 + √(1 + t))², t = α·x / d0 (0.05 needs t = 0.24:
// TestOneRequestCannotSwingAWeight).
func DefaultD0() sdkmath.LegacyDec { return sdkmath.LegacyNewDec(300_000_000) }

// DefaultParams are the params of a new chain.
func DefaultParams() Params {
	return Params{
		Reveals:              DefaultFilterParams(),
		Accepted:             DefaultFilterParams(),
		Requests:             DefaultFilterParams(),
		Fees:                 DefaultFilterParams(),
		Backlog:              DefaultFilterParams(),
		D0:                   DefaultD0(),
		S0:                   sdkmath.LegacyOneDec(),
		Sigma:                dec("0.5"),
		Epsilon:              dec("0.1"),
		BaseShares:           DefaultBaseShares(),
		MaxRoleShift:         dec("0.25"),
		BacklogTarget:        sdkmath.LegacyNewDec(100),
		RefreshPerBlock:      32,
		WeightEventThreshold: dec("0.01"),
	}
}

// Validate checks a filter's coefficients: ω ≥ 0 and 0 ≤ α ≤ β ≤ 1, so the
// persistence c = β − α is in [0, 1] and a filter fed y ≥ 0 stays ≥ 0 and
// bounded.
func (f FilterParams) Validate(name string) error {
	one := sdkmath.LegacyOneDec()
	switch {
	case f.Omega.IsNil() || f.Beta.IsNil() || f.Alpha.IsNil():
		return errorsmod.Wrapf(ErrInvalidParams, "%s filter: omega, beta and alpha are required", name)
	case f.Omega.IsNegative():
		return errorsmod.Wrapf(ErrInvalidParams, "%s filter: omega %s is negative", name, f.Omega)
	case f.Alpha.IsNegative() || f.Alpha.GT(one):
		return errorsmod.Wrapf(ErrInvalidParams, "%s filter: alpha %s outside [0, 1]", name, f.Alpha)
	case f.Beta.LT(f.Alpha) || f.Beta.GT(one):
		return errorsmod.Wrapf(ErrInvalidParams, "%s filter: beta %s outside [alpha, 1]", name, f.Beta)
	}
	return nil
}

// Filter returns the params of a per-model signal kind.
func (p Params) Filter(kind int) FilterParams {
	switch kind {
	case KindReveals:
		return p.Reveals
	case KindAccepted:
		return p.Accepted
	case KindRequests:
		return p.Requests
	default:
		return p.Fees
	}
}

// Validate checks every bound of the params.
func (p Params) Validate() error {
	for _, f := range []struct {
		name string
		f    FilterParams
	}{{"reveals", p.Reveals}, {"accepted", p.Accepted}, {"requests", p.Requests}, {"fees", p.Fees}, {"backlog", p.Backlog}} {
		if err := f.f.Validate(f.name); err != nil {
			return err
		}
	}
	one := sdkmath.LegacyOneDec()
	for _, d := range []struct {
		name string
		v    sdkmath.LegacyDec
	}{
		{"d0", p.D0}, {"s0", p.S0}, {"sigma", p.Sigma}, {"epsilon", p.Epsilon},
		{"max_role_shift", p.MaxRoleShift}, {"backlog_target", p.BacklogTarget}, {"weight_event_threshold", p.WeightEventThreshold},
	} {
		if d.v.IsNil() {
			return errorsmod.Wrapf(ErrInvalidParams, "%s is required", d.name)
		}
		if d.v.IsNegative() {
			return errorsmod.Wrapf(ErrInvalidParams, "%s %s is negative", d.name, d.v)
		}
	}
	switch {
	case !p.D0.IsPositive():
		return errorsmod.Wrap(ErrInvalidParams, "d0 must be positive (an admitted model without demand must weigh something)")
	case !p.S0.IsPositive():
		return errorsmod.Wrap(ErrInvalidParams, "s0 must be positive")
	case p.Sigma.GT(one):
		return errorsmod.Wrapf(ErrInvalidParams, "sigma %s above 1", p.Sigma)
	case !p.Sigma.MulInt64(16).IsInteger():
		return errorsmod.Wrapf(ErrInvalidParams, "sigma %s is not a multiple of 1/16", p.Sigma)
	case p.Epsilon.GTE(one):
		return errorsmod.Wrapf(ErrInvalidParams, "epsilon %s must be below 1", p.Epsilon)
	case p.MaxRoleShift.GT(one):
		return errorsmod.Wrapf(ErrInvalidParams, "max_role_shift %s above 1", p.MaxRoleShift)
	case !p.BacklogTarget.IsPositive():
		return errorsmod.Wrap(ErrInvalidParams, "backlog_target must be positive")
	case p.WeightEventThreshold.GT(one):
		return errorsmod.Wrapf(ErrInvalidParams, "weight_event_threshold %s above 1", p.WeightEventThreshold)
	case p.RefreshPerBlock == 0 || p.RefreshPerBlock > MaxRefreshPerBlock:
		return errorsmod.Wrapf(ErrInvalidParams, "refresh_per_block %d outside [1, %d]", p.RefreshPerBlock, MaxRefreshPerBlock)
	}
	if err := p.BaseShares.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidParams, "base_shares: %s", err)
	}
	return nil
}
