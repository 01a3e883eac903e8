package experiments

import (
	"fmt"
	"math"

	sdkmath "cosmossdk.io/math"
	"gonum.org/v1/plot/plotter"

	"github.com/don-network/don/testutil/econsim"
)

// effort: do weights steer optimizers' effort as docs/weights.md argues?
// With raw_m = (D_m + a·d0)/(S_m + s0)^σ and optimizers who spend effort
// where weight × headroom per unit of supply is highest, effort settles at
// S_m ∝ w_m, hence S ∝ D/S^σ and S ∝ D^{1/(1+σ)}: the slope of log effort
// on log demand is 1/(1+σ). Four admitted models get paid demand in the
// ratio 1:2:4:8 and eight honest optimizers choose between them.
func init() {
	econsim.Register(econsim.Experiment{
		Name:    "effort",
		Summary: "weights steer effort: log effort vs log demand has slope 1/(1+σ) (docs/weights.md)",
		Run:     runEffort,
	})
}

// effortTolerance is the accepted error of a fitted slope: it covers the
// honest chooser's own-commit term (it divides by S + 1 + own pending, so
// small supplies come out a little smaller than S ∝ w: a bias of +0.03 to
// +0.10 measured) and the spread between seeds, and it is below the gap
// between the slopes of σ = 0 and σ = 1/2 (1/3), so a weight that ignored
// supply (slope 1 at every σ) or demand (slope 0) fails.
const effortTolerance = 0.15

// effortScenario is one weights parametrisation of the sweep.
type effortScenario struct {
	Label, Short           string
	Sigma, Epsilon, D0, S0 string
	// Pure: ε = 0 and d0 ≪ D, so the law 1/(1+σ) is the prediction;
	// otherwise the prediction is the equilibrium of docs/weights.md's
	// formula with the prior and the floor (effortEquilibriumSlope).
	Pure bool
}

// effortScenarios: σ swept with the prior and the ε floor switched off
// (d0 at 1% of the least demand: d0 must be positive, but the law is about
// paid demand; s0 small because the law assumes s0 ≪ S), then the chain's
// defaults at the same demands.
var effortScenarios = []effortScenario{
	{Label: "σ 0", Short: "σ 0", Sigma: "0", Epsilon: "0", D0: "1000", S0: "0.01", Pure: true},
	{Label: "σ 0.5", Short: "σ 0.5", Sigma: "0.5", Epsilon: "0", D0: "1000", S0: "0.01", Pure: true},
	{Label: "σ 1", Short: "σ 1", Sigma: "1", Epsilon: "0", D0: "1000", S0: "0.01", Pure: true},
	{Label: "with priors (σ 0.5, ε 0.1, d0 50000 as on the devnet, s0 1)", Short: "priors", Sigma: "0.5", Epsilon: "0.1", D0: "50000", S0: "1"},
}

func runEffort(o econsim.Options) (*econsim.Result, error) {
	setup := effortSetup{Runs: o.RunsOr(1, 3), Blocks: econsim.Pick(o, 170, 600), Optimizers: econsim.Pick(o, 8, 12)}
	res := &econsim.Result{Table: econsim.NewTable(
		"run", "seed", "scenario", "sigma", "epsilon", "d0", "s0", "model",
		"demand_udon_per_block", "weight", "supply_reveals_per_block", "headroom_start", "headroom",
		"commits", "effort_commits_per_block")}
	law := econsim.Panel{Title: "Effort vs demand, ε = 0, d0 << D (dashed: slope 1/(1+σ))",
		X: "demand D (udon per block)", Y: "effort (commits per block, second half)", LogX: true, LogY: true}
	defaults := econsim.Panel{Title: "Chain defaults vs the pure law at σ 0.5 (dashed: predicted slope)",
		X: law.X, Y: law.Y, LogX: true, LogY: true}
	pureSlopes := map[string]float64{}
	for _, sc := range effortScenarios {
		sw, err := setup.sweep(o, sc, res.Table)
		if err != nil {
			return nil, err
		}
		want, wantName := econsim.Mean(sw.Predicted), "the equilibrium of docs/weights.md's formula"
		if sc.Pure {
			want, wantName = 1/(1+decStr(sc.Sigma)), "1/(1+σ)"
		}
		series := []econsim.Series{{Name: sc.Short, XY: sw.Points, Points: true}, effortReference(sc.Short, sw.Points, want)}
		if sc.Pure {
			law.Series = append(law.Series, series...)
		}
		if !sc.Pure || sc.Sigma == "0.5" {
			defaults.Series = append(defaults.Series, series...)
		}
		mean := econsim.Mean(sw.Slopes)
		if sc.Pure {
			pureSlopes[sc.Sigma] = mean
		}
		res.Check(fmt.Sprintf("%s: slope of log effort on log demand within ±%.2f of %s", sc.Label, effortTolerance, wantName),
			math.Abs(mean-want) <= effortTolerance,
			"slope %.3f (runs %.3f) vs %.3f", mean, sw.Slopes, want)
		// Effort follows weight × headroom: headroom that grew or shrank
		// with demand would tilt the slope by its own slope on demand. A
		// best optimum's loss is measured on eval_samples fresh series, so
		// one run's headroom is noisy; the tilt is judged, like the slope,
		// on the mean over runs.
		tilt := econsim.Mean(sw.HeadroomSlopes)
		res.Check(fmt.Sprintf("%s: headroom comparable across models (|slope of log headroom on log demand| ≤ 0.05)", sc.Label),
			math.Abs(tilt) <= 0.05, "slope %.3f (runs %.3f)", tilt, sw.HeadroomSlopes)
	}
	s0, s5, s1 := pureSlopes["0"], pureSlopes["0.5"], pureSlopes["1"]
	res.Check("more supply elasticity, flatter effort: slope(σ 0) > slope(σ 0.5) > slope(σ 1)", s0 > s5 && s5 > s1,
		"slopes %.3f > %.3f > %.3f", s0, s5, s1)
	res.Plot = &econsim.Figure{Panels: []econsim.Panel{law, defaults}}
	return res, nil
}

