package domains

import (
	"fmt"

	fp "github.com/don-network/don/x/optima/fixedpoint"
)

// RegimeARConfig configures regime-ar. Index r of the per-regime arrays is
// regime r ∈ {0, 1}.
type RegimeARConfig struct {
	Lags   uint32 // K, lags of the linear predictor, 1..16 (default 4)
	Length uint32 // T, stored points per series, K+1..4096 (default 64)
	BurnIn uint32 // points generated and discarded before the T kept, 0..1024 (default 32)

	Const [2]fp.Fixed // c_r, −100..100 (default 0.5, −1.0)
	Phi1  [2]fp.Fixed // φ1_r (default 0.6, 0.2)
	Phi2  [2]fp.Fixed // φ2_r (default 0.2, −0.3); each regime's AR(2) must be stationary
	Sigma [2]fp.Fixed // σ_r, 0..100 (default 0.5, 1.5)
	Stay  [2]fp.Fixed // P(r_t = r | r_{t−1} = r), 0..1 (default 0.95, 0.90)
}

// Validate checks the ranges documented on the fields and the strict AR(2)
// stationarity triangle of each regime: φ1+φ2 < 1, φ2−φ1 < 1, |φ2| < 1.
func (c RegimeARConfig) Validate() error {
	if err := checkUint("lags", c.Lags, 1, 16); err != nil {
		return err
	}
	if err := checkUint("length", c.Length, c.Lags+1, 4096); err != nil {
		return err
	}
	if err := checkUint("burn_in", c.BurnIn, 0, 1024); err != nil {
		return err
	}
	hundred := fp.FromInt(100)
	for r := 0; r < 2; r++ {
		if err := checkFixed(fmt.Sprintf("const[%d]", r), c.Const[r], -hundred, hundred); err != nil {
			return err
		}
		if err := checkFixed(fmt.Sprintf("sigma[%d]", r), c.Sigma[r], 0, hundred); err != nil {
			return err
		}
		if err := checkFixed(fmt.Sprintf("stay[%d]", r), c.Stay[r], 0, fp.One); err != nil {
			return err
		}
		p1, p2 := c.Phi1[r], c.Phi2[r]
		// Bounding |φ| first keeps the sums below exact (no saturation).
		if p1.Abs() >= fp.FromInt(2) || p2.Abs() >= fp.One ||
			p1.Add(p2) >= fp.One || p2.Sub(p1) >= fp.One {
			return fmt.Errorf("%w: regime %d AR(2) (φ1 %s, φ2 %s) is not stationary", ErrInvalidConfig, r, p1, p2)
		}
	}
	return nil
}

// RegimeAR is the `regime-ar` forecasting domain: a two-regime
// Markov-switching AR(2),
//
//	x_t = c_r + φ1_r·x_{t−1} + φ2_r·x_{t−2} + σ_r·ε_t,  r = r_t,
//
// where r_0 is a fair coin, r_t stays r_{t−1} with probability Stay[r_{t−1}],
// x_{−1} = x_{−2} = 0, and ε is an Irwin–Hall normal. One unit is one
// independently generated series: BurnIn+T points of which the last T are
// kept. Per point the stream yields one regime word (none at t = 0, where
// the coin is drawn instead) and 6 words for ε.
//
// Samples: Inputs holds the n series back to back (series i is
// Inputs[i·T:(i+1)·T], oldest first); Samples.InputDim = T, OutputDim = 0 and
// Targets is empty, because the targets are the series' own values.
//
// Predictor: a linear autoregression over K lags plus bias. A Predict row is
// K values in chronological order (x_{t−K}, …, x_{t−1}); params are K+1
// values: params[j] weights row[j] (so params[K−1] is the lag-1
// coefficient) and params[K] is the bias. Loss: for t = K..T−1 each series
// predicts x_t from x_{t−K..t−1}; PerUnit[i] is series i's mean squared
// one-step-ahead error over its T−K points (the exact sum of squared
// residuals divided by T−K, rounded once), Mean the mean of PerUnit.
type RegimeAR struct{}

func (RegimeAR) Name() string { return "regime-ar" }

func (RegimeAR) DefaultConfig() Config {
	return RegimeARConfig{
		Lags: 4, Length: 64, BurnIn: 32,
		Const: [2]fp.Fixed{ratio(1, 2), -fp.One},
		Phi1:  [2]fp.Fixed{ratio(3, 5), ratio(1, 5)},
		Phi2:  [2]fp.Fixed{ratio(1, 5), ratio(-3, 10)},
		Sigma: [2]fp.Fixed{ratio(1, 2), ratio(3, 2)},
		Stay:  [2]fp.Fixed{ratio(19, 20), ratio(9, 10)},
	}
}

func (RegimeAR) NumParams(cfg Config) (int, error) {
	c, err := asConfig[RegimeARConfig](cfg)
	if err != nil {
		return 0, err
	}
	return int(c.Lags) + 1, nil
}

