// Package integration tests DON's modules together on the shared keeper
// fixture: the real x/optima, x/weights and x/mint keepers wired as in the
// app, driven block by block.
package integration

import (
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"

	"github.com/don-network/don/testutil/fixture"
	mintkeeper "github.com/don-network/don/x/mint/keeper"
	minttypes "github.com/don-network/don/x/mint/types"
	"github.com/don-network/don/x/optima/fixedpoint"
	optimakeeper "github.com/don-network/don/x/optima/keeper"
	optimatypes "github.com/don-network/don/x/optima/types"
	weightskeeper "github.com/don-network/don/x/weights/keeper"
	weightstypes "github.com/don-network/don/x/weights/types"
)

type chain struct {
	*fixture.Fixture
	optima    *optimakeeper.Keeper
	weights   *weightskeeper.Keeper
	mint      *mintkeeper.Keeper
	community *fixture.CommunityPool
	msg       optimatypes.MsgServer
}

func newChain(t *testing.T, models int) *chain {
	f := fixture.New(t, []string{optimatypes.StoreKey, weightstypes.StoreKey, minttypes.StoreKey},
		map[string][]string{
			optimatypes.ModuleName:     {authtypes.Burner},
			minttypes.ModuleName:       {authtypes.Minter},
			authtypes.FeeCollectorName: nil,
			distrtypes.ModuleName:      nil,
		},
		optimatypes.RegisterInterfaces, weightstypes.RegisterInterfaces, minttypes.RegisterInterfaces)
	f.Ctx = f.Ctx.WithBlockTime(time.Unix(1_700_000_000, 0).UTC())
	c := &chain{Fixture: f, community: f.NewCommunityPool()}
	c.weights = weightskeeper.NewKeeper(f.Codec, f.StoreService(weightstypes.StoreKey), f.AddressCodec, f.Authority)
	c.mint = mintkeeper.NewKeeper(f.Codec, f.StoreService(minttypes.StoreKey), f.AddressCodec, f.Authority,
		authtypes.FeeCollectorName, f.BankKeeper, c.community, c.weights)
	c.optima = optimakeeper.NewKeeper(f.Codec, f.StoreService(optimatypes.StoreKey), f.AddressCodec, f.Authority,
		f.BankKeeper, c.weights, c.mint)
	c.msg = optimakeeper.NewMsgServerImpl(c.optima)

	require.NoError(t, c.weights.InitGenesis(f.Ctx, *weightstypes.DefaultGenesis()))
	mg := minttypes.DefaultGenesis()
	mg.Params.InitialDifficulty = sdkmath.LegacyMustNewDecFromStr("0.3")
	mg.Params.RetargetInterval = 1000
	require.NoError(t, c.mint.InitGenesis(f.Ctx, *mg))
	og := optimatypes.DefaultGenesis()
	cfg, err := optimatypes.DefaultDomainConfig("regime-ar")
	require.NoError(t, err)
	for i := 0; i < models; i++ {
		og.GenesisModels = append(og.GenesisModels, optimatypes.GenesisModel{
			Name: "regime-ar-" + string(rune('a'+i)), Domain: "regime-ar", Config: cfg, EvalSamples: 64,
			MinImprovement: sdkmath.LegacyNewDecWithPrec(5, 3), SeedBlocks: 1, RevealWindow: 10,
			CommitBond: sdk.NewInt64Coin(fixture.Denom, 1000),
		})
	}
	require.NoError(t, c.optima.InitGenesis(f.Ctx, *og))
	require.NoError(t, c.optima.BeginBlocker(f.Ctx))
	return c
}

// endBlock runs the EndBlockers in the app's order and opens the next block.
func (c *chain) endBlock() {
	c.T.Helper()
	require.NoError(c.T, c.optima.EndBlocker(c.Ctx))
	require.NoError(c.T, c.weights.EndBlocker(c.Ctx))
	require.NoError(c.T, c.mint.EndBlocker(c.Ctx))
	require.NoError(c.T, c.optima.CheckInvariants(c.Ctx))
	require.NoError(c.T, c.mint.CheckInvariants(c.Ctx))
	c.NextBlock()
	c.Ctx = c.Ctx.WithBlockTime(c.Ctx.BlockTime().Add(5 * time.Second))
	require.NoError(c.T, c.optima.BeginBlocker(c.Ctx))
}

var salt = []byte("integration-salt-0123456789")

