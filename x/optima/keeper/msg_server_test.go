package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/testutil/fixture"
	"github.com/don-network/don/x/optima/types"
)

const deposit = 5_000_000

func (e *env) registerMsg(creator string) *types.MsgRegisterModel {
	g := regimeARSpec(e.T, "my-model")
	return &types.MsgRegisterModel{
		Creator: creator, Name: g.Name, Domain: g.Domain, Config: g.Config,
		EvalSamples: g.EvalSamples, MinImprovement: g.MinImprovement,
		SeedBlocks: g.SeedBlocks, RevealWindow: g.RevealWindow, CommitBond: g.CommitBond,
		Deposit: sdk.NewInt64Coin(fixture.Denom, deposit),
	}
}

func TestRegisterModel(t *testing.T) {
	e := newEnv(t)
	creator, creatorStr := e.Addr("creator")
	e.Fund(creator, funds)

	res, err := e.msg.RegisterModel(e.Ctx, e.registerMsg(creatorStr))
	require.NoError(t, err)
	require.Equal(t, uint64(2), res.ModelId)
	require.True(t, res.InitialLoss.IsPositive())
	require.Equal(t, sdkmath.NewInt(funds-deposit), e.Balance(creator))
	require.Equal(t, sdkmath.NewInt(deposit), e.ModuleBalance(types.ModuleName))

	m, err := e.q.Model(e.Ctx, &types.QueryModelRequest{ModelId: res.ModelId})
	require.NoError(t, err)
	require.Equal(t, types.MODEL_STATUS_ACTIVE, m.Model.Status)
	require.Equal(t, uint32(5), m.Model.NumParams)
	best, err := e.q.BestOptimum(e.Ctx, &types.QueryBestOptimumRequest{ModelId: res.ModelId})
	require.NoError(t, err)
	require.Equal(t, make([]int64, 5), best.Optimum.Params, "optimum 0 is the zero vector")
	require.Equal(t, res.InitialLoss, best.Optimum.Loss)
}

func TestRegisterModelBadInputs(t *testing.T) {
	e := newEnv(t)
	creator, creatorStr := e.Addr("creator")
	e.Fund(creator, funds)
	poor, poorStr := e.Addr("poor")
	e.Fund(poor, deposit-1)

	friedman, err := types.DefaultDomainConfig("friedman1")
	require.NoError(t, err)
	huge := types.DomainConfig{Config: &types.DomainConfig_Spirals{Spirals: &types.SpiralsConfig{Hidden: 64, Noise: "0.04", FlipProb: "0.05", Turns: "2"}}}

	cases := []struct {
		name string
		mod  func(*types.MsgRegisterModel)
		err  error
	}{
		{"unknown domain", func(m *types.MsgRegisterModel) { m.Domain = "mnist" }, types.ErrUnknownDomain},
		{"config of another domain", func(m *types.MsgRegisterModel) { m.Config = friedman }, types.ErrInvalidDomainConfig},
		{"missing config", func(m *types.MsgRegisterModel) { m.Config = types.DomainConfig{} }, types.ErrInvalidDomainConfig},
		{"config out of range", func(m *types.MsgRegisterModel) { m.Config.GetRegimeAr().Lags = 0 }, types.ErrInvalidDomainConfig},
		{"config not a decimal", func(m *types.MsgRegisterModel) { m.Config.GetRegimeAr().Sigma = []string{"x", "1"} }, types.ErrInvalidDomainConfig},
		{"too many params", func(m *types.MsgRegisterModel) { m.Domain, m.Config = "spirals", huge }, types.ErrTooManyParams},
		{"initial params of the wrong length", func(m *types.MsgRegisterModel) { m.InitialParams = []int64{1, 2} }, types.ErrParamsLength},
		{"too few eval samples", func(m *types.MsgRegisterModel) { m.EvalSamples = 3 }, types.ErrInvalidModel},
		{"min improvement of one", func(m *types.MsgRegisterModel) { m.MinImprovement = sdkmath.LegacyOneDec() }, types.ErrInvalidModel},
		{"zero reveal window", func(m *types.MsgRegisterModel) { m.RevealWindow = 0 }, types.ErrInvalidModel},
		{"bond below the minimum", func(m *types.MsgRegisterModel) { m.CommitBond = sdk.NewInt64Coin(fixture.Denom, 1) }, types.ErrInvalidModel},
		{"deposit below the minimum", func(m *types.MsgRegisterModel) { m.Deposit = sdk.NewInt64Coin(fixture.Denom, 1) }, types.ErrInvalidModel},
		{"empty name", func(m *types.MsgRegisterModel) { m.Name = "" }, types.ErrInvalidModel},
		{"no funds for the deposit", func(m *types.MsgRegisterModel) { m.Creator = poorStr }, types.ErrInsufficientFunds},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			msg := e.registerMsg(creatorStr)
			tc.mod(msg)
			before := e.snapshot(creator, poor)
			_, err := e.msg.RegisterModel(e.Ctx, msg)
			require.ErrorIs(t, err, tc.err)
			require.Equal(t, before, e.snapshot(creator, poor), "state changed")
		})
	}
}

