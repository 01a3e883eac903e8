package nodetest

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

// Atoi parses an integer of the CLI's JSON (int64s are strings there).
func Atoi(t testing.TB, s string) int64 {
	t.Helper()
	var v int64
	_, err := fmt.Sscan(s, &v)
	require.NoError(t, err, "not an integer: %q", s)
	return v
}

// CoinAmount reads an amount attribute of a typed event, a Coin in JSON
// ({"denom":"udon","amount":"5"}), as its udon amount.
func CoinAmount(t testing.TB, attr string) int64 {
	t.Helper()
	var c struct{ Denom, Amount string }
	require.NoError(t, json.Unmarshal([]byte(attr), &c), "not a coin: %q", attr)
	require.Equal(t, "udon", c.Denom, "coin %s", attr)
	return Atoi(t, c.Amount)
}
