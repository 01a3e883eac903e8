package experiments

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestReputationQuick: the reputation of an evaluator with success rate q
// settles at the docs' fixed point for every q of the grid, and a more
// reliable evaluator ends with a higher reputation.
func TestReputationQuick(t *testing.T) {
	res, _ := runQuick(t, "reputation")
	col := map[string]int{}
	for i, h := range res.Table.Header {
		col[h] = i
	}
	last := map[float64]float64{} // q → reputation after the last block
	for _, row := range res.Table.Rows {
		q, err := strconv.ParseFloat(row[col["q"]], 64)
		require.NoError(t, err)
		r, err := strconv.ParseFloat(row[col["reputation"]], 64)
		require.NoError(t, err)
		last[q] = r
	}
	require.Len(t, last, len(reputationQs))
	require.Less(t, last[reputationQs[0]], last[reputationQs[len(reputationQs)-1]],
		"q=%g ends below q=%g", reputationQs[0], reputationQs[len(reputationQs)-1])
}
