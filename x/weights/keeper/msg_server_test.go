package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/weights/types"
)

// invalidParams mirrors the types test table: every invalid param.
func invalidParams() map[string]func(*types.Params) {
	return map[string]func(*types.Params){
		"negative alpha":        func(p *types.Params) { p.Reveals.Alpha = dec("-0.1") },
		"alpha above 1":         func(p *types.Params) { p.Requests.Alpha = dec("1.1"); p.Requests.Beta = dec("1.1") },
		"beta below alpha":      func(p *types.Params) { p.Fees.Beta = dec("0.05") },
		"negative omega":        func(p *types.Params) { p.Backlog.Omega = dec("-1") },
		"zero d0":               func(p *types.Params) { p.D0 = dec("0") },
		"zero s0":               func(p *types.Params) { p.S0 = dec("0") },
		"sigma not a sixteenth": func(p *types.Params) { p.Sigma = dec("0.3") },
		"sigma above 1":         func(p *types.Params) { p.Sigma = dec("2") },
		"epsilon 1":             func(p *types.Params) { p.Epsilon = dec("1") },
		"shares not summing 1":  func(p *types.Params) { p.BaseShares.Community = dec("0.06") },
		"negative share":        func(p *types.Params) { p.BaseShares.Validator = dec("-0.05"); p.BaseShares.Optimizer = dec("0.80") },
		"max_role_shift >1":     func(p *types.Params) { p.MaxRoleShift = dec("1.5") },
		"zero backlog target":   func(p *types.Params) { p.BacklogTarget = dec("0") },
		"zero refresh":          func(p *types.Params) { p.RefreshPerBlock = 0 },
		"threshold above 1":     func(p *types.Params) { p.WeightEventThreshold = dec("2") },
		"nil epsilon":           func(p *types.Params) { p.Epsilon = sdkmath.LegacyDec{} },
	}
}

func TestUpdateParams(t *testing.T) {
	e := newEnv(t)
	e.activate(1, 2)
	require.NoError(t, e.k.RecordRequest(e.Ctx, 1, sdkmath.NewInt(100)))
	e.endBlock()

	for name, mutate := range invalidParams() {
		t.Run(name, func(t *testing.T) {
			before := e.snapshot()
			p := testParams()
			mutate(&p)
			_, err := e.msg.UpdateParams(e.Ctx, &types.MsgUpdateParams{Authority: e.Authority, Params: p})
			require.ErrorIs(t, err, types.ErrInvalidParams)
			require.Equal(t, before, e.snapshot(), "a refused update changes nothing")
		})
	}

	before := e.snapshot()
	_, outsider := e.Addr("outsider")
	good := testParams()
	good.Sigma = dec("1")
	_, err := e.msg.UpdateParams(e.Ctx, &types.MsgUpdateParams{Authority: outsider, Params: good})
	require.ErrorIs(t, err, types.ErrUnauthorized)
	require.Equal(t, before, e.snapshot())

	_, err = e.msg.UpdateParams(e.Ctx, &types.MsgUpdateParams{Authority: e.Authority, Params: good})
	require.NoError(t, err)
	res, err := e.q.Params(e.Ctx, &types.QueryParamsRequest{})
	require.NoError(t, err)
	require.Equal(t, good, res.Params)
	// New params reach the stored raws as models are touched; Σraw stays exact.
	e.endBlock()
	require.Equal(t, good.Raw(e.state(1)), e.state(1).Raw)
	require.NoError(t, e.k.CheckInvariants(e.Ctx))
}
