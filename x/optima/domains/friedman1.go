package domains

import (
	fp "github.com/don-network/don/x/optima/fixedpoint"
)

// Friedman1Config configures friedman1.
type Friedman1Config struct {
	Hidden uint32   // hidden width H of the 10→H→1 MLP, 1..256 (default 16)
	Noise  fp.Fixed // noise standard deviation, 0..10 (default 1.0)
}

// Validate checks the ranges documented on the fields.
func (c Friedman1Config) Validate() error {
	if err := checkUint("hidden", c.Hidden, 1, 256); err != nil {
		return err
	}
	return checkFixed("noise", c.Noise, 0, fp.FromInt(10))
}

const friedmanDim = 10

// Friedman1 is the `friedman1` regression domain: x ∈ [0,1)^10 uniform,
// y = 10·sin(π·x1·x2) + 20·(x3−0.5)² + 10·x4 + 5·x5 + noise·ε with ε an
// Irwin–Hall normal; x6..x10 are irrelevant. The Bayes-optimal MSE is noise².
//
// Samples: Inputs is n rows of 10, Targets n rows of 1. Params: the MLP
// 10→H→1 with ReLU, layout W1 (H×10 row-major), b1 (H), W2 (H), b2 (1),
// 12H+1 values. Loss: mean squared error; PerUnit[i] = (ŷ_i − y_i)².
//
// Each unit draws 10 uniforms and then 6 words for ε, always, so the stream
// layout does not depend on the config.
type Friedman1 struct{}

func (Friedman1) Name() string { return "friedman1" }

func (Friedman1) DefaultConfig() Config {
	return Friedman1Config{Hidden: 16, Noise: fp.One}
}

func (Friedman1) shape(c Friedman1Config) mlpShape {
	return mlpShape{friedmanDim, int(c.Hidden), 1}
}

func (d Friedman1) NumParams(cfg Config) (int, error) {
	c, err := asConfig[Friedman1Config](cfg)
	if err != nil {
		return 0, err
	}
	return d.shape(c).numParams(), nil
}

func (Friedman1) InputDim(cfg Config) int {
	if _, err := asConfig[Friedman1Config](cfg); err != nil {
		return 0
	}
	return friedmanDim
}

func (Friedman1) OutputDim(cfg Config) int {
	if _, err := asConfig[Friedman1Config](cfg); err != nil {
		return 0
	}
	return 1
}

func (Friedman1) Generate(cfg Config, seed [32]byte, n int) (*Samples, error) {
	c, err := asConfig[Friedman1Config](cfg)
	if err != nil {
		return nil, err
	}
	if err := checkN(n, friedmanDim+1); err != nil {
		return nil, err
	}
	r, err := fp.NewRand(seed)
	if err != nil {
		return nil, err
	}
	s := &Samples{
		Units: n, InputDim: friedmanDim, OutputDim: 1,
		Inputs:  make([]fp.Fixed, n*friedmanDim),
		Targets: make([]fp.Fixed, n),
	}
	halfOne := fp.One / 2
	for i := 0; i < n; i++ {
		x := s.Inputs[i*friedmanDim : (i+1)*friedmanDim]
		for j := range x {
			x[j] = r.Unit()
		}
		d := x[2].Sub(halfOne)
		y := fp.Sin(fp.Pi.Mul(x[0]).Mul(x[1])).MulInt(10).
			Add(d.Mul(d).MulInt(20)).
			Add(x[3].MulInt(10)).
			Add(x[4].MulInt(5))
		s.Targets[i] = y.Add(c.Noise.Mul(r.Normal()))
	}
	return s, nil
}

func (d Friedman1) Predict(cfg Config, params, inputs []fp.Fixed) ([]fp.Fixed, uint64, error) {
	c, err := asConfig[Friedman1Config](cfg)
	if err != nil {
		return nil, 0, err
	}
	return mlpPredict(d.shape(c), params, inputs)
}

// lossOpsPerUnit: forward pass, then subtract, square, add to the sum.
func (d Friedman1) lossOpsPerUnit(c Friedman1Config) uint64 { return d.shape(c).opsPerRow() + 3 }

func (d Friedman1) Loss(cfg Config, params []fp.Fixed, s *Samples) (LossResult, error) {
	c, err := asConfig[Friedman1Config](cfg)
	if err != nil {
		return LossResult{}, err
	}
	if err := checkSamples(s, friedmanDim, 1); err != nil {
		return LossResult{}, err
	}
	m, err := newMLP(d.shape(c), params)
	if err != nil {
		return LossResult{}, err
	}
	per := make([]fp.Fixed, s.Units)
	var sum fp.Sum
	for i := range per {
		yhat, err := m.forward(s.Inputs[i*friedmanDim : (i+1)*friedmanDim])
		if err != nil {
			return LossResult{}, err
		}
		e := yhat.Sub(s.Targets[i])
		per[i] = e.Mul(e)
		sum.Add(per[i])
	}
	mean, err := sum.DivInt(int64(s.Units))
	if err != nil {
		return LossResult{}, err
	}
	return LossResult{Mean: mean, PerUnit: per, Ops: opsTotal(s.Units, d.lossOpsPerUnit(c), 1)}, nil
}

func (d Friedman1) EstimateOps(cfg Config, n int) uint64 {
	c, err := asConfig[Friedman1Config](cfg)
	if err != nil {
		return ^uint64(0)
	}
	return opsTotal(n, d.lossOpsPerUnit(c), 1)
}

// GenerateOps: per unit 10 uniform words, 6 words for ε, one sine and
// about 15 multiply-adds for the target.
func (Friedman1) GenerateOps(cfg Config, n int) uint64 {
	if _, err := asConfig[Friedman1Config](cfg); err != nil || checkN(n, friedmanDim) != nil {
		return ^uint64(0)
	}
	return uint64(n) * (16*RandWordOps + trigOps + 15)
}
