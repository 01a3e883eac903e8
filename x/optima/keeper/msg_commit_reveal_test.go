package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/testutil/fixture"
	"github.com/don-network/don/x/optima/types"
)

func TestCommitRevealAccepted(t *testing.T) {
	e := newEnv(t)
	params := goodAR(t)
	before := e.Balance(e.optimizer)
	supply := e.Supply()

	id := e.commit(params)
	require.Equal(t, before.SubRaw(commitBond), e.Balance(e.optimizer), "bond moved to the module")
	require.Equal(t, sdkmath.NewInt(commitBond), e.ModuleBalance(types.ModuleName))

	e.advance(3) // seed_blocks = 2: reveal opens at h_c + 3
	res, err := e.msg.RevealOptimum(e.Ctx, &types.MsgRevealOptimum{
		Optimizer: e.optimizerStr, CommitId: id, Params: params, Salt: testSalt,
	})
	require.NoError(t, err)
	require.True(t, res.Accepted, res.Reason)
	require.Equal(t, uint64(1), res.OptimumId)
	require.True(t, res.Lcb.GTE(res.IncumbentLoss.Mul(sdkmath.LegacyNewDecWithPrec(5, 3))))
	require.True(t, res.Increment.IsPositive() && res.Increment.LTE(sdkmath.LegacyOneDec()))
	require.True(t, res.Loss.LT(res.IncumbentLoss))

	require.Equal(t, before, e.Balance(e.optimizer), "bond back in full")
	require.True(t, e.ModuleBalance(types.ModuleName).IsZero())
	require.Equal(t, supply, e.Supply(), "nothing burned, nothing minted")

	model, err := e.k.GetModel(e.Ctx, testModel)
	require.NoError(t, err)
	require.Equal(t, uint64(1), model.BestOptimumId)
	require.Equal(t, uint64(1), model.AcceptedCount)
	best, err := e.k.BestOptimum(e.Ctx, model)
	require.NoError(t, err)
	require.Equal(t, params, best.Params)
	require.Equal(t, e.optimizerStr, best.Optimizer)
	// One active model weighs 1, so work = w·Δ = Δ, and x/mint received it.
	require.Equal(t, best.Increment, best.Work)
	require.Equal(t, best.Work, e.mint.work[string(e.optimizer)])
	require.Equal(t, 1, e.weights.reveals)
	require.Equal(t, 1, e.weights.accepted)

	events := e.Ctx.EventManager().Events()
	require.True(t, hasEvent(events, "don.optima.v1.EventOptimumAccepted"))
	require.True(t, hasEvent(events, "don.optima.v1.EventWorkRecorded"))

	_, err = e.k.GetCommit(e.Ctx, id)
	require.ErrorIs(t, err, types.ErrCommitClosed)
}

func TestRevealRejectedBurnsPartOfBond(t *testing.T) {
	e := newEnv(t)
	// The incumbent is the zero vector; a tiny bias is no significant gain.
	params := fixture.Fixed(t, "0", "0", "0", "0", "0.001")
	before := e.Balance(e.optimizer)
	supply := e.Supply()
	id := e.commit(params)
	e.advance(3)

	res, err := e.msg.RevealOptimum(e.Ctx, &types.MsgRevealOptimum{
		Optimizer: e.optimizerStr, CommitId: id, Params: params, Salt: testSalt,
	})
	require.NoError(t, err, "a valid but insufficient reveal is a successful tx")
	require.False(t, res.Accepted)
	require.Equal(t, types.ReasonNotSignificant, res.Reason)

	burned := sdkmath.NewInt(commitBond / 5) // reject_burn_fraction 0.2
	require.Equal(t, before.Sub(burned), e.Balance(e.optimizer))
	require.Equal(t, supply.Sub(burned), e.Supply())
	require.True(t, e.ModuleBalance(types.ModuleName).IsZero())

	model, err := e.k.GetModel(e.Ctx, testModel)
	require.NoError(t, err)
	require.Equal(t, uint64(1), model.RejectedCount)
	require.Equal(t, 1, e.weights.reveals, "a rejected reveal is still a supply signal")
	require.Zero(t, e.weights.accepted)
	require.Empty(t, e.mint.work, "no work for a rejected reveal")
	require.Equal(t, uint64(0), model.BestOptimumId)
	require.True(t, hasEvent(e.Ctx.EventManager().Events(), "don.optima.v1.EventOptimumRejected"))
}