func TestRetireModel(t *testing.T) {
	e := newEnv(t)
	creator, creatorStr := e.Addr("creator")
	e.Fund(creator, funds)
	res, err := e.msg.RegisterModel(e.Ctx, e.registerMsg(creatorStr))
	require.NoError(t, err)

	before := e.snapshot(creator)
	_, err = e.msg.RetireModel(e.Ctx, &types.MsgRetireModel{Signer: e.optimizerStr, ModelId: res.ModelId})
	require.ErrorIs(t, err, types.ErrUnauthorized, "a stranger may not retire")
	require.Equal(t, before, e.snapshot(creator))

	_, err = e.msg.RetireModel(e.Ctx, &types.MsgRetireModel{Signer: creatorStr, ModelId: 42})
	require.ErrorIs(t, err, types.ErrModelNotFound)

	admitted, known := e.weights.active[res.ModelId]
	require.True(t, known, "x/weights learned of the model")
	require.False(t, admitted, "as an open model: anyone registered it")
	_, err = e.msg.RetireModel(e.Ctx, &types.MsgRetireModel{Signer: creatorStr, ModelId: res.ModelId})
	require.NoError(t, err)
	require.Equal(t, sdkmath.NewInt(funds), e.Balance(creator), "deposit returned")
	_, known = e.weights.active[res.ModelId]
	require.False(t, known, "and of its retirement")

	_, err = e.msg.RetireModel(e.Ctx, &types.MsgRetireModel{Signer: creatorStr, ModelId: res.ModelId})
	require.ErrorIs(t, err, types.ErrModelNotActive)
	_, err = e.msg.CommitOptimum(e.Ctx, &types.MsgCommitOptimum{Optimizer: e.optimizerStr, ModelId: res.ModelId, Commitment: make([]byte, 32)})
	require.ErrorIs(t, err, types.ErrModelNotActive)

	// Governance may retire the genesis model.
	_, err = e.msg.RetireModel(e.Ctx, &types.MsgRetireModel{Signer: e.Authority, ModelId: testModel})
	require.NoError(t, err)
}

func TestRevealOnRetiredModelRefundsBond(t *testing.T) {
	e := newEnv(t)
	before := e.Balance(e.optimizer)
	id := e.commit(goodAR(t))
	_, err := e.msg.RetireModel(e.Ctx, &types.MsgRetireModel{Signer: e.Authority, ModelId: testModel})
	require.NoError(t, err)
	e.advance(3)
	res, err := e.msg.RevealOptimum(e.Ctx, &types.MsgRevealOptimum{Optimizer: e.optimizerStr, CommitId: id, Params: goodAR(t), Salt: testSalt})
	require.NoError(t, err)
	require.False(t, res.Accepted)
	require.Equal(t, types.ReasonModelRetired, res.Reason)
	require.Equal(t, before, e.Balance(e.optimizer))
	require.True(t, hasEvent(e.Ctx.EventManager().Events(), "don.optima.v1.EventOptimumRejected"))
}

