package train

import (
	"math"

	"github.com/don-network/don/x/optima/fixedpoint"
)

// scale is 2^FracBits: raw Q39.24 = value · scale.
const scale = float64(fixedpoint.One)

// ToFloat converts raw Q39.24 values to float64 (exact for |raw| < 2^53).
func ToFloat(raw []int64) []float64 {
	out := make([]float64, len(raw))
	for i, v := range raw {
		out[i] = float64(v) / scale
	}
	return out
}

// FixedToFloat converts fixed-point values to float64.
func FixedToFloat(vals []fixedpoint.Fixed) []float64 {
	out := make([]float64, len(vals))
	for i, v := range vals {
		out[i] = float64(v.Raw()) / scale
	}
	return out
}

// Quantize rounds float64 values to the nearest point of the Q39.24 grid,
// ties away from zero like the fixed-point engine, saturating like it; NaN
// becomes 0 (a trainer that diverged must not produce an unrevealable
// vector).
func Quantize(x []float64) []int64 {
	out := make([]int64, len(x))
	for i, v := range x {
		r := math.Round(v * scale) // math.Round rounds half away from zero
		switch {
		case math.IsNaN(r):
			out[i] = 0
		case r >= math.MaxInt64:
			out[i] = math.MaxInt64
		case r <= math.MinInt64:
			out[i] = math.MinInt64
		default:
			out[i] = int64(r)
		}
	}
	return out
}
