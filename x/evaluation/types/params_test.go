package types_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/evaluation/types"
)

func TestDefaultParams(t *testing.T) {
	p := types.DefaultParams()
	require.NoError(t, p.Validate())
	// Spot-check the documented defaults.
	require.Equal(t, sdkmath.NewInt(1_000_000), p.MinCollateral)
	requireDecEq(t, dec("2"), p.CollateralRatio)
	require.Equal(t, uint32(1000), p.MaxCapacity)
	require.Equal(t, uint64(20), p.AuctionBlocks)
	requireDecEq(t, dec("0.2"), p.ReserveRatio)
	requireDecEq(t, dec("0.5"), p.MMin)
	requireDecEq(t, dec("1000000"), p.MaxAbsInput)
	requireDecEq(t, dec("0.05"), p.AlphaOk)
	requireDecEq(t, dec("0.2"), p.AlphaFail)
	require.Equal(t, uint32(200), p.MaxDuePerBlock)
	require.Equal(t, uint64(100), p.RetryIntervalBlocks)
	require.Equal(t, types.DefaultLoadCurve(), p.LoadCurve)
	requireDecEq(t, dec("1"), p.LoadCurve.Peak())
}

func TestParamsValidateRejects(t *testing.T) {
	nilDec, nilInt := sdkmath.LegacyDec{}, sdkmath.Int{}
	cases := []struct {
		name   string
		msg    string // the specific check that must fire
		mutate func(*types.Params)
	}{
		{"nil min_collateral", "min_collateral must be a positive amount", func(p *types.Params) { p.MinCollateral = nilInt }},
		{"zero min_collateral", "min_collateral must be a positive amount", func(p *types.Params) { p.MinCollateral = sdkmath.ZeroInt() }},
		{"negative min_collateral", "min_collateral", func(p *types.Params) { p.MinCollateral = sdkmath.NewInt(-1) }},
		{"nil collateral_ratio", "collateral_ratio must be in (0, 1000]", func(p *types.Params) { p.CollateralRatio = nilDec }},
		{"zero collateral_ratio", "collateral_ratio", func(p *types.Params) { p.CollateralRatio = dec("0") }},
		{"huge collateral_ratio", "collateral_ratio", func(p *types.Params) { p.CollateralRatio = dec("1000.1") }},
		{"zero max_capacity", "max_capacity must be at least 1", func(p *types.Params) { p.MaxCapacity = 0 }},
		{"zero unbonding_blocks", "unbonding_blocks must be in [1,", func(p *types.Params) { p.UnbondingBlocks = 0 }},
		{"huge unbonding_blocks", "unbonding_blocks", func(p *types.Params) { p.UnbondingBlocks = types.MaxParamBlocks + 1 }},
		{"nil min_fee", "min_fee must be a positive amount", func(p *types.Params) { p.MinFee = nilInt }},
		{"zero min_fee", "min_fee", func(p *types.Params) { p.MinFee = sdkmath.ZeroInt() }},
		{"zero max_rows", "max_rows must be in [1, 65536]", func(p *types.Params) { p.MaxRows = 0 }},
		{"huge max_rows", "max_rows", func(p *types.Params) { p.MaxRows = 65_537 }},
		{"nil max_abs_input", "max_abs_input must be in (0, 500000000000]", func(p *types.Params) { p.MaxAbsInput = nilDec }},
		{"zero max_abs_input", "max_abs_input", func(p *types.Params) { p.MaxAbsInput = dec("0") }},
		{"negative max_abs_input", "max_abs_input", func(p *types.Params) { p.MaxAbsInput = dec("-1") }},
		{"max_abs_input beyond Q39.24", "max_abs_input", func(p *types.Params) { p.MaxAbsInput = dec("500000000000.000001") }},
		{"zero min_deadline_blocks", "min_deadline_blocks must be in [1,", func(p *types.Params) { p.MinDeadlineBlocks = 0 }},
		{"min > max deadline", "min_deadline_blocks 10001 exceeds max_deadline_blocks 10000", func(p *types.Params) { p.MinDeadlineBlocks = 10_001 }},
		{"huge max_deadline_blocks", "max_deadline_blocks", func(p *types.Params) { p.MaxDeadlineBlocks = types.MaxParamBlocks + 1 }},
		{"zero auction_blocks", "auction_blocks must be in [1,", func(p *types.Params) { p.AuctionBlocks = 0 }},
		{"nil reserve_ratio", "reserve_ratio must be in [0, 1]", func(p *types.Params) { p.ReserveRatio = nilDec }},
		{"negative reserve_ratio", "reserve_ratio", func(p *types.Params) { p.ReserveRatio = dec("-0.1") }},
		{"reserve_ratio > 1", "reserve_ratio", func(p *types.Params) { p.ReserveRatio = dec("1.1") }},
		{"bad load_curve", "load_curve not continuous at b", func(p *types.Params) { p.LoadCurve.D = dec("2") }},
		{"nil m_min", "m_min must be in [0, 1]", func(p *types.Params) { p.MMin = nilDec }},
		{"m_min > 1", "m_min", func(p *types.Params) { p.MMin = dec("1.01") }},
		{"negative m_min", "m_min", func(p *types.Params) { p.MMin = dec("-0.01") }},
		{"zero challenge_blocks", "challenge_blocks must be in [1,", func(p *types.Params) { p.ChallengeBlocks = 0 }},
		{"nil min_challenge_bond", "min_challenge_bond must be a non-negative amount", func(p *types.Params) { p.MinChallengeBond = nilInt }},
		{"negative min_challenge_bond", "min_challenge_bond", func(p *types.Params) { p.MinChallengeBond = sdkmath.NewInt(-1) }},
		{"zero gas_per_op", "gas_per_op must be at least 1", func(p *types.Params) { p.GasPerOp = 0 }},
		{"slash_fraction_wrong > 1", "slash_fraction_wrong must be in [0, 1]", func(p *types.Params) { p.SlashFractionWrong = dec("1.5") }},
		{"nil bounty_fraction", "bounty_fraction", func(p *types.Params) { p.BountyFraction = nilDec }},
		{"negative slash_fraction_timeout", "slash_fraction_timeout", func(p *types.Params) { p.SlashFractionTimeout = dec("-0.05") }},
		{"huge timeout_grace_blocks", "timeout_grace_blocks must be in [0,", func(p *types.Params) { p.TimeoutGraceBlocks = types.MaxParamBlocks + 1 }},
		{"huge refund_grace_blocks", "refund_grace_blocks", func(p *types.Params) { p.RefundGraceBlocks = types.MaxParamBlocks + 1 }},
		{"nil demand_burn_fraction", "demand_burn_fraction must be in [0, 1]", func(p *types.Params) { p.DemandBurnFraction = nilDec }},
		{"royalty_fraction > 1", "royalty_fraction", func(p *types.Params) { p.RoyaltyFraction = dec("1.2") }},
		{"burn + royalty > 1", "demand_burn_fraction + royalty_fraction 1.000000000000000001 exceeds 1", func(p *types.Params) {
			p.DemandBurnFraction, p.RoyaltyFraction = dec("0.5"), dec("0.500000000000000001")
		}},
		{"nil initial_reputation", "initial_reputation must be in [0, 1]", func(p *types.Params) { p.InitialReputation = nilDec }},
		{"initial_reputation > 1", "initial_reputation", func(p *types.Params) { p.InitialReputation = dec("1.5") }},
		{"zero alpha_ok", "alpha_ok must be in (0, 1]", func(p *types.Params) { p.AlphaOk = dec("0") }},
		{"alpha_fail > 1", "alpha_fail must be in (0, 1]", func(p *types.Params) { p.AlphaFail = dec("1.01") }},
		{"nil alpha_fail", "alpha_fail", func(p *types.Params) { p.AlphaFail = nilDec }},
		{"negative min_reputation", "min_reputation must be in [0, 1]", func(p *types.Params) { p.MinReputation = dec("-0.3") }},
		{"symmetric alphas", "alpha_fail 0.050000000000000000 must exceed alpha_ok", func(p *types.Params) { p.AlphaFail = dec("0.05") }},
		{"initial below min", "initial_reputation 0.200000000000000000 is below min_reputation", func(p *types.Params) {
			p.InitialReputation = dec("0.2")
		}},
		{"huge suspension_blocks", "suspension_blocks", func(p *types.Params) { p.SuspensionBlocks = types.MaxParamBlocks + 1 }},
		{"zero max_due_per_block", "max_due_per_block must be at least 1", func(p *types.Params) { p.MaxDuePerBlock = 0 }},
		{"zero retry_interval_blocks", "retry_interval_blocks must be in [1,", func(p *types.Params) { p.RetryIntervalBlocks = 0 }},
		{"huge retry_interval_blocks", "retry_interval_blocks", func(p *types.Params) { p.RetryIntervalBlocks = types.MaxParamBlocks + 1 }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := types.DefaultParams()
			tc.mutate(&p)
			err := p.Validate()
			require.ErrorIs(t, err, types.ErrInvalidParams)
			require.ErrorContains(t, err, tc.msg)
		})
	}
}

