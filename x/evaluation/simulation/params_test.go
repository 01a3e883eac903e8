package simulation_test

import (
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/evaluation/simulation"
)

// Every draw must be valid params: a genesis or proposal the chain
// refuses would stop the simulation before it tests anything.
func TestRandomParamsAreValid(t *testing.T) {
	for seed := int64(0); seed < 2_000; seed++ {
		p := simulation.RandomParams(rand.New(rand.NewSource(seed)))
		require.NoError(t, p.Validate(), "seed %d", seed)
	}
}
