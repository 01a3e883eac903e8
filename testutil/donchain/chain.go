// Package donchain wires DON's four keepers — x/optima, x/evaluation,
// x/weights and x/mint — on the shared keeper fixture as the app does, and
// drives them block by block with the app's EndBlock order and every
// module's invariants checked after each block.
package donchain

import (
	"time"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"

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
	newFixture := fixture.New
	if o.Committing {
		newFixture = fixture.NewCommitting
	}
	f := newFixture(t,
		[]string{optimatypes.StoreKey, evaluationtypes.StoreKey, weightstypes.StoreKey, minttypes.StoreKey},
		map[string][]string{
			optimatypes.ModuleName:     {authtypes.Burner},
			evaluationtypes.ModuleName: {authtypes.Burner},
			minttypes.ModuleName:       {authtypes.Minter},
			authtypes.FeeCollectorName: nil,
			distrtypes.ModuleName:      nil,
		},
		optimatypes.RegisterInterfaces, evaluationtypes.RegisterInterfaces, weightstypes.RegisterInterfaces, minttypes.RegisterInterfaces)
	f.Ctx = f.Ctx.WithBlockTime(time.Unix(1_700_000_000, 0).UTC())
	c := &Chain{Fixture: f, Community: f.NewCommunityPool(), Committing: o.Committing}
	c.Weights = weightskeeper.NewKeeper(f.Codec, f.StoreService(weightstypes.StoreKey), f.AddressCodec, f.Authority)
	c.Mint = mintkeeper.NewKeeper(f.Codec, f.StoreService(minttypes.StoreKey), f.AddressCodec, f.Authority,
		authtypes.FeeCollectorName, f.BankKeeper, c.Community, c.Weights)
	c.Optima = optimakeeper.NewKeeper(f.Codec, f.StoreService(optimatypes.StoreKey), f.AddressCodec, f.Authority,
		f.BankKeeper, c.Weights, c.Mint)
	c.Evaluation = evaluationkeeper.NewKeeper(f.Codec, f.StoreService(evaluationtypes.StoreKey), f.AddressCodec, f.Authority,
		f.BankKeeper, c.Community, c.Optima, c.Weights, c.Mint)
	c.OptimaMsg = optimakeeper.NewMsgServerImpl(c.Optima)
	c.EvaluationMsg = evaluationkeeper.NewMsgServerImpl(c.Evaluation)

	wg := weightstypes.DefaultGenesis()
	if o.Weights != nil {
		o.Weights(wg)
	}
	require.NoError(t, c.Weights.InitGenesis(f.Ctx, *wg))
	mg := minttypes.DefaultGenesis()
	mg.Params.InitialDifficulty = sdkmath.LegacyMustNewDecFromStr("0.3")
	mg.Params.RetargetInterval = 1000
	if o.Mint != nil {
		o.Mint(mg)
	}
	require.NoError(t, c.Mint.InitGenesis(f.Ctx, *mg))
	og := optimatypes.DefaultGenesis()
	domain := o.Domain
	if domain == "" {
		domain = "regime-ar"
	}
	cfg, err := optimatypes.DefaultDomainConfig(domain)
	require.NoError(t, err)
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
	require.NoError(t, c.Optima.InitGenesis(f.Ctx, *og))
	eg := evaluationtypes.DefaultGenesis()
	if o.Evaluation != nil {
		o.Evaluation(eg)
	}
	require.NoError(t, c.Evaluation.InitGenesis(f.Ctx, *eg))
	require.NoError(t, c.Optima.BeginBlocker(f.Ctx))
	return c
}

// EndBlock runs the EndBlockers in the app's order (optima → evaluation →
// weights → mint), checks every invariant and opens the next block.
func (c *Chain) EndBlock() {
	c.T.Helper()
	c.EndBlockers()
	c.CheckInvariants()
	c.BeginNextBlock()
}

// EndBlockers runs the EndBlockers in the app's order.
func (c *Chain) EndBlockers() {
	c.T.Helper()
	require.NoError(c.T, c.Optima.EndBlocker(c.Ctx))
	require.NoError(c.T, c.Evaluation.EndBlocker(c.Ctx))
	require.NoError(c.T, c.Weights.EndBlocker(c.Ctx))
	require.NoError(c.T, c.Mint.EndBlocker(c.Ctx))
}

// BeginNextBlock opens the next block, 5 s later (committing first on a
// committing fixture).
func (c *Chain) BeginNextBlock() {
	c.T.Helper()
	if c.Committing {
		c.Commit()
	}
	c.NextBlock()
	c.Ctx = c.Ctx.WithBlockTime(c.Ctx.BlockTime().Add(5 * time.Second))
	require.NoError(c.T, c.Optima.BeginBlocker(c.Ctx))
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
