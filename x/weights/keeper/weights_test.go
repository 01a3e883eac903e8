package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/weights/types"
)

// scenario drives an env through blocks of seeded random signals on n
// models and checks the invariants after every block.
func scenario(t *testing.T, e *env, seed uint64, n uint64, blocks int) {
	t.Helper()
	r := &rng{s: seed}
	for id := uint64(1); id <= n; id++ {
		e.activate(id)
	}
	for b := 0; b < blocks; b++ {
		for i := r.intn(2 * n); i > 0; i-- {
			m := 1 + r.intn(n)
			switch r.intn(3) {
			case 0:
				require.NoError(t, e.k.RecordReveal(e.Ctx, m, r.intn(4) == 0))
			default:
				require.NoError(t, e.k.RecordRequest(e.Ctx, m, sdkmath.NewIntFromUint64(r.intn(5000))))
			}
		}
		require.NoError(t, e.k.RecordBacklog(e.Ctx, r.intn(300)))
		e.endBlock()
		require.NoError(t, e.k.CheckInvariants(e.Ctx), "block %d", b)
	}
}

// Randomized runs keep every invariant: published weights sum to exactly 1,
// each ≥ ε/N, Σraw is the sum of the stored raws, role shares sum to 1.
// Two runs from the same seed end in byte-identical state and events.
func TestRandomRunsKeepInvariantsAndRepeat(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		p := testParams()
		p.RefreshPerBlock = 3
		a, b := newEnvWith(t, p), newEnvWith(t, p)
		scenario(t, a, seed, 12, 60)
		scenario(t, b, seed, 12, 60)
		require.Equal(t, a.snapshot(), b.snapshot(), "seed %d", seed)
		require.Equal(t, a.past, b.past, "seed %d", seed)

		weights, rem, err := a.k.PublishedWeights(a.Ctx)
		require.NoError(t, err)
		require.Len(t, weights, 12)
		sum := sdkmath.LegacyZeroDec()
		floor := p.Epsilon.QuoInt64(12)
		for _, w := range weights {
			require.True(t, w.Weight.GTE(floor))
			sum = sum.Add(w.Weight)
		}
		require.Equal(t, sdkmath.LegacyOneDec(), sum)
		require.True(t, rem.GTE(sdkmath.LegacyZeroDec()))
	}
}

// twin runs the same history in two envs, with extra signals for model m
// at one block in the second; it returns the weights of m afterwards.
func twin(t *testing.T, p types.Params, extra func(e *env, m uint64)) (sdkmath.LegacyDec, sdkmath.LegacyDec) {
	t.Helper()
	const n, m = 6, 3
	run := func(withExtra bool) sdkmath.LegacyDec {
		e := newEnvWith(t, p)
		r := &rng{s: 99}
		for id := uint64(1); id <= n; id++ {
			e.activate(id)
		}
		for b := 0; b < 20; b++ {
			for id := uint64(1); id <= n; id++ {
				require.NoError(t, e.k.RecordRequest(e.Ctx, id, sdkmath.NewIntFromUint64(r.intn(1000))))
				if r.intn(2) == 0 {
					require.NoError(t, e.k.RecordReveal(e.Ctx, id, false))
				}
			}
			if b == 10 && withExtra {
				extra(e, m)
			}
			e.endBlock()
		}
		return e.weight(m)
	}
	return run(false), run(true)
}

// Property (keeper level): a model's weight rises with its demand (the fee
// value paid; a request count without fees is no demand) and falls with its
// supply (reveals) when σ > 0; supply does not matter when σ = 0.
func TestWeightMonotoneInDemandAndSupply(t *testing.T) {
	for _, sigma := range []string{"0", "0.25", "0.5", "1"} {
		p := testParams()
		p.Sigma = dec(sigma)
		base, more := twin(t, p, func(e *env, m uint64) {
			require.NoError(t, e.k.RecordRequest(e.Ctx, m, sdkmath.NewInt(5000)))
		})
		require.True(t, more.GT(base), "σ=%s fees: %s !> %s", sigma, more, base)
		base, more = twin(t, p, func(e *env, m uint64) {
			for i := 0; i < 5; i++ {
				require.NoError(t, e.k.RecordRequest(e.Ctx, m, sdkmath.ZeroInt()))
			}
		})
		require.Equal(t, base, more, "σ=%s: requests without fee value are not demand", sigma)
		base, busier := twin(t, p, func(e *env, m uint64) {
			for i := 0; i < 5; i++ {
				require.NoError(t, e.k.RecordReveal(e.Ctx, m, true))
			}
		})
		if sigma == "0" {
			require.Equal(t, base, busier, "σ=0: supply must not move the weight")
		} else {
			require.True(t, busier.LT(base), "σ=%s reveals: %s !< %s", sigma, busier, base)
		}
	}
}

