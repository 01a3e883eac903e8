package integration

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/don-network/don/testutil/donchain"
	optimatypes "github.com/don-network/don/x/optima/types"
	weightstypes "github.com/don-network/don/x/weights/types"
)

// x/optima and x/weights hold the same active models with the same
// admission: the invariant checks the hooks, and a genesis whose x/weights
// part lacks x/optima's active models (a hand-made file) gets them
// activated at import instead of leaving them unweighed.
func TestOptimaAndWeightsStayInStep(t *testing.T) {
	c := donchain.New(t, donchain.Options{Models: 3})
	require.NoError(t, c.Optima.CheckWeightsInStep(c.Ctx))

	exported, err := c.Optima.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	fresh := donchain.New(t, donchain.Options{})
	require.NoError(t, fresh.Optima.InitGenesis(fresh.Ctx, *exported))
	n, na, err := fresh.Weights.ActiveTotals(fresh.Ctx)
	require.NoError(t, err)
	require.Equal(t, [2]uint64{3, 3}, [2]uint64{n, na}, "imported active models are weighed, admitted")
	fresh.CheckInvariants()

	// A model retired behind x/optima's back breaks the invariant.
	require.NoError(t, c.Weights.OnModelRetired(c.Ctx, 2))
	require.ErrorContains(t, c.Optima.CheckWeightsInStep(c.Ctx), "model 2")

	// An import whose x/weights disagrees on admission is refused.
	conflict := donchain.New(t, donchain.Options{})
	require.NoError(t, conflict.Weights.OnModelActivated(conflict.Ctx, 1, false))
	err = conflict.Optima.InitGenesis(conflict.Ctx, *exported)
	require.ErrorIs(t, err, optimatypes.ErrInvalidGenesis)
	require.NotErrorIs(t, err, weightstypes.ErrModelAlreadyActive)
}
