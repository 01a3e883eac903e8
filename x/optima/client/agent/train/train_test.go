package train

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/optima/domains"
	fp "github.com/don-network/don/x/optima/fixedpoint"
)

func TestQuantizeRoundTrip(t *testing.T) {
	raw := []int64{0, 1, -1, 16777216, -8388608, 3355443, 1 << 40, -(1 << 40) - 7}
	require.Equal(t, raw, Quantize(ToFloat(raw)))

	// Rounding matches the fixed-point engine: nearest, ties away from zero.
	half := 0.5 / scale
	require.Equal(t, []int64{1, -1, 0, 3355443}, Quantize([]float64{half, -half, 0.49 / scale, 0.2}))
	want, err := fp.ParseDecimal("0.2")
	require.NoError(t, err)
	require.Equal(t, want.Raw(), Quantize([]float64{0.2})[0])

	// Saturates like the engine and never turns NaN into an unrevealable value.
	require.Equal(t, []int64{math.MaxInt64, math.MinInt64, 0},
		Quantize([]float64{1e30, -1e30, math.NaN()}))
}

// A single-regime AR(2) (both regimes equal) is exactly linear, so least
// squares over K = 4 lags must find [0, 0, φ2, φ1, c].
func TestLeastSquaresRecoversAR(t *testing.T) {
	dom := domains.RegimeAR{}
	half, _ := fp.FromRatio(1, 2)
	fifth, _ := fp.FromRatio(1, 5)
	c3, _ := fp.FromRatio(3, 10)
	cfg := domains.RegimeARConfig{
		Lags: 4, Length: 256, BurnIn: 64,
		Const: [2]fp.Fixed{c3, c3}, Phi1: [2]fp.Fixed{half, half}, Phi2: [2]fp.Fixed{fifth, fifth},
		Sigma: [2]fp.Fixed{fp.One, fp.One}, Stay: [2]fp.Fixed{half, half},
	}
	tr, err := New(dom, cfg, 1)
	require.NoError(t, err)
	p, err := tr.TrainRounds(context.Background(), nil, 2) // 1,024 series of 252 predictions
	require.NoError(t, err)
	want := []float64{0, 0, 0.2, 0.5, 0.3}
	for i := range want {
		require.InDelta(t, want[i], p[i], 0.02, "param %d of %v", i, p)
	}
	// The residual is the innovation variance σ² = 1 (Irwin–Hall normal).
	require.InDelta(t, 1.0, tr.Loss(), 0.02)

	floor, err := Floor(dom, cfg)
	require.NoError(t, err)
	require.InDelta(t, 1.0, floor, 0.01)
}

func TestAdamReducesFriedman1Loss(t *testing.T) {
	dom := domains.Friedman1{}
	cfg := dom.DefaultConfig()
	zeros := make([]int64, 193)
	l0, err := FixedLoss(dom, cfg, zeros, 4096, 1)
	require.NoError(t, err)

	tr, err := New(dom, cfg, 2)
	require.NoError(t, err)
	p, err := tr.TrainRounds(context.Background(), ToFloat(zeros), 10)
	require.NoError(t, err)
	l1, err := FixedLoss(dom, cfg, Quantize(p), 4096, 1)
	require.NoError(t, err)
	require.Less(t, l1, 3.0, "from %.2f", l0) // the zero net scores ≈ 230, the floor is 1

	// Continuing from its own best keeps improving (or at least never loses it).
	p2, err := tr.TrainRounds(context.Background(), p, 10)
	require.NoError(t, err)
	l2, err := FixedLoss(dom, cfg, Quantize(p2), 4096, 1)
	require.NoError(t, err)
	require.Less(t, l2, l1*1.02)
	t.Logf("friedman1: zeros %.2f, 10 rounds %.3f, 20 rounds %.3f (floor 1)", l0, l1, l2)
}

func TestFloors(t *testing.T) {
	f, err := Floor(domains.Friedman1{}, domains.Friedman1{}.DefaultConfig())
	require.NoError(t, err)
	require.Equal(t, 1.0, f)
	f, err = Floor(domains.Spirals{}, domains.Spirals{}.DefaultConfig())
	require.NoError(t, err)
	require.InDelta(t, 0.05, f, 1e-7)
}