// effortSweep is what the runs of one scenario measured: per run the
// fitted slope of log effort on log demand, the slope the formula
// predicts, and headroom's own slope on demand; and every (demand,
// effort) point.
type effortSweep struct {
	Slopes, Predicted, HeadroomSlopes []float64
	Points                            plotter.XYs
}

// sweep runs scenario sc over the seeds and adds a table row per run ×
// model.
func (s effortSetup) sweep(o econsim.Options, sc effortScenario, table *econsim.Table) (effortSweep, error) {
	var sw effortSweep
	for r := range s.Runs {
		seed := o.Seed + uint64(r)
		ms, err := s.run(seed, sc)
		if err != nil {
			return sw, fmt.Errorf("%s, seed %d: %w", sc.Label, seed, err)
		}
		var lx, ly, lh, demands []float64
		totalS := 0.0
		for i, m := range ms {
			eff := float64(m.Commits) / float64(s.measured())
			table.Add(r, seed, sc.Short, sc.Sigma, sc.Epsilon, sc.D0, sc.S0, i+1,
				m.Demand, m.Weight, m.Supply, m.HeadroomStart, m.Headroom, m.Commits, eff)
			lx, ly, lh = append(lx, math.Log(m.Demand)), append(ly, math.Log(eff)), append(lh, math.Log(m.Headroom))
			demands = append(demands, m.Demand)
			totalS += m.Supply
			sw.Points = append(sw.Points, plotter.XY{X: m.Demand, Y: eff})
		}
		slope, _ := econsim.LeastSquares(lx, ly)
		headSlope, _ := econsim.LeastSquares(lx, lh)
		want := effortEquilibriumSlope(sc, demands, totalS)
		sw.Slopes, sw.Predicted, sw.HeadroomSlopes = append(sw.Slopes, slope), append(sw.Predicted, want), append(sw.HeadroomSlopes, headSlope)
		o.Logf("effort %s seed %d: slope %.3f (predicted %.3f), headroom slope %.3f", sc.Label, seed, slope, want, headSlope)
	}
	return sw, nil
}

// effortReference is the dashed line of slope want through the geometric
// mean of a scenario's points.
func effortReference(name string, pts plotter.XYs, want float64) econsim.Series {
	var lx, ly float64
	xmin, xmax := math.Inf(1), 0.0
	for _, p := range pts {
		lx += math.Log(p.X)
		ly += math.Log(p.Y)
		xmin, xmax = min(xmin, p.X), max(xmax, p.X)
	}
	lx, ly = lx/float64(len(pts)), ly/float64(len(pts))
	at := func(x float64) plotter.XY { return plotter.XY{X: x, Y: math.Exp(ly + want*(math.Log(x)-lx))} }
	return econsim.Series{Name: fmt.Sprintf("%s: slope %.2f", name, want), XY: plotter.XYs{at(xmin), at(xmax)}, Dashed: true}
}

// effortEquilibriumSlope is the slope of log S on log D at the fixed point
// of docs/weights.md's weights with S_m = total·w_m (effort in proportion
// to weight) for the measured demands: what the formula predicts with the
// scenario's prior d0, floor ε and offset s0.
func effortEquilibriumSlope(sc effortScenario, demands []float64, total float64) float64 {
	sigma, eps, d0, s0 := decStr(sc.Sigma), decStr(sc.Epsilon), decStr(sc.D0), decStr(sc.S0)
	n := float64(len(demands))
	s := make([]float64, len(demands))
	for i := range s {
		s[i] = total / n
	}
	raw := make([]float64, len(demands))
	for range 500 { // a damped iteration: a contraction for σ ≤ 1
		sum := 0.0
		for i, d := range demands {
			raw[i] = (d + d0) / math.Pow(s[i]+s0, sigma)
			sum += raw[i]
		}
		for i := range s {
			s[i] = (s[i] + total*(eps/n+(1-eps)*raw[i]/sum)) / 2
		}
	}
	lx, ly := make([]float64, len(s)), make([]float64, len(s))
	for i := range s {
		lx[i], ly[i] = math.Log(demands[i]), math.Log(s[i])
	}
	slope, _ := econsim.LeastSquares(lx, ly)
	return slope
}

func decStr(s string) float64 { return econsim.Float64(sdkmath.LegacyMustNewDecFromStr(s)) }
