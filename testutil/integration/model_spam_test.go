package integration

import (
	"fmt"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/testutil/donchain"
	"github.com/don-network/don/testutil/fixture"
	minttypes "github.com/don-network/don/x/mint/types"
	optimatypes "github.com/don-network/don/x/optima/types"
)

// Model spam earns nothing: a spammer registers open models with all-zero
// params, harvests their easy first improvements (huge relative
// increments), retires them to take the deposit back and repeats. Open
// models without paid demand weigh 0, so all that work is worth 0 and the
// spammer is paid nothing when an honest optimizer closes the round on an
// admitted model.
func TestModelSpamEarnsNothing(t *testing.T) {
	c := donchain.New(t, donchain.Options{Models: 2, Mint: func(gs *minttypes.GenesisState) {
		gs.Params.InitialDifficulty = sdkmath.LegacyNewDecWithPrec(1, 2)
	}})
	spammer, spammerStr := c.Addr("spammer")
	honest, honestStr := c.Addr("honest")
	c.Fund(spammer, 100_000_000)
	c.Fund(honest, 100_000_000)
	params, err := c.Optima.Params.Get(c.Ctx)
	require.NoError(t, err)
	cfg, err := optimatypes.DefaultDomainConfig("regime-ar")
	require.NoError(t, err)
	good := fixture.Fixed(t, "0", "0", "0.2", "0.5", "0.3")
	before := c.Balance(spammer)

	for i := 0; i < 5; i++ {
		res, err := c.OptimaMsg.RegisterModel(c.Ctx, &optimatypes.MsgRegisterModel{
			Creator: spammerStr, Name: fmt.Sprintf("spam-%d", i), Domain: "regime-ar", Config: cfg,
			EvalSamples: 64, MinImprovement: sdkmath.LegacyNewDecWithPrec(5, 3), SeedBlocks: 1, RevealWindow: 10,
			CommitBond: sdk.NewInt64Coin(fixture.Denom, 1000), Deposit: params.MinModelDeposit,
		})
		require.NoError(t, err)
		m, err := c.Optima.GetModel(c.Ctx, res.ModelId)
		require.NoError(t, err)
		require.False(t, m.Admitted, "anyone's model is open")
		w, err := c.Weights.ModelWeight(c.Ctx, res.ModelId)
		require.NoError(t, err)
		require.True(t, w.IsZero(), "an open model without paid demand weighs 0")

		o := c.Improve(spammer, spammerStr, res.ModelId, good)
		require.True(t, o.Increment.GT(sdkmath.LegacyNewDecWithPrec(3, 1)), "a large verified improvement from zeros: %s", o.Increment)
		require.True(t, o.Work.IsZero(), "worth nothing: weight 0 × increment")
		_, err = c.OptimaMsg.RetireModel(c.Ctx, &optimatypes.MsgRetireModel{Signer: spammerStr, ModelId: res.ModelId})
		require.NoError(t, err)
		c.EndBlock()
	}
	require.Equal(t, uint64(1), minter(t, c).Round, "the spam closed no round")

	// An honest improvement on an admitted model closes the round.
	c.Improve(honest, honestStr, 1, good)
	c.EndBlock()
	rec, err := c.Mint.Rounds.Get(c.Ctx, 1)
	require.NoError(t, err)
	require.Equal(t, uint32(1), rec.Optimizers, "only the honest optimizer did work")
	require.True(t, c.Balance(honest).GT(sdkmath.NewInt(100_000_000)), "the honest optimizer was paid")
	require.Equal(t, before, c.Balance(spammer), "deposits and bonds came back, no coinbase: the spammer earned 0")
}

func minter(t *testing.T, c *donchain.Chain) minttypes.Minter {
	m, err := c.Mint.Minter.Get(c.Ctx)
	require.NoError(t, err)
	return m
}
