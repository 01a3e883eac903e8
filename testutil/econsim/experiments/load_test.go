package experiments

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestLoadQuick: in the quick run, evaluators' loads under the default load
// curve are compared with a flat control (docs/evaluation.md); every claim
// was priced exactly as the replay of the chain's rule says (the run fails
// otherwise).
func TestLoadQuick(t *testing.T) {
	res, _ := runQuick(t, "load")
	require.Len(t, res.Table.Rows, len(loadArms)*loadPopulation.Evaluators, "one row per arm × evaluator")
}
