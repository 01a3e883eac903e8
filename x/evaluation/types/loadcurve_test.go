package types_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/evaluation/types"
)

func TestDefaultLoadCurveValues(t *testing.T) {
	c := types.DefaultLoadCurve()
	require.NoError(t, c.Validate())
	cases := []struct{ x, want string }{
		{"0", "0.367879441171442322"},   // A·e^−1 − C, e^−1 rounded to 18 decimals
		{"0.3", "0.778800783071404868"}, // ((0.3−0.6)/0.6)² = 0.25: e^−0.25
		{"0.6", "1"},                    // B: D = 1, the peak
		{"0.7", "0.9"},                  // 1 + 0.1·(−1)
		{"0.8", "0.8"},                  // F: 1 + 0.2·(−1)
		{"0.9", "0.75"},                 // −5·0.01 + 0.8
		{"1", "0.6"},                    // −5·0.04 + 0.8
		{"1.2", "0"},                    // −5·0.16 + 0.8 = 0: the third piece's root
		{"1.5", "0"},                    // −5·0.49 + 0.8 = −1.65, floored at 0
		{"10", "0"},
	}
	for _, tc := range cases {
		requireDecEq(t, dec(tc.want), c.Eval(dec(tc.x)), "f(%s)", tc.x)
	}
}

func TestDefaultLoadCurveContinuity(t *testing.T) {
	c := types.DefaultLoadCurve()
	// Exact identities Validate relies on.
	requireDecEq(t, c.D, c.A.Sub(c.C))
	d := c.F.Sub(c.H)
	requireDecEq(t, c.G.Mul(d.Mul(d)).Add(c.I), c.D.Add(c.F.Sub(c.B).Mul(c.E)))
	// One LegacyDec step either side of B and F moves f by at most 1e-17.
	eps, tol := dec("0.000000000000000001"), dec("0.00000000000000001")
	for _, x := range []sdkmath.LegacyDec{c.B, c.F} {
		requireDecNear(t, c.Eval(x), c.Eval(x.Sub(eps)), tol, "left of %s", x)
		requireDecNear(t, c.Eval(x), c.Eval(x.Add(eps)), tol, "right of %s", x)
	}
	// And a coarser step moves it by about slope × step on both sides.
	step := dec("0.001")
	requireDecNear(t, dec("1"), c.Eval(c.B.Sub(step)), dec("0.00001")) // slope 0 at B from the left
	requireDecEq(t, dec("0.999"), c.Eval(c.B.Add(step)))               // slope E = −1
	requireDecEq(t, dec("0.801"), c.Eval(c.F.Sub(step)))               // slope E = −1
	requireDecEq(t, dec("0.799995"), c.Eval(c.F.Add(step)))            // −5·1e-6 + 0.8
}

func TestLoadCurvePeak(t *testing.T) {
	cases := []struct {
		name  string
		curve types.LoadCurve
		want  string
	}{
		{"defaults: at B", types.DefaultLoadCurve(), "1"},
		{
			// Rising linear piece up to F = 1: max at x = 1, f(1) = 0.5 + 0.5·1.
			"at x = 1", curve("0.5", "0.5", "0", "0.5", "1", "1", "-1", "1", "1"), "1",
		},
		{
			// f(F=0.6) = 0.9; concave third piece −10·(x−0.9)² + 1.8 peaks
			// at its vertex H = 0.9 inside (F, 1): f(0.9) = 1.8 > f(1) = 1.7.
			"at the vertex H", curve("1", "0.5", "0", "1", "-1", "0.6", "-10", "0.9", "1.8"), "1.8",
		},
		{
			// Convex third piece 10·(x−0.5)² + 0.8 from f(0.6) = 0.9 up to
			// f(1) = 10·0.25 + 0.8 = 3.3.
			"convex third piece, at x = 1", curve("1", "0.5", "0", "1", "-1", "0.6", "10", "0.5", "0.8"), "3.3",
		},
		{
			// Rising linear piece to f(F=0.75) = 0.5 + 0.25 = 0.75, then
			// −4·(x−0.75)² + 0.75 falls to 0.5 at 1: max at F.
			"at F", curve("1", "0.5", "0.5", "0.5", "1", "0.75", "-4", "0.75", "0.75"), "0.75",
		},
		{
			// A < 0: piece 1 is −e^(−z) + 2, falling from f(0) = 2 − e^−1 to
			// 1 at B; then 1 − (x−0.5) down to 0.5.
			"A < 0: at x = 0", curve("-1", "0.5", "-2", "1", "-1", "1", "0", "0", "0.5"), "1.632120558828557678",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.NoError(t, tc.curve.Validate())
			peak := tc.curve.Peak()
			requireDecEq(t, dec(tc.want), peak)
			// No grid point of [0, 1] exceeds it.
			for i := int64(0); i <= 1000; i++ {
				x := sdkmath.LegacyNewDecWithPrec(i, 3)
				require.True(t, tc.curve.Eval(x).LTE(peak), "f(%s) = %s above peak %s", x, tc.curve.Eval(x), peak)
			}
		})
	}
}