func params(t *testing.T, vals ...string) []int64 {
	out := make([]int64, len(vals))
	for i, v := range vals {
		f, err := fixedpoint.ParseDecimal(v)
		require.NoError(t, err)
		out[i] = f.Raw()
	}
	return out
}

// improve commits and reveals a clearly better vector on a model and
// returns the work x/mint received for it.
func (c *chain) improve(optimizer sdk.AccAddress, optimizerStr string, model uint64, p []int64) sdkmath.LegacyDec {
	c.T.Helper()
	res, err := c.msg.CommitOptimum(c.Ctx, &optimatypes.MsgCommitOptimum{
		Optimizer: optimizerStr, ModelId: model, Commitment: optimatypes.ComputeCommitment(model, optimizer, p, salt),
	})
	require.NoError(c.T, err)
	for c.Ctx.BlockHeight() < res.RevealFrom {
		c.endBlock()
	}
	rev, err := c.msg.RevealOptimum(c.Ctx, &optimatypes.MsgRevealOptimum{Optimizer: optimizerStr, CommitId: res.CommitId, Params: p, Salt: salt})
	require.NoError(c.T, err)
	require.True(c.T, rev.Accepted, rev.Reason)
	o, err := c.optima.GetOptimum(c.Ctx, model, rev.OptimumId)
	require.NoError(c.T, err)
	return o.Work
}

// Several optimizers on several models of different weights: each one's
// work is w_m·Δ with the weight x/weights gives at that moment, the round
// closes exactly when W ≥ D, and each optimizer is paid pool·work/W.
func TestIssuanceAcrossModulesPaysByWeightedWork(t *testing.T) {
	c := newChain(t, 3)
	// Demand on model 1 raises its weight above models 2 and 3.
	require.NoError(t, c.weights.RecordRequest(c.Ctx, 1, sdkmath.NewInt(50)))
	c.endBlock()
	w1, err := c.weights.ModelWeight(c.Ctx, 1)
	require.NoError(t, err)
	w2, err := c.weights.ModelWeight(c.Ctx, 2)
	require.NoError(t, err)
	require.True(t, w1.GT(w2), "demand raised model 1's weight: %s vs %s", w1, w2)

	alice, aliceStr := c.Addr("alice")
	bob, bobStr := c.Addr("bob")
	c.Fund(alice, 1_000_000)
	c.Fund(bob, 1_000_000)

	good := params(t, "0", "0", "0.2", "0.5", "0.3")
	workA := c.improve(alice, aliceStr, 1, good)
	m, err := c.mint.Minter.Get(c.Ctx)
	require.NoError(t, err)
	require.True(t, m.Work.LT(m.Difficulty), "one optimum (work %s) is not enough for D %s", workA, m.Difficulty)
	require.Equal(t, workA, m.Work)

	workB := c.improve(bob, bobStr, 2, good)
	require.True(t, workA.GT(workB), "the heavier model paid more work: %s vs %s", workA, workB)
	m, err = c.mint.Minter.Get(c.Ctx)
	require.NoError(t, err)
	total := workA.Add(workB)
	require.Equal(t, total, m.Work)
	require.True(t, total.GTE(m.Difficulty), "work %s + %s vs D %s", workA, workB, m.Difficulty)

	aliceBefore, bobBefore := c.Balance(alice), c.Balance(bob)
	c.endBlock() // the round closes here
	rec, err := c.mint.Rounds.Get(c.Ctx, 1)
	require.NoError(t, err)
	shares, err := c.weights.RoleShares(c.Ctx)
	require.NoError(t, err)
	pool := sdkmath.LegacyNewDecFromInt(shares.Optimizer.MulInt(rec.Coinbase).TruncateInt())
	require.Equal(t, pool.MulTruncate(workA).QuoTruncate(total).TruncateInt(), c.Balance(alice).Sub(aliceBefore))
	require.Equal(t, pool.MulTruncate(workB).QuoTruncate(total).TruncateInt(), c.Balance(bob).Sub(bobBefore))
	require.Equal(t, rec.Coinbase, rec.OptimizerPaid.Add(rec.EvaluatorPaid).Add(rec.ValidatorPaid).Add(rec.CommunityPaid))
	require.Equal(t, rec.CommunityPaid, c.community.Received, "community share, empty evaluator role and dust")
	require.Equal(t, rec.ValidatorPaid, c.ModuleBalance(authtypes.FeeCollectorName))
}
