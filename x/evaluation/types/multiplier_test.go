package types_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/evaluation/types"
)

func TestMultiplierValues(t *testing.T) {
	p := types.DefaultParams() // m_min 0.5, f_peak 1
	cases := []struct{ load, rep, want string }{
		{"0.6", "1", "1"},                    // 0.5 + 0.5·1·1
		{"0.6", "0", "0.5"},                  // rep 0: m_min
		{"0.6", "0.5", "0.75"},               // 0.5 + 0.5·1·0.5
		{"0", "1", "0.683939720585721161"},   // 0.5 + 0.5·0.367879441171442322
		{"0.3", "1", "0.889400391535702434"}, // 0.5 + 0.5·0.778800783071404868
		{"0.8", "1", "0.9"},                  // 0.5 + 0.5·0.8
		{"1", "0.5", "0.65"},                 // 0.5 + 0.5·0.6·0.5
		{"1.2", "1", "0.5"},                  // f = 0
		{"2", "1", "0.5"},                    // f floored at 0
		{"0.7", "0.3", "0.635"},              // 0.5 + 0.5·0.9·0.3
		{"0.9", "0.8", "0.8"},                // 0.5 + 0.5·0.75·0.8
		{"0.999999999999999999", "1", "0.8"}, // (0.2 − 1e-18)² rounds to 0.04: f = 0.6
	}
	for _, tc := range cases {
		requireDecEq(t, dec(tc.want), p.Multiplier(dec(tc.load), dec(tc.rep)), "M(%s, %s)", tc.load, tc.rep)
	}
}

func TestMultiplierWithOtherPeak(t *testing.T) {
	p := types.DefaultParams()
	p.MMin = dec("0.2")
	// Peak 1.8 at H = 0.9 (see TestLoadCurvePeak).
	p.LoadCurve = curve("1", "0.5", "0", "1", "-1", "0.6", "-10", "0.9", "1.8")
	requireDecEq(t, dec("1"), p.Multiplier(dec("0.9"), dec("1"))) // at the peak
	// f(B = 0.5) = 1: ratio 1/1.8 rounds to 0.555555555555555556, times 0.8 is
	// 0.4444444444444444448, rounded 0.444444444444444445; plus 0.2.
	requireDecEq(t, dec("0.644444444444444445"), p.Multiplier(dec("0.5"), dec("1")))
	requireDecEq(t, dec("0.2"), p.Multiplier(dec("0.5"), dec("0")))
}

func TestMultiplierMonotone(t *testing.T) {
	p := types.DefaultParams()
	b := p.LoadCurve.B
	reps := []string{"0", "0.1", "0.3", "0.5", "0.75", "0.9", "1"}
	grid := func(i int64) sdkmath.LegacyDec { return sdkmath.LegacyNewDecWithPrec(i, 2) } // 0.00 .. 1.50
	for _, r := range reps {
		rep := dec(r)
		// Moving away from B to the left: non-increasing.
		prev := p.Multiplier(b, rep)
		for i := int64(59); i >= 0; i-- {
			m := p.Multiplier(grid(i), rep)
			require.True(t, m.LTE(prev), "rep %s: M(%s) = %s > %s", r, grid(i), m, prev)
			prev = m
		}
		// Moving away from B to the right, past 1: non-increasing.
		prev = p.Multiplier(b, rep)
		for i := int64(61); i <= 150; i++ {
			m := p.Multiplier(grid(i), rep)
			require.True(t, m.LTE(prev), "rep %s: M(%s) = %s > %s", r, grid(i), m, prev)
			prev = m
		}
	}
	// Non-decreasing in reputation at every load, and within [m_min, 1].
	for i := int64(0); i <= 150; i++ {
		prev := sdkmath.LegacyZeroDec()
		for j := int64(0); j <= 100; j++ {
			m := p.Multiplier(grid(i), sdkmath.LegacyNewDecWithPrec(j, 2))
			require.True(t, m.GTE(prev), "load %s rep %d%%: %s < %s", grid(i), j, m, prev)
			require.True(t, m.GTE(p.MMin) && m.LTE(sdkmath.LegacyOneDec()))
			prev = m
		}
	}
}

func TestMultiplierBadStateDoesNotPanic(t *testing.T) {
	p := types.DefaultParams()
	requireDecEq(t, dec("0.683939720585721161"), p.Multiplier(sdkmath.LegacyDec{}, dec("1"))) // nil load as 0
	requireDecEq(t, dec("0.683939720585721161"), p.Multiplier(dec("-1"), dec("1")))           // negative load as 0
	requireDecEq(t, dec("0.5"), p.Multiplier(dec("0.6"), sdkmath.LegacyDec{}))                // nil rep as 0
	requireDecEq(t, dec("1"), p.Multiplier(dec("0.6"), dec("7")))                             // rep clamped to 1
	requireDecEq(t, dec("0.5"), p.Multiplier(dec("100000000000000000000"), dec("1")))         // absurd load: f = 0
	p.LoadCurve = types.LoadCurve{}
	requireDecEq(t, dec("0.5"), p.Multiplier(dec("0.6"), dec("1"))) // no curve: m_min
}

func TestCheckLoadQuery(t *testing.T) {
	p := types.DefaultParams()
	ok := []struct{ load, rep string }{{"0", "0"}, {"0.6", "0.5"}, {"1", "1"}, {"10", "1"}}
	for _, tc := range ok {
		require.NoError(t, p.CheckLoadQuery(dec(tc.load), dec(tc.rep)), "%s, %s", tc.load, tc.rep)
	}
	bad := []struct {
		load, rep sdkmath.LegacyDec
	}{
		{sdkmath.LegacyDec{}, dec("0.5")},
		{dec("-0.1"), dec("0.5")},
		{dec("10.000000000000000001"), dec("0.5")},
		{dec("0.5"), sdkmath.LegacyDec{}},
		{dec("0.5"), dec("-0.1")},
		{dec("0.5"), dec("1.000000000000000001")},
	}
	for _, tc := range bad {
		require.ErrorIs(t, p.CheckLoadQuery(tc.load, tc.rep), types.ErrInvalidLoad, "%v, %v", tc.load, tc.rep)
	}
}
