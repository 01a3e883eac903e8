package experiments

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestWashTrade runs washtrade's quick version: every attack of
// docs/economics.md loses money (or gains nothing) at every point of the
// default region, and the CSV has a profit row for every attacker at
// every point.
func TestWashTrade(t *testing.T) {
	res, _ := runQuick(t, "washtrade")
	col := slices.Index(res.Table.Header, "attacker_profit_udon")
	require.GreaterOrEqual(t, col, 0, "attacker_profit_udon column")
	who := slices.Index(res.Table.Header, "attacker")
	seen := map[string]bool{}
	for _, row := range res.Table.Rows {
		seen[row[who]] = true
		require.NotEmpty(t, row[col])
	}
	for _, name := range append(append([]string{}, washMarketAttackers...), washGrinders...) {
		require.True(t, seen[name], "no row for %s", name)
	}
	for _, k := range washSplitSteps {
		require.True(t, seen[fmt.Sprintf("split-k%d", k)], "no row for split-k%d", k)
	}
}
