package experiments

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/don-network/don/testutil/econsim"
)

// TestSameSeedSameCSV: a seed gives the same CSV byte for byte, and the
// seed matters (the honest evaluators' run of supply differs by seed).
func TestSameSeedSameCSV(t *testing.T) {
	e, ok := econsim.Lookup("supply")
	require.True(t, ok)
	csv := func(seed uint64) []byte {
		res, err := e.Run(econsim.Options{Quick: true, Seed: seed})
		require.NoError(t, err)
		return res.Table.Bytes()
	}
	a := csv(3)
	require.Equal(t, a, csv(3))
	require.NotEqual(t, a, csv(4))
}