func TestRollbackOptimum(t *testing.T) {
	e := newEnv(t)
	id := e.commit(goodAR(t))
	e.advance(3)
	_, err := e.msg.RevealOptimum(e.Ctx, &types.MsgRevealOptimum{Optimizer: e.optimizerStr, CommitId: id, Params: goodAR(t), Salt: testSalt})
	require.NoError(t, err)

	before := e.snapshot()
	_, err = e.msg.RollbackOptimum(e.Ctx, &types.MsgRollbackOptimum{Authority: e.optimizerStr, ModelId: testModel, OptimumId: 0})
	require.ErrorIs(t, err, types.ErrUnauthorized)
	_, err = e.msg.RollbackOptimum(e.Ctx, &types.MsgRollbackOptimum{Authority: e.Authority, ModelId: testModel, OptimumId: 9})
	require.ErrorIs(t, err, types.ErrOptimumNotFound)
	require.Equal(t, before, e.snapshot())

	_, err = e.msg.RollbackOptimum(e.Ctx, &types.MsgRollbackOptimum{Authority: e.Authority, ModelId: testModel, OptimumId: 0})
	require.NoError(t, err)
	model, err := e.k.GetModel(e.Ctx, testModel)
	require.NoError(t, err)
	require.Equal(t, uint64(0), model.BestOptimumId)
	require.Equal(t, uint64(2), model.OptimumCount, "history stays intact")
	require.True(t, hasEvent(e.Ctx.EventManager().Events(), "don.optima.v1.EventOptimumRolledBack"))
}

func TestUpdateParams(t *testing.T) {
	e := newEnv(t)
	p := types.DefaultParams()
	p.MaxEvalSamples = 100

	before := e.snapshot()
	_, err := e.msg.UpdateParams(e.Ctx, &types.MsgUpdateParams{Authority: e.optimizerStr, Params: p})
	require.ErrorIs(t, err, types.ErrUnauthorized)
	bad := p
	bad.BeaconRetention = 1
	_, err = e.msg.UpdateParams(e.Ctx, &types.MsgUpdateParams{Authority: e.Authority, Params: bad})
	require.ErrorIs(t, err, types.ErrInvalidParams)
	require.Equal(t, before, e.snapshot())

	_, err = e.msg.UpdateParams(e.Ctx, &types.MsgUpdateParams{Authority: e.Authority, Params: p})
	require.NoError(t, err)
	got, err := e.q.Params(e.Ctx, &types.QueryParamsRequest{})
	require.NoError(t, err)
	require.Equal(t, p, got.Params)
}

func TestGenesisRoundTrip(t *testing.T) {
	e := newEnv(t)
	id := e.commit(goodAR(t))
	e.commit(goodAR(t)) // stays open
	e.advance(3)
	_, err := e.msg.RevealOptimum(e.Ctx, &types.MsgRevealOptimum{Optimizer: e.optimizerStr, CommitId: id, Params: goodAR(t), Salt: testSalt})
	require.NoError(t, err)

	exported, err := e.k.ExportGenesis(e.Ctx)
	require.NoError(t, err)
	require.NoError(t, exported.Validate())
	require.Len(t, exported.Commits, 1)
	require.Len(t, exported.Optima, 2)

	f, k, _, _ := newKeeper(t)
	require.NoError(t, k.InitGenesis(f.Ctx, *exported))
	again, err := k.ExportGenesis(f.Ctx)
	require.NoError(t, err)
	require.Equal(t, exported, again)
}
