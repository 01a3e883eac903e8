// Package donchain builds DON's four keepers — x/optima, x/evaluation,
// x/weights and x/mint — on the shared keeper fixture from the app's own
// module configs (app.DONModules, through the modules' depinject
// providers), and drives them block by block in the app's genesis, Begin-
// and EndBlock orders with every module's invariants checked after each
// block. wiring_test.go compares the result with the real app.
package donchain

import (
	"time"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/app"
	"github.com/don-network/don/testutil/fixture"
	evaluationkeeper "github.com/don-network/don/x/evaluation/keeper"
	evaluationtypes "github.com/don-network/don/x/evaluation/types"
	mintkeeper "github.com/don-network/don/x/mint/keeper"
	minttypes "github.com/don-network/don/x/mint/types"
	optimakeeper "github.com/don-network/don/x/optima/keeper"
	optimatypes "github.com/don-network/don/x/optima/types"
	weightskeeper "github.com/don-network/don/x/weights/keeper"
	weightstypes "github.com/don-network/don/x/weights/types"
)

// Chain is the fixture with DON's keepers and their Msg servers.
type Chain struct {
	*fixture.Fixture
	Optima     *optimakeeper.Keeper
	Evaluation *evaluationkeeper.Keeper
	Weights    *weightskeeper.Keeper
	Mint       *mintkeeper.Keeper
	Community  *fixture.CommunityPool

	OptimaMsg     optimatypes.MsgServer
	EvaluationMsg evaluationtypes.MsgServer
	// Committing: the fixture commits at every block.
	Committing bool

	// beginBlockers and endBlockers are the modules' hooks in the app's order.
	beginBlockers, endBlockers []hook
}

// Options adjust the genesis states before they are loaded.
type Options struct {
	// Models is the number of genesis models (ids 1…Models), of Domain
	// (default regime-ar) with its default config.
	Models int
	Domain string
	// Committing builds on fixture.NewCommitting (benchmarks).
	Committing bool
	Mint       func(*minttypes.GenesisState)
	Evaluation func(*evaluationtypes.GenesisState)
	// Optima sees the genesis with the models above; Weights the default.
	Optima  func(*optimatypes.GenesisState)
	Weights func(*weightstypes.GenesisState)
}

// New builds the chain at height 1 with the genesis models.
func New(t fixture.TB, o Options) *Chain {
	f := fixture.NewWith(t, fixture.Config{
		Stores:         storeNames(),
		ModuleAccounts: app.ModuleAccountPermissions(),
		BlockedAddrs:   app.BlockedAddresses(),
		Register: []func(codectypes.InterfaceRegistry){
			optimatypes.RegisterInterfaces, evaluationtypes.RegisterInterfaces,
			weightstypes.RegisterInterfaces, minttypes.RegisterInterfaces,
		},
		Committing: o.Committing,
	})
	f.Ctx = f.Ctx.WithBlockTime(time.Unix(1_700_000_000, 0).UTC())
	c := &Chain{Fixture: f, Community: f.NewCommunityPool(), Committing: o.Committing}
	w, err := wire(f, c.Community)
	require.NoError(t, err)
	c.Weights, c.Mint, c.Optima, c.Evaluation = w.weights, w.mint, w.optima, w.evaluation
	c.beginBlockers, c.endBlockers = beginBlockers(w.modules), endBlockers(w.modules)
	c.OptimaMsg = optimakeeper.NewMsgServerImpl(c.Optima)
	c.EvaluationMsg = evaluationkeeper.NewMsgServerImpl(c.Evaluation)

	c.initGenesis(o)
	c.beginBlock()
	return c
}

