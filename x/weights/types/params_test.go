package types_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/weights/types"
)

// InvalidParams is every way the params can be wrong, by name; the keeper
// tests reuse it through a copy of this table.
func invalidParams() map[string]func(*types.Params) {
	return map[string]func(*types.Params){
		"negative alpha":        func(p *types.Params) { p.Reveals.Alpha = dec("-0.1") },
		"alpha above 1":         func(p *types.Params) { p.Requests.Alpha = dec("1.1"); p.Requests.Beta = dec("1.1") },
		"beta below alpha":      func(p *types.Params) { p.Fees.Beta = dec("0.05") },
		"beta above 1":          func(p *types.Params) { p.Accepted.Beta = dec("1.01") },
		"negative omega":        func(p *types.Params) { p.Backlog.Omega = dec("-1") },
		"nil alpha":             func(p *types.Params) { p.Fees.Alpha = sdkmath.LegacyDec{} },
		"zero d0":               func(p *types.Params) { p.D0 = dec("0") },
		"zero s0":               func(p *types.Params) { p.S0 = dec("0") },
		"negative s0":           func(p *types.Params) { p.S0 = dec("-1") },
		"sigma not a sixteenth": func(p *types.Params) { p.Sigma = dec("0.3") },
		"sigma above 1":         func(p *types.Params) { p.Sigma = dec("1.0625") },
		"negative sigma":        func(p *types.Params) { p.Sigma = dec("-0.0625") },
		"epsilon 1":             func(p *types.Params) { p.Epsilon = dec("1") },
		"negative epsilon":      func(p *types.Params) { p.Epsilon = dec("-0.1") },
		"shares sum above 1":    func(p *types.Params) { p.BaseShares.Community = dec("0.06") },
		"shares sum below 1":    func(p *types.Params) { p.BaseShares.Optimizer = dec("0.5") },
		"negative share":        func(p *types.Params) { p.BaseShares.Validator = dec("-0.05"); p.BaseShares.Optimizer = dec("0.80") },
		"share above 1": func(p *types.Params) {
			p.BaseShares = types.RoleShares{Optimizer: dec("1.2"), Evaluator: dec("-0.2"), Validator: dec("0"), Community: dec("0")}
		},
		"max_role_shift above 1":  func(p *types.Params) { p.MaxRoleShift = dec("1.5") },
		"zero backlog target":     func(p *types.Params) { p.BacklogTarget = dec("0") },
		"zero refresh":            func(p *types.Params) { p.RefreshPerBlock = 0 },
		"refresh above the cap":   func(p *types.Params) { p.RefreshPerBlock = types.MaxRefreshPerBlock + 1 },
		"threshold above 1":       func(p *types.Params) { p.WeightEventThreshold = dec("2") },
		"negative threshold":      func(p *types.Params) { p.WeightEventThreshold = dec("-0.01") },
		"nil epsilon":             func(p *types.Params) { p.Epsilon = sdkmath.LegacyDec{} },
		"negative max_role_shift": func(p *types.Params) { p.MaxRoleShift = dec("-0.1") },
	}
}

func TestParamsValidate(t *testing.T) {
	require.NoError(t, types.DefaultParams().Validate())
	ok := types.DefaultParams()
	ok.Sigma, ok.Epsilon, ok.MaxRoleShift = dec("0.0625"), dec("0"), dec("1")
	ok.Fees = types.FilterParams{Omega: dec("3"), Beta: dec("0.5"), Alpha: dec("0.5")}
	require.NoError(t, ok.Validate())
	for name, mutate := range invalidParams() {
		t.Run(name, func(t *testing.T) {
			p := types.DefaultParams()
			mutate(&p)
			require.ErrorIs(t, p.Validate(), types.ErrInvalidParams)
		})
	}
}

func TestRoleSharesValidate(t *testing.T) {
	require.NoError(t, types.DefaultBaseShares().Validate())
	bad := types.DefaultBaseShares()
	bad.Community = dec("0.050000000000000001")
	require.ErrorIs(t, bad.Validate(), types.ErrInvalidRoleShares)
	require.ErrorIs(t, types.RoleShares{}.Validate(), types.ErrInvalidRoleShares)
}

// Role shares stay in [0, 1], sum to exactly 1 and shift monotonically with
// the backlog, capped at max_role_shift of the optimizer share.
func TestSharesUnderPressure(t *testing.T) {
	for _, shift := range []string{"0", "0.25", "0.333333333333333333", "1"} {
		p := types.DefaultParams()
		p.MaxRoleShift = dec(shift)
		p.BacklogTarget = dec("7")
		prevEval := sdkmath.LegacyZeroDec()
		for b := int64(0); b <= 30; b++ {
			shares, pressure := p.Shares(sdkmath.LegacyNewDec(b))
			require.NoError(t, shares.Validate(), "shift %s backlog %d", shift, b)
			require.True(t, pressure.GTE(sdkmath.LegacyZeroDec()) && pressure.LTE(sdkmath.LegacyOneDec()))
			require.True(t, shares.Evaluator.GTE(prevEval))
			prevEval = shares.Evaluator
			if b <= 7 {
				require.Equal(t, p.BaseShares, shares)
			}
			maxMoved := p.BaseShares.Optimizer.Mul(p.MaxRoleShift)
			require.True(t, p.BaseShares.Optimizer.Sub(shares.Optimizer).LTE(maxMoved))
		}
		full, pressure := p.Shares(dec("1000"))
		require.Equal(t, sdkmath.LegacyOneDec(), pressure)
		require.Equal(t, p.BaseShares.Optimizer.MulTruncate(p.MaxRoleShift).String(), full.Evaluator.Sub(p.BaseShares.Evaluator).String())
	}
}
