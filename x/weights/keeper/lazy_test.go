package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/weights/types"
)

// A model left idle for k blocks and then touched has the filters it would
// have had if EndBlock had stepped it every block (up to LegacyDec rounding),
// for many k and with a drift ω ≠ 0.
func TestLazyDecayEqualsPerBlockSteps(t *testing.T) {
	p := testParams()
	p.Fees = types.FilterParams{Omega: dec("0.5"), Beta: dec("0.98"), Alpha: dec("0.1")}
	p.Reveals = types.FilterParams{Omega: dec("0"), Beta: dec("1"), Alpha: dec("0.05")}
	for _, k := range []int{1, 2, 3, 7, 20, 64, 150} {
		eager := p
		eager.RefreshPerBlock = 64 // ≥ N: every model is stepped every block
		lazy := p
		lazy.RefreshPerBlock = 1
		a, b := newEnvWith(t, eager), newEnvWith(t, lazy)
		for _, e := range []*env{a, b} {
			e.activate(1)
			for id := uint64(2); id <= 40; id++ {
				e.activate(id)
			}
			require.NoError(t, e.k.RecordRequest(e.Ctx, 1, sdkmath.NewInt(12_345)))
			require.NoError(t, e.k.RecordReveal(e.Ctx, 1, true))
			e.endBlock()
			for i := 0; i < k; i++ {
				// keep model 40 busy so blocks are not empty
				require.NoError(t, e.k.RecordReveal(e.Ctx, 40, false))
				e.endBlock()
			}
			require.NoError(t, e.k.RecordRequest(e.Ctx, 1, sdkmath.NewInt(1)))
			e.endBlock()
		}
		sa, sb := a.state(1), b.state(1)
		require.Equal(t, sa.LastHeight, sb.LastHeight)
		tol := sdkmath.LegacySmallestDec().MulInt64(int64(k+2) * 20_000)
		for kind := 0; kind < types.NumModelKinds; kind++ {
			diff := sa.Lambda(kind).Sub(sb.Lambda(kind)).Abs()
			require.True(t, diff.LTE(tol), "k=%d kind %d: eager %s lazy %s", k, kind, sa.Lambda(kind), sb.Lambda(kind))
		}
		require.True(t, sa.Raw.Sub(sb.Raw).Abs().LTE(tol), "k=%d raw: eager %s lazy %s", k, sa.Raw, sb.Raw)
		require.NoError(t, a.k.CheckInvariants(a.Ctx))
		require.NoError(t, b.k.CheckInvariants(b.Ctx))
	}
}

// Signals touch their models when recorded; EndBlock visits the next
// refresh_per_block active models (round robin) and advances those behind,
// so a block touches at most signalled + refresh_per_block models and every
// model is brought up to date within ⌈N / refresh_per_block⌉ blocks.
func TestEndBlockTouchesOnlySignalledAndBoundedRefresh(t *testing.T) {
	const n, refresh = 200, 8
	p := testParams()
	p.RefreshPerBlock = refresh
	e := newEnvWith(t, p)
	for id := uint64(1); id <= n; id++ {
		e.activate(id)
	}
	start := e.Ctx.BlockHeight()
	r := &rng{s: 7}
	refreshed := map[uint64]bool{} // touched at least once
	blocks := 0
	for len(refreshed) < n {
		blocks++
		h := e.Ctx.BlockHeight()
		signalled := map[uint64]bool{}
		for i := 0; i < 5; i++ {
			m := 1 + r.intn(n)
			signalled[m] = true
			require.NoError(t, e.k.RecordRequest(e.Ctx, m, sdkmath.NewInt(10)))
		}
		e.endBlock()
		touched, refreshedNow := 0, 0
		for id := uint64(1); id <= n; id++ {
			if e.state(id).LastHeight == h {
				touched++
				refreshed[id] = true
				if !signalled[id] {
					refreshedNow++
				}
			} else {
				require.False(t, signalled[id], "signalled model %d not applied", id)
			}
		}
		require.LessOrEqual(t, touched, len(signalled)+refresh, "block %d", h)
		require.GreaterOrEqual(t, refreshedNow, refresh-len(signalled), "block %d", h)
		require.LessOrEqual(t, blocks, n/refresh, "round robin must cover every model")
	}
	require.NoError(t, e.k.CheckInvariants(e.Ctx))
	require.Greater(t, e.Ctx.BlockHeight(), start)
}

// The refresh cursor wraps around and skips retired models.
func TestRefreshCursorWrapsAndSkipsRetired(t *testing.T) {
	p := testParams()
	p.RefreshPerBlock = 3
	e := newEnvWith(t, p)
	e.activate(1, 2, 3, 4, 5)
	require.NoError(t, e.k.OnModelRetired(e.Ctx, 2))
	var order []uint64
	for b := 0; b < 4; b++ {
		h := e.Ctx.BlockHeight()
		e.endBlock()
		for _, id := range []uint64{1, 3, 4, 5} {
			if e.state(id).LastHeight == h {
				order = append(order, id)
			}
		}
	}
	// Blocks: {1,3,4}, {5,1,3}, {4,5,1}, {3,4,5} (sets printed in id order).
	require.Equal(t, []uint64{1, 3, 4, 1, 3, 5, 1, 4, 5, 3, 4, 5}, order)
	require.Equal(t, int64(0), e.state(2).LastHeight, "a retired model is frozen")
}
