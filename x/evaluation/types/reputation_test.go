package types_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/evaluation/types"
)

func TestUpdateReputationValues(t *testing.T) {
	p := types.DefaultParams() // α_ok 0.05, α_fail 0.2
	cases := []struct {
		r       string
		success bool
		want    string
	}{
		{"0.5", true, "0.525"}, // 0.5 + 0.05·0.5
		{"0.5", false, "0.4"},  // 0.5 − 0.2·0.5
		{"1", true, "1"},       // fixed point of success
		{"1", false, "0.8"},    // 1 − 0.2
		{"0", false, "0"},      // fixed point of failure
		{"0", true, "0.05"},    // 0 + 0.05·1
		{"0.3", true, "0.335"}, // 0.3 + 0.05·0.7
		{"0.3", false, "0.24"}, // 0.3 − 0.2·0.3
		{"1.5", false, "0.8"},  // bad state: r clamped to 1 first
		{"-0.5", true, "0.05"}, // bad state: r clamped to 0 first
	}
	for _, tc := range cases {
		requireDecEq(t, dec(tc.want), p.UpdateReputation(dec(tc.r), tc.success), "r %s success %v", tc.r, tc.success)
	}
	requireDecEq(t, dec("0.05"), p.UpdateReputation(sdkmath.LegacyDec{}, true)) // nil r as 0
}

func TestUpdateReputationAsymmetric(t *testing.T) {
	p := types.DefaultParams()
	r := dec("0.5")
	up := p.UpdateReputation(r, true).Sub(r)    // +0.025
	down := r.Sub(p.UpdateReputation(r, false)) // 0.1
	requireDecEq(t, dec("0.025"), up)
	requireDecEq(t, dec("0.1"), down)
	require.True(t, down.GT(up))
	// One failure from 0.5 takes four successes to undo:
	// 0.4 → 0.43 → 0.4585 → 0.485575 → 0.51129625.
	r = p.UpdateReputation(r, false)
	want := []string{"0.43", "0.4585", "0.485575", "0.51129625"}
	for i, w := range want {
		r = p.UpdateReputation(r, true)
		requireDecEq(t, dec(w), r, "success %d", i+1)
		require.Equal(t, i == 3, r.GTE(dec("0.5")))
	}
	// From the default initial reputation three failures in a row fall
	// below min_reputation 0.3: 0.5 → 0.4 → 0.32 → 0.256.
	r = p.InitialReputation
	for _, w := range []string{"0.4", "0.32", "0.256"} {
		r = p.UpdateReputation(r, false)
		requireDecEq(t, dec(w), r)
	}
	require.True(t, r.LT(p.MinReputation))
}

func TestUpdateReputationStaysInUnitInterval(t *testing.T) {
	for _, alphas := range [][2]string{{"0.05", "0.2"}, {"0.5", "1"}, {"1", "1"}, {"0.000000000000000001", "0.000000000000000002"}} {
		p := types.DefaultParams()
		p.AlphaOk, p.AlphaFail = dec(alphas[0]), dec(alphas[1])
		r := p.InitialReputation
		for i := 0; i < 2000; i++ {
			// A deterministic mixed history: runs of successes, bursts of failures.
			r = p.UpdateReputation(r, i%7 != 0 && (i/100)%3 != 2)
			require.True(t, !r.IsNegative() && r.LTE(sdkmath.LegacyOneDec()), "alphas %v step %d: %s", alphas, i, r)
		}
	}
	p := types.DefaultParams()
	p.AlphaFail = dec("1")
	requireDecEq(t, dec("0"), p.UpdateReputation(dec("0.9"), false)) // α = 1: r jumps to y
}
