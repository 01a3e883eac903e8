package types_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"
)

// dec parses an exact decimal literal.
func dec(s string) sdkmath.LegacyDec { return sdkmath.LegacyMustNewDecFromStr(s) }

// requireDecEq compares decimals by value with readable output.
func requireDecEq(t *testing.T, want, got sdkmath.LegacyDec, msgAndArgs ...any) {
	t.Helper()
	require.True(t, want.Equal(got), append([]any{"want %s, got %s", want, got}, msgAndArgs...)...)
}

// requireDecNear asserts |want − got| ≤ tol.
func requireDecNear(t *testing.T, want, got, tol sdkmath.LegacyDec, msgAndArgs ...any) {
	t.Helper()
	require.True(t, want.Sub(got).Abs().LTE(tol), append([]any{"want %s ± %s, got %s", want, tol, got}, msgAndArgs...)...)
}