func (RegimeAR) InputDim(cfg Config) int {
	c, err := asConfig[RegimeARConfig](cfg)
	if err != nil {
		return 0
	}
	return int(c.Lags)
}

func (RegimeAR) OutputDim(cfg Config) int {
	if _, err := asConfig[RegimeARConfig](cfg); err != nil {
		return 0
	}
	return 1
}

func (RegimeAR) Generate(cfg Config, seed [32]byte, n int) (*Samples, error) {
	c, err := asConfig[RegimeARConfig](cfg)
	if err != nil {
		return nil, err
	}
	T, burn := int(c.Length), int(c.BurnIn)
	if err := checkN(n, T); err != nil {
		return nil, err
	}
	r, err := fp.NewRand(seed)
	if err != nil {
		return nil, err
	}
	s := &Samples{Units: n, InputDim: T, OutputDim: 0, Inputs: make([]fp.Fixed, n*T)}
	for i := 0; i < n; i++ {
		series := s.Inputs[i*T : (i+1)*T]
		reg := r.Uint64() >> 63
		var x1, x2 fp.Fixed // x_{t−1}, x_{t−2}
		for t := 0; t < burn+T; t++ {
			if t > 0 && !r.Bernoulli(c.Stay[reg]) {
				reg ^= 1
			}
			v := c.Const[reg].
				Add(c.Phi1[reg].Mul(x1)).
				Add(c.Phi2[reg].Mul(x2)).
				Add(c.Sigma[reg].Mul(r.Normal()))
			x2, x1 = x1, v
			if t >= burn {
				series[t-burn] = v
			}
		}
	}
	return s, nil
}

func (RegimeAR) Predict(cfg Config, params, inputs []fp.Fixed) ([]fp.Fixed, uint64, error) {
	c, err := asConfig[RegimeARConfig](cfg)
	if err != nil {
		return nil, 0, err
	}
	k := int(c.Lags)
	if len(params) != k+1 {
		return nil, 0, fmt.Errorf("%w: got %d, want %d", ErrParamsLength, len(params), k+1)
	}
	if len(inputs) == 0 || len(inputs)%k != 0 || len(inputs)/k > MaxUnits {
		return nil, 0, fmt.Errorf("%w: %d values, want k·%d with 1 ≤ k ≤ %d", ErrInputShape, len(inputs), k, MaxUnits)
	}
	a, err := fp.NewAffine(1, k, params[:k], params[k:])
	if err != nil {
		return nil, 0, err
	}
	rows := len(inputs) / k
	out := make([]fp.Fixed, rows)
	for i := range out {
		if err := a.Apply(out[i:i+1], inputs[i*k:(i+1)*k]); err != nil {
			return nil, 0, err
		}
	}
	// K multiply-adds and a bias add per row.
	return out, uint64(rows) * uint64(k+1), nil
}

// lossOpsPerUnit: per point K multiply-adds, bias, subtract, square, add;
// per series a division and an add to the overall sum.
func (RegimeAR) lossOpsPerUnit(c RegimeARConfig) uint64 {
	k, t := uint64(c.Lags), uint64(c.Length)
	return (t-k)*(k+4) + 2
}

func (d RegimeAR) Loss(cfg Config, params []fp.Fixed, s *Samples) (LossResult, error) {
	c, err := asConfig[RegimeARConfig](cfg)
	if err != nil {
		return LossResult{}, err
	}
	k, T := int(c.Lags), int(c.Length)
	if len(params) != k+1 {
		return LossResult{}, fmt.Errorf("%w: got %d, want %d", ErrParamsLength, len(params), k+1)
	}
	if err := checkSamples(s, T, 0); err != nil {
		return LossResult{}, err
	}
	w, bias := params[:k], params[k]
	per := make([]fp.Fixed, s.Units)
	var total fp.Sum
	for i := range per {
		if per[i], err = fp.SlidingMSE(w, bias, s.Inputs[i*T:(i+1)*T]); err != nil {
			return LossResult{}, err
		}
		total.Add(per[i])
	}
	mean, err := total.DivInt(int64(s.Units))
	if err != nil {
		return LossResult{}, err
	}
	return LossResult{Mean: mean, PerUnit: per, Ops: opsTotal(s.Units, d.lossOpsPerUnit(c), 1)}, nil
}

func (d RegimeAR) EstimateOps(cfg Config, n int) uint64 {
	c, err := asConfig[RegimeARConfig](cfg)
	if err != nil {
		return ^uint64(0)
	}
	return opsTotal(n, d.lossOpsPerUnit(c), 1)
}

// GenerateOps: per unit one word for the first regime, then per generated
// point (burn-in included) at most 7 words (switch and ε) and 6 operations.
func (RegimeAR) GenerateOps(cfg Config, n int) uint64 {
	c, err := asConfig[RegimeARConfig](cfg)
	if err != nil || checkN(n, int(c.Length)) != nil {
		return ^uint64(0)
	}
	points := uint64(c.BurnIn) + uint64(c.Length)
	return uint64(n) * (RandWordOps + points*(7*RandWordOps+6))
}