func TestModelWeightEdgeCases(t *testing.T) {
	e := newEnv(t)
	require.True(t, e.weight(1).IsZero(), "unknown model")
	e.activate(1)
	require.Equal(t, sdkmath.LegacyOneDec(), e.weight(1), "single model")
	e.activate(2, 3, 4)
	// Four new models: equal raw d0/s0^σ, so (ε + (1−ε))/4 = 0.25 each.
	for id := uint64(1); id <= 4; id++ {
		require.Equal(t, dec("0.25"), e.weight(id))
	}
	require.NoError(t, e.k.OnModelRetired(e.Ctx, 4))
	require.True(t, e.weight(4).IsZero(), "retired model")
	require.Equal(t, "0.333333333333333333", e.weight(1).String())
	require.NoError(t, e.k.CheckInvariants(e.Ctx))
	weights, rem, err := e.k.PublishedWeights(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, "0.000000000000000001", rem.String())
	require.Equal(t, "0.333333333333333334", weights[0].Weight.String(), "remainder to the smallest id")

	// Errors: lifecycle mistakes and bad signals are registered errors.
	require.ErrorIs(t, e.k.OnModelActivated(e.Ctx, 1, true), types.ErrModelAlreadyActive)
	require.ErrorIs(t, e.k.OnModelRetired(e.Ctx, 4), types.ErrModelNotActive)
	require.ErrorIs(t, e.k.OnModelRetired(e.Ctx, 99), types.ErrModelNotActive)
	require.ErrorIs(t, e.k.RecordReveal(e.Ctx, 4, true), types.ErrModelNotActive)
	require.ErrorIs(t, e.k.RecordRequest(e.Ctx, 99, sdkmath.OneInt()), types.ErrModelNotActive)
	require.ErrorIs(t, e.k.RecordRequest(e.Ctx, 1, sdkmath.NewInt(-1)), types.ErrInvalidSignal)
	require.ErrorIs(t, e.k.RecordRequest(e.Ctx, 1, sdkmath.Int{}), types.ErrInvalidSignal)
	require.ErrorIs(t, e.k.OnModelActivated(e.Ctx, 0, true), types.ErrModelNotFound)

	// A retired model can come back, fresh.
	e.activate(4)
	require.Equal(t, dec("0.25"), e.weight(4))
	require.NoError(t, e.k.CheckInvariants(e.Ctx))
}

// Signals apply when recorded: the first record of a block steps the
// model's filters with its y, further records of the block add α·y, so the
// block's filters are the step of the block's total. Weights move at once
// and EndBlock leaves a model already current alone.
func TestSignalsAppliedWhenRecorded(t *testing.T) {
	e := newEnv(t)
	e.activate(1, 2)
	h := e.Ctx.BlockHeight()
	require.NoError(t, e.k.RecordRequest(e.Ctx, 1, sdkmath.NewInt(300_000)))
	require.True(t, e.weight(1).GT(e.weight(2)), "demand raises the weight at once")
	require.NoError(t, e.k.RecordRequest(e.Ctx, 1, sdkmath.NewInt(700_000)))
	require.NoError(t, e.k.RecordReveal(e.Ctx, 1, true))
	require.NoError(t, e.k.RecordReveal(e.Ctx, 1, false))
	require.NoError(t, e.k.CheckInvariants(e.Ctx))

	check := func() {
		st := e.state(1)
		require.Equal(t, h, st.LastHeight)
		// α = 0.1, λ was 0: λ = 0.1·(block total).
		require.Equal(t, dec("100000"), st.LambdaFees)
		require.Equal(t, dec("0.2"), st.LambdaRequests)
		require.Equal(t, dec("0.2"), st.LambdaReveals)
		require.Equal(t, dec("0.1"), st.LambdaAccepted)
		// raw = (λ_fees + d0) / (λ_reveals + s0)^(1/2) = (100,000 + 50,000) / 1.2^(1/2).
		want := dec("150000").QuoTruncate(types.SqrtFloor(dec("1.2")))
		require.Equal(t, want, st.Raw)
	}
	check()
	before := e.state(1)
	e.endBlock()
	check()
	require.Equal(t, before, e.state(1), "EndBlock does not step a model twice in one block")
	require.True(t, e.weight(1).GT(e.weight(2)))
	require.NoError(t, e.k.CheckInvariants(e.Ctx))

	// Recording is paid by the transaction: SignalGas plus its store gas.
	gasBefore := e.Ctx.GasMeter().GasConsumed()
	require.NoError(t, e.k.RecordRequest(e.Ctx, 2, sdkmath.NewInt(1)))
	require.Greater(t, e.Ctx.GasMeter().GasConsumed()-gasBefore, types.SignalGas)
}

