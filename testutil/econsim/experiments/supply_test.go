package experiments

import "testing"

// TestSupplyQuick: with nothing held back the minted supply is the closed
// form of the capped exponential schedule within 1 udon per round; with
// the default shares it stays below the closed form and the cap.
func TestSupplyQuick(t *testing.T) {
	runQuick(t, "supply")
}
