package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/optima/types"
)

func TestBeaconChainsHeaderHashesAndPrunes(t *testing.T) {
	e := newEnv(t)
	p, err := e.k.Params.Get(e.Ctx)
	require.NoError(t, err)
	p.MaxSeedBlocks, p.MaxRevealWindow, p.BeaconRetention = 2, 3, 6
	require.NoError(t, p.Validate())
	require.NoError(t, e.k.Params.Set(e.Ctx, p))

	prev, err := e.k.BeaconAt(e.Ctx, 1)
	require.NoError(t, err)
	for i := 0; i < 10; i++ {
		e.advance(1)
		h := e.Ctx.BlockHeight()
		got, err := e.k.BeaconAt(e.Ctx, h)
		require.NoError(t, err)
		require.Equal(t, types.NextBeacon(prev, e.Ctx.HeaderHash()), got, "beacon(%d) = H(beacon(%d) ‖ header hash)", h, h-1)
		prev = got
	}

	status, err := e.q.BeaconStatus(e.Ctx, &types.QueryBeaconStatusRequest{})
	require.NoError(t, err)
	require.Equal(t, e.Ctx.BlockHeight(), status.Latest.Height)
	require.Equal(t, prev, status.Latest.Value)
	require.Equal(t, e.Ctx.BlockHeight()-int64(p.BeaconRetention)+1, status.OldestHeight, "window of beacon_retention heights")
	_, err = e.k.BeaconAt(e.Ctx, status.OldestHeight-1)
	require.ErrorIs(t, err, types.ErrBeaconUnavailable)
}

// Two chains that differ only in one block's header hash draw different
// evaluation seeds for every later commit.
func TestBeaconDependsOnHeaderHash(t *testing.T) {
	a, b := newEnv(t), newEnv(t)
	a.advance(1)
	b.EndBlockAndBeginWithHash(t, []byte("another header hash"))
	ba, err := a.k.BeaconAt(a.Ctx, 2)
	require.NoError(t, err)
	bb, err := b.k.BeaconAt(b.Ctx, 2)
	require.NoError(t, err)
	require.NotEqual(t, ba, bb)
}

// EndBlockAndBeginWithHash advances one block with a chosen header hash.
func (e *env) EndBlockAndBeginWithHash(t *testing.T, hash []byte) {
	require.NoError(t, e.k.EndBlocker(e.Ctx))
	e.NextBlock()
	e.Ctx = e.Ctx.WithHeaderHash(hash)
	require.NoError(t, e.k.BeginBlocker(e.Ctx))
}