// Weight events: only for touched models whose weight moved by more than
// the threshold since the last event; none while nothing moves.
func TestWeightEventsOnlyAboveThreshold(t *testing.T) {
	p := testParams()
	p.WeightEventThreshold = dec("0.05")
	e := newEnvWith(t, p)
	e.activate(1, 2, 3, 4)
	e.endBlock()
	// Models 1-3 were last emitted at their activation, when N was smaller:
	// the first refresh reports their real move to 1/4, once.
	got := eventsOf[types.EventWeightChanged](t, e.past)
	require.Len(t, got, 3)
	require.Equal(t, types.EventWeightChanged{ModelId: 1, Old: "1.000000000000000000", New: "0.250000000000000000"}, got[0])
	e.past = nil
	for i := 0; i < 5; i++ {
		e.endBlock()
	}
	require.Empty(t, eventsOf[types.EventWeightChanged](t, e.past), "idle models emit nothing")

	require.NoError(t, e.k.RecordRequest(e.Ctx, 2, sdkmath.NewInt(1_000_000)))
	e.endBlock()
	got = eventsOf[types.EventWeightChanged](t, e.past)
	require.NotEmpty(t, got)
	require.Equal(t, uint64(2), got[0].ModelId)
	require.Equal(t, "0.250000000000000000", got[0].Old)
	require.Equal(t, e.weight(2).String(), got[0].New)
	require.Equal(t, e.state(2).LastWeight, e.weight(2))

	// A small signal that moves the weight less than the threshold: no event.
	e.past = nil
	require.NoError(t, e.k.RecordRequest(e.Ctx, 2, sdkmath.NewInt(1)))
	e.endBlock()
	for _, ev := range eventsOf[types.EventWeightChanged](t, e.past) {
		require.NotEqual(t, uint64(2), ev.ModelId)
	}
}

// A signal whose arithmetic leaves LegacyDec's range is dropped (logged)
// without failing the caller or writing anything; other models go on, and
// EndBlock never panics on such a model.
func TestSignalOverflowIsDropped(t *testing.T) {
	p := testParams()
	p.Fees = types.FilterParams{Omega: dec("0"), Beta: dec("1"), Alpha: dec("0")}                // λ_fees holds
	p.D0 = dec("100000000000000000000000000000000000000000000000000000000000000000000000000000") // 10^77
	e := newEnvWith(t, p)
	require.NoError(t, e.k.OnModelActivated(e.Ctx, 1, true))  // raw d0 = 10^77
	require.NoError(t, e.k.OnModelActivated(e.Ctx, 2, false)) // open: raw 0
	// Model 1: d0 + λ_fees = 2·10^77 is beyond LegacyDec's range (≈ 1.16·10^77).
	st := e.state(1)
	st.LambdaFees = dec("100000000000000000000000000000000000000000000000000000000000000000000000000000")
	require.NoError(t, e.k.Models.Set(e.Ctx, 1, st))
	require.NoError(t, e.k.RecordReveal(e.Ctx, 1, false))
	require.Equal(t, st, e.state(1), "model 1: signal dropped, state kept")
	require.NoError(t, e.k.RecordRequest(e.Ctx, 2, sdkmath.NewInt(10)))
	h := e.Ctx.BlockHeight()
	require.Equal(t, h, e.state(2).LastHeight, "model 2 updated")
	require.NotPanics(t, func() { e.endBlock() })
	require.Equal(t, st, e.state(1), "EndBlock skips the overflowing model")

	p = testParams()
	p.Fees = types.FilterParams{Omega: dec("0"), Beta: dec("1"), Alpha: dec("1")} // λ_fees = the last fee
	e = newEnvWith(t, p)
	e.activate(1, 2)

	// Σraw near the top of the range: a fee that adds ~10^77 to it overflows
	// the sum; nothing is written, nothing panics.
	require.NoError(t, e.k.SumRaw.Set(e.Ctx, dec("115000000000000000000000000000000000000000000000000000000000000000000000000000")))
	fee, ok := sdkmath.NewIntFromString("100000000000000000000000000000000000000000000000000000000000000000000000000000")
	require.True(t, ok)
	before, err := e.k.ExportGenesis(e.Ctx)
	require.NoError(t, err)
	require.NotPanics(t, func() { require.NoError(t, e.k.RecordRequest(e.Ctx, 2, fee)) })
	after, err := e.k.ExportGenesis(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, before, after, "nothing written")
	require.NotPanics(t, func() { require.NoError(t, e.k.EndBlocker(e.Ctx)) })
	after, err = e.k.ExportGenesis(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, before.Backlog.LastHeight+1, after.Backlog.LastHeight, "the role-share half still runs")
}
