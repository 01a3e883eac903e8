package domains

import (
	fp "github.com/don-network/don/x/optima/fixedpoint"
)

// SpiralsConfig configures spirals.
type SpiralsConfig struct {
	Hidden   uint32   // width H of both hidden layers of 2→H→H→1, 1..64 (default 8)
	Noise    fp.Fixed // std of the Gaussian jitter per coordinate, 0..1 (default 0.04)
	FlipProb fp.Fixed // label flip probability, the Bayes floor, 0..0.5 (default 0.05)
	Turns    fp.Fixed // turns of each spiral arm, 0.25..4 (default 2)
}

// Validate checks the ranges documented on the fields.
func (c SpiralsConfig) Validate() error {
	if err := checkUint("hidden", c.Hidden, 1, 64); err != nil {
		return err
	}
	if err := checkFixed("noise", c.Noise, 0, fp.One); err != nil {
		return err
	}
	if err := checkFixed("flip_prob", c.FlipProb, 0, fp.One/2); err != nil {
		return err
	}
	return checkFixed("turns", c.Turns, fp.One/4, fp.FromInt(4))
}

// spiralRMin is the radius where the arms start (0.1): arms that began at
// the origin would overlap there and lift the floor above FlipProb.
var spiralRMin = ratio(1, 10)

// Spirals is the `spirals` classification domain: two interleaved
// Archimedean spirals. A unit draws its class c ∈ {0,1}, a position
// t ∈ [0,1), then radius ρ = 0.1 + 0.9·t and angle θ = 2π·Turns·t + c·π;
// the point is (ρ·cos θ, ρ·sin θ) plus Noise·ε per coordinate, and its label
// (+1 for c = 0, −1 for c = 1) is flipped with probability FlipProb.
//
// With the defaults the two classes' arms are 0.9/(2·Turns) = 0.225 apart
// radially (≈ 5.6σ); noise carries under 1% of points across, and the Bayes
// error is ≈ 0.056 (a nearest-arm classifier scores 0.0563 on 20,000 fresh
// points). Float MLPs 2→8→8→1 trained with Adam (4,000 full-batch steps on
// 3,000 points) scored 0.059–0.067 in fixed point on fresh data in four of
// five restarts and 0.115 in the fifth: learnable, with room to improve.
//
// Samples: Inputs is n rows (x, y), Targets n labels ±1.0. Params: MLP
// 2→H→H→1 with ReLU, layout W1 (H×2), b1 (H), W2 (H×H), b2 (H), W3 (H),
// b3 (1), H²+5H+1 values. The predicted class is +1 when the output is > 0
// and −1 otherwise. Loss: misclassification rate, Mean = errors/n rounded
// once; PerUnit[i] is 0 or 1.0.
//
// Each unit draws exactly 15 words: class, t, 6+6 for the two normals
// (fixedpoint.Rand.Normal takes 6 words), flip.
type Spirals struct{}

func (Spirals) Name() string { return "spirals" }

func (Spirals) DefaultConfig() Config {
	return SpiralsConfig{Hidden: 8, Noise: ratio(1, 25), FlipProb: ratio(1, 20), Turns: fp.FromInt(2)}
}

func (Spirals) shape(c SpiralsConfig) mlpShape {
	return mlpShape{2, int(c.Hidden), int(c.Hidden), 1}
}

func (d Spirals) NumParams(cfg Config) (int, error) {
	c, err := asConfig[SpiralsConfig](cfg)
	if err != nil {
		return 0, err
	}
	return d.shape(c).numParams(), nil
}

func (Spirals) InputDim(cfg Config) int {
	if _, err := asConfig[SpiralsConfig](cfg); err != nil {
		return 0
	}
	return 2
}

func (Spirals) OutputDim(cfg Config) int {
	if _, err := asConfig[SpiralsConfig](cfg); err != nil {
		return 0
	}
	return 1
}

func (Spirals) Generate(cfg Config, seed [32]byte, n int) (*Samples, error) {
	c, err := asConfig[SpiralsConfig](cfg)
	if err != nil {
		return nil, err
	}
	if err := checkN(n, 3); err != nil {
		return nil, err
	}
	r, err := fp.NewRand(seed)
	if err != nil {
		return nil, err
	}
	s := &Samples{
		Units: n, InputDim: 2, OutputDim: 1,
		Inputs:  make([]fp.Fixed, 2*n),
		Targets: make([]fp.Fixed, n),
	}
	armSpan := fp.One.Sub(spiralRMin)
	angPerT := fp.TwoPi.Mul(c.Turns)
	for i := 0; i < n; i++ {
		class := r.Uint64() >> 63
		t := r.Unit()
		rho := spiralRMin.Add(armSpan.Mul(t))
		theta := angPerT.Mul(t)
		label := fp.One
		if class == 1 {
			theta = theta.Add(fp.Pi)
			label = -fp.One
		}
		s.Inputs[2*i] = rho.Mul(fp.Cos(theta)).Add(c.Noise.Mul(r.Normal()))
		s.Inputs[2*i+1] = rho.Mul(fp.Sin(theta)).Add(c.Noise.Mul(r.Normal()))
		if r.Bernoulli(c.FlipProb) {
			label = -label
		}
		s.Targets[i] = label
	}
	return s, nil
}

func (d Spirals) Predict(cfg Config, params, inputs []fp.Fixed) ([]fp.Fixed, uint64, error) {
	c, err := asConfig[SpiralsConfig](cfg)
	if err != nil {
		return nil, 0, err
	}
	return mlpPredict(d.shape(c), params, inputs)
}

// lossOpsPerUnit: forward pass, then compare the sign, add to the count.
func (d Spirals) lossOpsPerUnit(c SpiralsConfig) uint64 { return d.shape(c).opsPerRow() + 2 }

func (d Spirals) Loss(cfg Config, params []fp.Fixed, s *Samples) (LossResult, error) {
	c, err := asConfig[SpiralsConfig](cfg)
	if err != nil {
		return LossResult{}, err
	}
	if err := checkSamples(s, 2, 1); err != nil {
		return LossResult{}, err
	}
	m, err := newMLP(d.shape(c), params)
	if err != nil {
		return LossResult{}, err
	}
	per := make([]fp.Fixed, s.Units)
	var wrong int64
	for i := range per {
		out, err := m.forward(s.Inputs[2*i : 2*i+2])
		if err != nil {
			return LossResult{}, err
		}
		if (out > 0) != (s.Targets[i] > 0) {
			per[i] = fp.One
			wrong++
		}
	}
	mean, err := fp.FromRatio(wrong, int64(s.Units))
	if err != nil {
		return LossResult{}, err
	}
	return LossResult{Mean: mean, PerUnit: per, Ops: opsTotal(s.Units, d.lossOpsPerUnit(c), 1)}, nil
}

func (d Spirals) EstimateOps(cfg Config, n int) uint64 {
	c, err := asConfig[SpiralsConfig](cfg)
	if err != nil {
		return ^uint64(0)
	}
	return opsTotal(n, d.lossOpsPerUnit(c), 1)
}

// GenerateOps: per unit 15 words (class, position, two normals, flip), a
// sine and a cosine and about 10 multiply-adds.
func (Spirals) GenerateOps(cfg Config, n int) uint64 {
	if _, err := asConfig[SpiralsConfig](cfg); err != nil || checkN(n, 2) != nil {
		return ^uint64(0)
	}
	return uint64(n) * (15*RandWordOps + 2*trigOps + 10)
}