func TestParamsValidateAcceptsBoundaries(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(*types.Params)
	}{
		{"collateral_ratio 1000", func(p *types.Params) { p.CollateralRatio = dec("1000") }},
		{"collateral_ratio below 1", func(p *types.Params) { p.CollateralRatio = dec("0.5") }},
		{"max_rows 65536", func(p *types.Params) { p.MaxRows = 65_536 }},
		{"max_abs_input at the limit", func(p *types.Params) { p.MaxAbsInput = dec("500000000000") }},
		{"min == max deadline", func(p *types.Params) { p.MinDeadlineBlocks, p.MaxDeadlineBlocks = 5, 5 }},
		{"reserve_ratio 0", func(p *types.Params) { p.ReserveRatio = dec("0") }},
		{"reserve_ratio 1", func(p *types.Params) { p.ReserveRatio = dec("1") }},
		{"m_min 1", func(p *types.Params) { p.MMin = dec("1") }},
		{"zero challenge bond", func(p *types.Params) { p.MinChallengeBond = sdkmath.ZeroInt() }},
		{"no grace periods", func(p *types.Params) { p.TimeoutGraceBlocks, p.RefundGraceBlocks, p.SuspensionBlocks = 0, 0, 0 }},
		{"burn + royalty = 1", func(p *types.Params) { p.DemandBurnFraction, p.RoyaltyFraction = dec("0.3"), dec("0.7") }},
		{"alpha_fail 1", func(p *types.Params) { p.AlphaFail = dec("1") }},
		{"initial == min reputation", func(p *types.Params) { p.InitialReputation, p.MinReputation = dec("0"), dec("0") }},
		{"durations at the cap", func(p *types.Params) { p.UnbondingBlocks, p.AuctionBlocks = types.MaxParamBlocks, types.MaxParamBlocks }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := types.DefaultParams()
			tc.mutate(&p)
			require.NoError(t, p.Validate())
		})
	}
}