func TestUnrevealedCommitExpiresAndBurnsBond(t *testing.T) {
	e := newEnv(t)
	supply := e.Supply()
	id := e.commit(goodAR(t))
	c, err := e.k.GetCommit(e.Ctx, id)
	require.NoError(t, err)

	// Still open through the last reveal height...
	e.advance(int(c.RevealUntil - e.Ctx.BlockHeight()))
	require.Equal(t, c.RevealUntil, e.Ctx.BlockHeight())
	_, err = e.k.GetCommit(e.Ctx, id)
	require.NoError(t, err)
	// ...and burned by that block's EndBlock.
	e.advance(1)
	_, err = e.k.GetCommit(e.Ctx, id)
	require.ErrorIs(t, err, types.ErrCommitClosed)
	require.Equal(t, supply.SubRaw(commitBond), e.Supply())
	require.True(t, e.ModuleBalance(types.ModuleName).IsZero())
}

func TestExpiryIsBoundedPerBlock(t *testing.T) {
	e := newEnv(t)
	p, err := e.k.Params.Get(e.Ctx)
	require.NoError(t, err)
	p.MaxExpirationsPerBlock = 2
	require.NoError(t, e.k.Params.Set(e.Ctx, p))
	for i := 0; i < 5; i++ {
		e.commit(goodAR(t))
	}
	c, err := e.k.GetCommit(e.Ctx, 1)
	require.NoError(t, err)
	e.advance(int(c.RevealUntil-e.Ctx.BlockHeight()) + 1)
	open := func() int {
		res, err := e.q.Commits(e.Ctx, &types.QueryCommitsRequest{Optimizer: e.optimizerStr})
		require.NoError(t, err)
		return len(res.Commits)
	}
	require.Equal(t, 3, open(), "two expired in the first block")
	e.advance(1)
	require.Equal(t, 1, open())
	e.advance(1)
	require.Equal(t, 0, open())
}

func TestCommitBadInputs(t *testing.T) {
	e := newEnv(t)
	poor, poorStr := e.Addr("poor")
	e.Fund(poor, commitBond-1)
	good := types.ComputeCommitment(testModel, e.optimizer, goodAR(t), testSalt)

	cases := []struct {
		name string
		msg  types.MsgCommitOptimum
		err  error
	}{
		{"unknown model", types.MsgCommitOptimum{Optimizer: e.optimizerStr, ModelId: 99, Commitment: good}, types.ErrModelNotFound},
		{"short commitment", types.MsgCommitOptimum{Optimizer: e.optimizerStr, ModelId: testModel, Commitment: good[:31]}, types.ErrInvalidCommitment},
		{"bad address", types.MsgCommitOptimum{Optimizer: "cosmos1xyz", ModelId: testModel, Commitment: good}, types.ErrInvalidAddress},
		{"no funds for the bond", types.MsgCommitOptimum{Optimizer: poorStr, ModelId: testModel, Commitment: good}, types.ErrInsufficientFunds},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := e.snapshot(poor)
			_, err := e.msg.CommitOptimum(e.Ctx, &tc.msg)
			require.ErrorIs(t, err, tc.err)
			require.Equal(t, before, e.snapshot(poor), "state changed")
		})
	}
}

