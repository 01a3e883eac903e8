package train

import (
	"errors"
	"math"
)

// errSingular is returned when a system stays singular after regularising.
var errSingular = errors.New("train: singular system")

// solveSPD solves A·x = b for a symmetric positive semi-definite A (n×n,
// row-major) by Cholesky. If A is numerically singular (a constant input,
// too few rows) a tiny ridge proportional to its trace is added.
func solveSPD(a []float64, b []float64, n int) ([]float64, error) {
	var trace float64
	for i := 0; i < n; i++ {
		trace += a[i*n+i]
	}
	for _, ridge := range []float64{0, 1e-12, 1e-9, 1e-6} {
		if x, ok := cholSolve(a, b, n, ridge*trace/float64(n)); ok {
			return x, nil
		}
	}
	return nil, errSingular
}

func cholSolve(a, b []float64, n int, ridge float64) ([]float64, bool) {
	l := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j <= i; j++ {
			s := a[i*n+j]
			if i == j {
				s += ridge
			}
			for k := 0; k < j; k++ {
				s -= l[i*n+k] * l[j*n+k]
			}
			if i == j {
				if s <= 0 || math.IsNaN(s) {
					return nil, false
				}
				l[i*n+i] = math.Sqrt(s)
			} else {
				l[i*n+j] = s / l[j*n+j]
			}
		}
	}
	// Forward then back substitution: L·y = b, Lᵀ·x = y.
	x := make([]float64, n)
	for i := 0; i < n; i++ {
		s := b[i]
		for k := 0; k < i; k++ {
			s -= l[i*n+k] * x[k]
		}
		x[i] = s / l[i*n+i]
	}
	for i := n - 1; i >= 0; i-- {
		s := x[i]
		for k := i + 1; k < n; k++ {
			s -= l[k*n+i] * x[k]
		}
		x[i] = s / l[i*n+i]
	}
	return x, true
}
