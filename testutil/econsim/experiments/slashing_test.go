package experiments

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestSlashingQuick: the quick sweep shows the paper's trend, and the
// slash fraction really bites: the collateral lost by the end grows with
// s.
func TestSlashingQuick(t *testing.T) {
	res, _ := runQuick(t, "slashing")
	col := map[string]int{}
	for i, h := range res.Table.Header {
		col[h] = i
	}
	slashedAtEnd := map[float64]float64{}
	for _, row := range res.Table.Rows {
		s, err := strconv.ParseFloat(row[col["slash"]], 64)
		require.NoError(t, err)
		v, err := strconv.ParseFloat(row[col["cum_slashed_udon"]], 64)
		require.NoError(t, err)
		slashedAtEnd[s] = v // rows are in period order: the last one stays
	}
	for i := 1; i < len(slashValues); i++ {
		lo, hi := slashValues[i-1], slashValues[i]
		require.Greater(t, slashedAtEnd[hi], slashedAtEnd[lo], "collateral slashed by the end, s=%g vs s=%g", hi, lo)
	}
}