func TestRevealBadInputs(t *testing.T) {
	e := newEnv(t)
	params := goodAR(t)
	other, otherStr := e.Addr("other")
	e.Fund(other, funds)

	id := e.commit(params)
	// A commitment computed for another optimizer's address, sent by ours.
	wrongOptimizer, err := e.msg.CommitOptimum(e.Ctx, &types.MsgCommitOptimum{
		Optimizer: e.optimizerStr, ModelId: testModel,
		Commitment: types.ComputeCommitment(testModel, other, params, testSalt),
	})
	require.NoError(t, err)

	reveal := func(mod func(*types.MsgRevealOptimum)) *types.MsgRevealOptimum {
		m := &types.MsgRevealOptimum{Optimizer: e.optimizerStr, CommitId: id, Params: params, Salt: testSalt}
		if mod != nil {
			mod(m)
		}
		return m
	}
	check := func(t *testing.T, msg *types.MsgRevealOptimum, want error) {
		t.Helper()
		before := e.snapshot(other)
		_, err := e.msg.RevealOptimum(e.Ctx, msg)
		require.ErrorIs(t, err, want)
		require.Equal(t, before, e.snapshot(other), "state changed")
	}

	t.Run("before the beacon is ready", func(t *testing.T) {
		e.advance(2) // at h_c + k the seed's beacon exists only at the end of this block
		check(t, reveal(nil), types.ErrRevealTooEarly)
	})
	e.advance(1)
	cases := []struct {
		name string
		msg  *types.MsgRevealOptimum
		err  error
	}{
		{"wrong salt", reveal(func(m *types.MsgRevealOptimum) { m.Salt = []byte("ffffffffffffffffffffffffffffffff") }), types.ErrCommitmentMismatch},
		{"wrong params", reveal(func(m *types.MsgRevealOptimum) { m.Params = fixture.Fixed(t, "0", "0", "0.2", "0.5", "0.4") }), types.ErrCommitmentMismatch},
		{"wrong optimizer in commitment", reveal(func(m *types.MsgRevealOptimum) { m.CommitId = wrongOptimizer.CommitId }), types.ErrCommitmentMismatch},
		{"another optimizer's commit", reveal(func(m *types.MsgRevealOptimum) { m.Optimizer = otherStr }), types.ErrNotCommitOwner},
		{"wrong params length", reveal(func(m *types.MsgRevealOptimum) { m.Params = params[:4] }), types.ErrParamsLength},
		{"too many params", reveal(func(m *types.MsgRevealOptimum) { m.Params = make([]int64, 5000) }), types.ErrTooManyParams},
		{"short salt", reveal(func(m *types.MsgRevealOptimum) { m.Salt = []byte("short") }), types.ErrInvalidSalt},
		{"unknown commit", reveal(func(m *types.MsgRevealOptimum) { m.CommitId = 77 }), types.ErrCommitNotFound},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { check(t, tc.msg, tc.err) })
	}

	t.Run("double reveal", func(t *testing.T) {
		_, err := e.msg.RevealOptimum(e.Ctx, reveal(nil))
		require.NoError(t, err)
		check(t, reveal(nil), types.ErrCommitClosed)
	})
	t.Run("after the window", func(t *testing.T) {
		id := e.commit(params)
		c, err := e.k.GetCommit(e.Ctx, id)
		require.NoError(t, err)
		// Move past reveal_until without running EndBlock's expiry.
		for e.Ctx.BlockHeight() <= c.RevealUntil {
			e.NextBlock()
		}
		check(t, reveal(func(m *types.MsgRevealOptimum) { m.CommitId = id }), types.ErrRevealWindowClosed)
	})
}

func TestTwoRevealsInOneBlockAreSequential(t *testing.T) {
	e := newEnv(t)
	first := goodAR(t)
	idA := e.commit(first)
	// The same vector again: it cannot beat itself as the new incumbent.
	idB, err := e.msg.CommitOptimum(e.Ctx, &types.MsgCommitOptimum{
		Optimizer: e.optimizerStr, ModelId: testModel,
		Commitment: types.ComputeCommitment(testModel, e.optimizer, first, []byte("another-salt-of-16b")),
	})
	require.NoError(t, err)
	e.advance(3)
	resA, err := e.msg.RevealOptimum(e.Ctx, &types.MsgRevealOptimum{Optimizer: e.optimizerStr, CommitId: idA, Params: first, Salt: testSalt})
	require.NoError(t, err)
	require.True(t, resA.Accepted)
	resB, err := e.msg.RevealOptimum(e.Ctx, &types.MsgRevealOptimum{Optimizer: e.optimizerStr, CommitId: idB.CommitId, Params: first, Salt: []byte("another-salt-of-16b")})
	require.NoError(t, err)
	require.False(t, resB.Accepted, "the second reveal must beat the new incumbent")
}

func TestRevealChargesVerificationGasFirst(t *testing.T) {
	e := newEnv(t)
	params := goodAR(t)
	id := e.commit(params)
	e.advance(3)
	model, err := e.k.GetModel(e.Ctx, testModel)
	require.NoError(t, err)
	dom, cfg, err := types.ResolveDomain(model.Domain, model.Config)
	require.NoError(t, err)
	ops, err := types.VerificationOps(dom, cfg, int(model.EvalSamples))
	require.NoError(t, err)

	before := e.snapshot()
	limited := e.Ctx.WithGasMeter(storeGasMeter(ops / 2))
	require.Panics(t, func() {
		_, _ = e.msg.RevealOptimum(limited, &types.MsgRevealOptimum{Optimizer: e.optimizerStr, CommitId: id, Params: params, Salt: testSalt})
	}, "out of gas before any result is written")
	require.Equal(t, before, e.snapshot())

	meter := storeGasMeter(10 * ops)
	_, err = e.msg.RevealOptimum(e.Ctx.WithGasMeter(meter), &types.MsgRevealOptimum{Optimizer: e.optimizerStr, CommitId: id, Params: params, Salt: testSalt})
	require.NoError(t, err)
	require.GreaterOrEqual(t, meter.GasConsumed(), ops)
}

func hasEvent(events sdk.Events, typ string) bool {
	for _, ev := range events {
		if ev.Type == typ {
			return true
		}
	}
	return false
}