func TestLoadCurveValidateRejects(t *testing.T) {
	def := types.DefaultLoadCurve()
	cases := []struct {
		name   string
		msg    string // the specific check that must fire
		mutate func(*types.LoadCurve)
	}{
		{"nil a", "load_curve.a must be set", func(c *types.LoadCurve) { c.A = sdkmath.LegacyDec{} }},
		{"nil i", "load_curve.i must be set", func(c *types.LoadCurve) { c.I = sdkmath.LegacyDec{} }},
		{"huge g", "load_curve.g -1000001.000000000000000000 must be within", func(c *types.LoadCurve) { c.G = dec("-1000001") }},
		{"b = 0", "load_curve.b 0.000000000000000000 must be in (0, 1]", func(c *types.LoadCurve) { c.B = dec("0") }},
		{"b < 0", "load_curve.b -0.100000000000000000 must be in (0, 1]", func(c *types.LoadCurve) { c.B = dec("-0.1") }},
		{"b > 1", "load_curve.b 1.100000000000000000 must be in (0, 1]", func(c *types.LoadCurve) { c.B = dec("1.1"); c.F = dec("1.2") }},
		{"f < b", "load_curve.f 0.500000000000000000 must be at least b", func(c *types.LoadCurve) { c.F = dec("0.5") }},
		{"jump at b", "not continuous at b", func(c *types.LoadCurve) { c.D = dec("0.9") }},
		{"jump at f", "not continuous at f", func(c *types.LoadCurve) { c.I = dec("0.7") }},
		{"tiny jump at f", "not continuous at f", func(c *types.LoadCurve) { c.I = dec("0.800000000000000001") }},
		{"peak 0", "peak on [0, 1] is 0.000000000000000000", func(c *types.LoadCurve) { *c = curve("0", "0.5", "0", "0", "0", "0.5", "0", "0", "0") }},
		{"peak < 0", "peak on [0, 1] is -1.000000000000000000", func(c *types.LoadCurve) { *c = curve("0", "0.5", "1", "-1", "0", "1", "0", "0", "-1") }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := def
			tc.mutate(&c)
			err := c.Validate()
			require.ErrorIs(t, err, types.ErrInvalidParams)
			require.ErrorContains(t, err, tc.msg)
			p := types.DefaultParams()
			p.LoadCurve = c
			require.ErrorIs(t, p.Validate(), types.ErrInvalidParams)
		})
	}
}

func TestIncompleteCurveIsFlatZero(t *testing.T) {
	var c types.LoadCurve // all nil: bad state must not panic
	requireDecEq(t, sdkmath.LegacyZeroDec(), c.Eval(dec("0.5")))
	requireDecEq(t, sdkmath.LegacyZeroDec(), c.Peak())
}

// curve builds a LoadCurve from A..I.
func curve(a, b, c, d, e, f, g, h, i string) types.LoadCurve {
	return types.LoadCurve{A: dec(a), B: dec(b), C: dec(c), D: dec(d), E: dec(e), F: dec(f), G: dec(g), H: dec(h), I: dec(i)}
}
