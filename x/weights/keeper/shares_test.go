package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/weights/types"
)

// Under a growing backlog the evaluator share grows (up to
// max_role_shift·base_optimizer), when it clears the shares return to the
// base; at every block they are in [0, 1] and sum to exactly 1, and events
// are emitted only for moves above the threshold.
func TestRoleSharesFollowBacklog(t *testing.T) {
	p := testParams()
	p.BacklogTarget = dec("50")
	p.Backlog.Alpha = dec("0.3")
	e := newEnvWith(t, p)
	e.activate(1)
	base := p.BaseShares
	shares := func() types.RoleShares {
		s, err := e.k.RoleShares(e.Ctx)
		require.NoError(t, err)
		require.NoError(t, s.Validate())
		return s
	}
	require.Equal(t, base, shares())

	prev := shares().Evaluator
	for level := uint64(0); level <= 200; level += 10 {
		require.NoError(t, e.k.RecordBacklog(e.Ctx, level))
		for i := 0; i < 5; i++ {
			e.endBlock()
			s := shares()
			require.True(t, s.Evaluator.GTE(prev), "evaluator share fell while the backlog grew")
			prev = s.Evaluator
			require.NoError(t, e.k.CheckRoleShares(e.Ctx))
		}
	}
	// The filtered backlog is far above 2·target: full pressure.
	full := shares()
	moved := base.Optimizer.MulTruncate(p.MaxRoleShift)
	require.Equal(t, base.Optimizer.Sub(moved), full.Optimizer)
	require.Equal(t, base.Evaluator.Add(moved), full.Evaluator)
	require.Equal(t, base.Validator, full.Validator)
	require.Equal(t, base.Community, full.Community)
	res, err := e.q.RoleShares(e.Ctx, &types.QueryRoleSharesRequest{})
	require.NoError(t, err)
	require.Equal(t, sdkmath.LegacyOneDec(), res.Pressure)
	require.Equal(t, uint64(200), res.Backlog.Level)
	require.Equal(t, full, res.Shares)
	require.NotEmpty(t, eventsOf[types.EventRoleSharesChanged](t, e.past))

	// The backlog level holds until the next report; a report of 0 clears it.
	require.NoError(t, e.k.RecordBacklog(e.Ctx, 0))
	prev = shares().Evaluator
	for i := 0; i < 60; i++ {
		e.endBlock()
		s := shares()
		require.True(t, s.Evaluator.LTE(prev), "evaluator share rose while the backlog cleared")
		prev = s.Evaluator
	}
	require.Equal(t, base, shares())
	evs := eventsOf[types.EventRoleSharesChanged](t, e.past)
	last := evs[len(evs)-1]
	require.Equal(t, base.Optimizer.String(), last.Optimizer)
	// Each event reports a move larger than the threshold from the previous one.
	for i := 1; i < len(evs); i++ {
		a, b := dec(evs[i-1].Evaluator), dec(evs[i].Evaluator)
		require.True(t, a.Sub(b).Abs().GT(p.WeightEventThreshold))
	}
	require.NoError(t, e.k.CheckInvariants(e.Ctx))
}
