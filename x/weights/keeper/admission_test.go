package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/weights/types"
)

// One settled request at the devnet's usual 0.1 DON fee cannot swing a
// weight by more than 0.05 among three admitted models, whatever their
// supplies and earlier demand: d0 (a prior demand in udon per block) damps
// it. Checked over random supply and demand histories, and at the worst
// case of the bound in DefaultD0's comment.
func TestOneRequestCannotSwingAWeight(t *testing.T) {
	const fee = 100_000 // 0.1 DON
	bound := dec("0.05")
	r := &rng{s: 8}
	var largest sdkmath.LegacyDec = sdkmath.LegacyZeroDec()
	for run := 0; run < 200; run++ {
		e := newEnv(t)
		e.activate(1, 2, 3)
		// A random history: reveals (supply) and earlier paid demand.
		for b := 0; b < int(r.intn(30)); b++ {
			for m := uint64(1); m <= 3; m++ {
				for i := uint64(0); i < r.intn(4); i++ {
					require.NoError(t, e.k.RecordReveal(e.Ctx, m, r.intn(2) == 0))
				}
				if r.intn(3) == 0 {
					require.NoError(t, e.k.RecordRequest(e.Ctx, m, sdkmath.NewIntFromUint64(r.intn(3*fee))))
				}
			}
			e.endBlock()
		}
		m := 1 + r.intn(3)
		before := e.weight(m)
		require.NoError(t, e.k.RecordRequest(e.Ctx, m, sdkmath.NewInt(fee)))
		move := e.weight(m).Sub(before)
		require.True(t, move.IsPositive(), "run %d: paid demand must raise the weight", run)
		require.True(t, move.LTE(bound), "run %d: one 0.1 DON request moved model %d by %s", run, m, move)
		largest = sdkmath.LegacyMaxDec(largest, move)
		require.NoError(t, e.k.CheckInvariants(e.Ctx))
	}
	t.Logf("largest move of one 0.1 DON request over 200 histories: %s", largest)

	// The worst case of the bound: the other models' raw weights sum to
	// √(d0·(d0 + α·fee)) ≈ 1.095·d0 (model 2 busy with reveals, model 3
	// retired to make the sum fit).
	e := newEnv(t)
	e.activate(1, 2)
	st := e.state(2)
	st.Raw = types.SqrtFloor(dec("50000").Mul(dec("60000")))
	sum, err := e.k.SumRaw.Get(e.Ctx)
	require.NoError(t, err)
	require.NoError(t, e.k.Models.Set(e.Ctx, 2, st))
	require.NoError(t, e.k.SumRaw.Set(e.Ctx, sum.Sub(dec("50000")).Add(st.Raw)))
	before := e.weight(1)
	require.NoError(t, e.k.RecordRequest(e.Ctx, 1, sdkmath.NewInt(fee)))
	move := e.weight(1).Sub(before)
	require.True(t, move.LTE(bound), "worst case moved the weight by %s", move)
	require.True(t, move.GT(dec("0.04")), "the worst case is near the bound 0.041: %s", move)
}

// An open model (anyone's) weighs only by the demand clients paid for: no
// prior d0, no ε share. Reveals and fee-less requests leave it at 0; paid
// demand gives it weight; admission gives it the prior and the ε floor.
func TestOpenModelWeighsOnlyByPaidDemand(t *testing.T) {
	e := newEnv(t)
	e.activate(1, 2)
	require.NoError(t, e.k.OnModelActivated(e.Ctx, 3, false))
	require.True(t, e.weight(3).IsZero(), "a new open model weighs 0")
	require.Equal(t, dec("0.5"), e.weight(1), "the admitted models share everything")
	for b := 0; b < 5; b++ {
		require.NoError(t, e.k.RecordReveal(e.Ctx, 3, true))
		require.NoError(t, e.k.RecordRequest(e.Ctx, 3, sdkmath.ZeroInt()))
		e.endBlock()
		require.True(t, e.weight(3).IsZero(), "block %d: supply and free requests are no demand", b)
		require.NoError(t, e.k.CheckInvariants(e.Ctx))
	}

	require.NoError(t, e.k.RecordRequest(e.Ctx, 3, sdkmath.NewInt(1_000_000)))
	paid := e.weight(3)
	require.True(t, paid.IsPositive(), "paid demand gives weight")
	require.True(t, paid.LT(dec("0.45")), "but no ε share: %s", paid)
	require.NoError(t, e.k.CheckInvariants(e.Ctx))

	// Paid demand fades with its filter, and so does the weight.
	for b := 0; b < 400; b++ {
		e.endBlock()
	}
	require.True(t, e.weight(3).LT(paid.QuoInt64(100)), "faded: %s", e.weight(3))

	require.NoError(t, e.k.OnModelAdmitted(e.Ctx, 3))
	require.ErrorIs(t, e.k.OnModelAdmitted(e.Ctx, 3), types.ErrModelAlreadyAdmitted)
	require.True(t, e.weight(3).GTE(dec("0.1").QuoInt64(3)), "admitted: at least ε/N_a")
	require.NoError(t, e.k.CheckInvariants(e.Ctx))
	require.ErrorIs(t, e.k.OnModelAdmitted(e.Ctx, 9), types.ErrModelNotActive)

	// Retiring the admitted models leaves the totals consistent.
	require.NoError(t, e.k.OnModelRetired(e.Ctx, 1))
	require.NoError(t, e.k.OnModelRetired(e.Ctx, 3))
	n, na, err := e.k.ActiveTotals(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, [2]uint64{1, 1}, [2]uint64{n, na})
	require.NoError(t, e.k.CheckInvariants(e.Ctx))
}

// With no admitted model and no paid demand nothing weighs: every weight
// is 0, so no optimizer work counts.
func TestNothingWeighsWithoutAdmissionOrDemand(t *testing.T) {
	e := newEnv(t)
	require.NoError(t, e.k.OnModelActivated(e.Ctx, 1, false))
	require.NoError(t, e.k.OnModelActivated(e.Ctx, 2, false))
	e.endBlock()
	require.True(t, e.weight(1).IsZero())
	require.True(t, e.weight(2).IsZero())
	w, rem, err := e.k.PublishedWeights(e.Ctx)
	require.NoError(t, err)
	require.True(t, rem.IsZero() && w[0].Weight.IsZero() && w[1].Weight.IsZero())
	require.NoError(t, e.k.CheckInvariants(e.Ctx))
	// Demand on one open model makes it the only one that weighs.
	require.NoError(t, e.k.RecordRequest(e.Ctx, 2, sdkmath.NewInt(10)))
	require.Equal(t, sdkmath.LegacyOneDec(), e.weight(2))
	require.NoError(t, e.k.CheckInvariants(e.Ctx))
}