// initGenesis loads the genesis states in the app's InitGenesis order.
func (c *Chain) initGenesis(o Options) {
	c.T.Helper()
	wg := weightstypes.DefaultGenesis()
	if o.Weights != nil {
		o.Weights(wg)
	}
	mg := minttypes.DefaultGenesis()
	mg.Params.InitialDifficulty = sdkmath.LegacyMustNewDecFromStr("0.3")
	mg.Params.RetargetInterval = 1000
	if o.Mint != nil {
		o.Mint(mg)
	}
	og := optimatypes.DefaultGenesis()
	domain := o.Domain
	if domain == "" {
		domain = "regime-ar"
	}
	cfg, err := optimatypes.DefaultDomainConfig(domain)
	require.NoError(c.T, err)
	for i := 0; i < o.Models; i++ {
		og.GenesisModels = append(og.GenesisModels, optimatypes.GenesisModel{
			Name: domain + "-" + string(rune('a'+i)), Domain: domain, Config: cfg, EvalSamples: 64,
			MinImprovement: sdkmath.LegacyNewDecWithPrec(5, 3), SeedBlocks: 1, RevealWindow: 10,
			CommitBond: sdk.NewInt64Coin(fixture.Denom, 1000),
		})
	}
	if o.Optima != nil {
		o.Optima(og)
	}
	eg := evaluationtypes.DefaultGenesis()
	if o.Evaluation != nil {
		o.Evaluation(eg)
	}

	inits := map[string]func() error{
		weightstypes.ModuleName:    func() error { return c.Weights.InitGenesis(c.Ctx, *wg) },
		minttypes.ModuleName:       func() error { return c.Mint.InitGenesis(c.Ctx, *mg) },
		optimatypes.ModuleName:     func() error { return c.Optima.InitGenesis(c.Ctx, *og) },
		evaluationtypes.ModuleName: func() error { return c.Evaluation.InitGenesis(c.Ctx, *eg) },
	}
	order := genesisOrder()
	require.Len(c.T, order, len(inits), "DON's modules in the app's InitGenesis order")
	for _, name := range order {
		init, ok := inits[name]
		require.True(c.T, ok, "no genesis state for module %s", name)
		require.NoError(c.T, init(), "%s InitGenesis", name)
	}
}

// EndBlock runs the EndBlockers in the app's order (optima → evaluation →
// weights → mint), checks every invariant and opens the next block.
func (c *Chain) EndBlock() {
	c.T.Helper()
	c.EndBlockers()
	c.CheckInvariants()
	c.BeginNextBlock()
}

// EndBlockers runs the modules' EndBlock in the app's order.
func (c *Chain) EndBlockers() {
	c.T.Helper()
	for _, h := range c.endBlockers {
		require.NoError(c.T, h.run(c.Ctx), "%s EndBlock", h.module)
	}
}

// BeginNextBlock opens the next block, 5 s later (committing first on a
// committing fixture), and runs the modules' BeginBlock in the app's order.
func (c *Chain) BeginNextBlock() {
	c.T.Helper()
	if c.Committing {
		c.Commit()
	}
	c.NextBlock()
	c.Ctx = c.Ctx.WithBlockTime(c.Ctx.BlockTime().Add(5 * time.Second))
	c.beginBlock()
}

func (c *Chain) beginBlock() {
	c.T.Helper()
	for _, h := range c.beginBlockers {
		require.NoError(c.T, h.run(c.Ctx), "%s BeginBlock", h.module)
	}
}

// CheckInvariants runs the invariants of all four modules.
func (c *Chain) CheckInvariants() {
	c.T.Helper()
	require.NoError(c.T, c.Optima.CheckInvariants(c.Ctx))
	require.NoError(c.T, c.Evaluation.CheckInvariants(c.Ctx))
	require.NoError(c.T, c.Weights.CheckInvariants(c.Ctx))
	require.NoError(c.T, c.Mint.CheckInvariants(c.Ctx))
}

// EndBlocksUntil ends blocks until the current height is h.
func (c *Chain) EndBlocksUntil(h int64) {
	c.T.Helper()
	for c.Ctx.BlockHeight() < h {
		c.EndBlock()
	}
}

var salt = []byte("integration-salt-0123456789")

// Improve commits and reveals a clearly better vector on a model (ending
// blocks until the reveal window opens) and returns the accepted optimum.
func (c *Chain) Improve(optimizer sdk.AccAddress, optimizerStr string, model uint64, p []int64) optimatypes.Optimum {
	c.T.Helper()
	res, err := c.OptimaMsg.CommitOptimum(c.Ctx, &optimatypes.MsgCommitOptimum{
		Optimizer: optimizerStr, ModelId: model, Commitment: optimatypes.ComputeCommitment(model, optimizer, p, salt),
	})
	require.NoError(c.T, err)
	c.EndBlocksUntil(res.RevealFrom)
	rev, err := c.OptimaMsg.RevealOptimum(c.Ctx, &optimatypes.MsgRevealOptimum{Optimizer: optimizerStr, CommitId: res.CommitId, Params: p, Salt: salt})
	require.NoError(c.T, err)
	require.True(c.T, rev.Accepted, rev.Reason)
	o, err := c.Optima.GetOptimum(c.Ctx, model, rev.OptimumId)
	require.NoError(c.T, err)
	return o
}
