package econsim

import (
	"math"
	"sort"
)

// Summary statistics the experiments report. Off-chain float64; inputs are
// never reordered in place.

// Mean is the arithmetic mean (NaN for no values).
func Mean(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

// Median is the middle value (the mean of the two middle ones for an even
// count; NaN for no values).
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// LeastSquares fits y = intercept + slope·x by ordinary least squares (NaN
// for fewer than two distinct x).
func LeastSquares(xs, ys []float64) (slope, intercept float64) {
	mx, my := Mean(xs), Mean(ys)
	var sxy, sxx float64
	for i := range xs {
		sxy += (xs[i] - mx) * (ys[i] - my)
		sxx += (xs[i] - mx) * (xs[i] - mx)
	}
	if sxx == 0 {
		return math.NaN(), math.NaN()
	}
	slope = sxy / sxx
	return slope, my - slope*mx
}
