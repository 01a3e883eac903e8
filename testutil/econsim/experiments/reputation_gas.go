package experiments

import (
	"math"

	"github.com/don-network/don/testutil/econsim"
	evaluationtypes "github.com/don-network/don/x/evaluation/types"
)

// The statistics of docs/evaluation.md#reputation's update for an
// evaluator whose outcomes are independent successes with probability q:
// r ← r + a·(1 − r) with probability q (a = alpha_ok), r ← r − b·r
// otherwise (b = alpha_fail).

// gasAlphas are alpha_ok and alpha_fail as floats.
func gasAlphas(p evaluationtypes.Params) (a, b float64) {
	return econsim.Float64(p.AlphaOk), econsim.Float64(p.AlphaFail)
}

// gasFixedPoint is the docs' α_ok·q / (α_ok·q + α_fail·(1 − q)).
func gasFixedPoint(p evaluationtypes.Params, q float64) float64 {
	a, b := gasAlphas(p)
	return a * q / (a*q + b*(1-q))
}

// gasRho is the autocorrelation of r from one outcome to the next:
// E[r' | r] = ρ·r + a·q with ρ = 1 − a·q − b·(1 − q).
func gasRho(p evaluationtypes.Params, q float64) float64 {
	a, b := gasAlphas(p)
	return 1 - a*q - b*(1-q)
}

// gasStationaryVariance is Var r in the stationary state, from
// E[r'²] = q·E[((1−a)·r + a)²] + (1−q)·E[((1−b)·r)²] with E[r'²] = E[r²].
func gasStationaryVariance(p evaluationtypes.Params, q float64) float64 {
	a, b := gasAlphas(p)
	m := gasFixedPoint(p, q)
	second := q * (2*a*(1-a)*m + a*a) / (1 - q*(1-a)*(1-a) - (1-q)*(1-b)*(1-b))
	return second - m*m
}

// gasMeanSE is the standard error of a time average of r over n outcomes
// of the stationary process: σ·√((1 + ρ) / ((1 − ρ)·n)), the AR(1)
// correction for correlated samples.
func gasMeanSE(p evaluationtypes.Params, q, n float64) float64 {
	if n <= 0 {
		return math.Inf(1)
	}
	rho := gasRho(p, q)
	return math.Sqrt(gasStationaryVariance(p, q) * (1 + rho) / ((1 - rho) * n))
}
