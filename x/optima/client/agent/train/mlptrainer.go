package train

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"time"
)

// mlpOptions tune the MLP trainer.
type mlpOptions struct {
	batch      int     // minibatch size
	pool       int     // fresh samples generated at a time
	validation int     // held-out samples that pick the best vector
	checkEvery int     // steps between validations
	lr0        float64 // initial Adam step
	lrHalf     float64 // steps after which the step is lr0/√2 (lr = lr0/√(1+t/lrHalf))
	lrMin      float64 // floor of the step
	ema        float64 // decay of the averaged parameters that are validated
	// A cold start trains probes random initialisations for probeSteps
	// each and keeps the best: a small ReLU net can lose units at init.
	probes, probeSteps int
}

var mlpDefaults = mlpOptions{
	batch: 64, pool: 8192, validation: 16384, checkEvery: 2000,
	lr0: 0.01, lrHalf: 5000, lrMin: 1e-4, ema: 0.999,
	probes: 4, probeSteps: 10000,
}

// mlpTrainer trains the MLP domains with Adam on minibatches of fresh
// samples. It validates an exponential moving average of the parameters on
// a fixed held-out sample and keeps the best vector seen.
type mlpTrainer struct {
	src  *source
	rng  *rand.Rand
	net  *mlpNet
	kind lossKind
	opt  mlpOptions

	valIn, valY []float64
	poolIn      []float64
	poolY       []float64
	poolPos     int

	cur, avg, grad []float64
	adam           *adam
	steps          int // since the last restart, for the step schedule
	best           []float64
	bestLoss       float64
}

func newMLPTrainer(src *source, rng *rand.Rand, shape []int, kind lossKind, opt mlpOptions) *mlpTrainer {
	return &mlpTrainer{src: src, rng: rng, net: newMLPNet(shape), kind: kind, opt: opt, bestLoss: math.NaN()}
}

func (m *mlpTrainer) Loss() float64 { return m.bestLoss }

func (m *mlpTrainer) Train(ctx context.Context, warm []float64, d time.Duration) ([]float64, error) {
	deadline := time.Now().Add(d)
	return m.train(ctx, warm, func(int) bool { return time.Now().Before(deadline) })
}

func (m *mlpTrainer) TrainRounds(ctx context.Context, warm []float64, n int) ([]float64, error) {
	return m.train(ctx, warm, func(done int) bool { return done < max(n, 1) })
}

// train runs rounds while more(rounds done so far) holds.
func (m *mlpTrainer) train(ctx context.Context, warm []float64, more func(done int) bool) ([]float64, error) {
	if m.valIn == nil {
		in, y, err := m.src.draw(m.opt.validation)
		if err != nil {
			return nil, err
		}
		m.valIn, m.valY = in, y
	}
	if m.cur == nil || (warm != nil && !slices.Equal(warm, m.best)) {
		if err := m.restart(warm); err != nil {
			return nil, err
		}
	}
	for done := 0; more(done) && ctx.Err() == nil; done++ {
		if err := m.run(m.opt.checkEvery); err != nil {
			return nil, err
		}
		m.consider(m.avg)
		m.consider(m.cur)
	}
	return append([]float64(nil), m.best...), nil
}

// run takes n Adam steps on minibatches of fresh samples.
func (m *mlpTrainer) run(n int) error {
	inDim := m.net.shape[0]
	for s := 0; s < n; s++ {
		if m.poolPos+m.opt.batch > len(m.poolY) {
			in, y, err := m.src.draw(m.opt.pool)
			if err != nil {
				return err
			}
			m.poolIn, m.poolY, m.poolPos = in, y, 0
		}
		clear(m.grad)
		for i := m.poolPos; i < m.poolPos+m.opt.batch; i++ {
			out := m.net.forward(m.cur, m.poolIn[i*inDim:(i+1)*inDim])
			_, g := m.kind.lossAndGrad(out, m.poolY[i])
			m.net.backward(m.cur, m.grad, g/float64(m.opt.batch))
		}
		m.poolPos += m.opt.batch
		lr := max(m.opt.lrMin, m.opt.lr0/math.Sqrt(1+float64(m.steps)/m.opt.lrHalf))
		m.adam.step(m.cur, m.grad, lr)
		m.steps++
		for i, v := range m.cur {
			m.avg[i] = m.opt.ema*m.avg[i] + (1-m.opt.ema)*v
		}
	}
	return nil
}

// restart starts from warm, or from the best of several random
// initialisations when warm is missing or has a dead first layer (the zero
// genesis optimum).
func (m *mlpTrainer) restart(warm []float64) error {
	m.best, m.bestLoss = nil, math.NaN()
	if warm != nil && len(warm) == m.net.n && !m.net.dead(warm) {
		m.reset(append([]float64(nil), warm...))
		m.best, m.bestLoss = append([]float64(nil), warm...), m.validate(warm)
		return nil
	}
	if warm != nil && len(warm) == m.net.n {
		m.best, m.bestLoss = append([]float64(nil), warm...), m.validate(warm)
	}
	var mean float64
	if m.kind == squaredError {
		for _, y := range m.valY {
			mean += y
		}
		mean /= float64(len(m.valY))
	}
	type probe struct {
		cur, avg []float64
		adam     *adam
		loss     float64
	}
	var top *probe
	for i := 0; i < max(1, m.opt.probes); i++ {
		m.reset(m.net.initRandom(m.rng, mean))
		if err := m.run(m.opt.probeSteps); err != nil {
			return err
		}
		if l := m.validate(m.avg); top == nil || l < top.loss {
			top = &probe{cur: m.cur, avg: m.avg, adam: m.adam, loss: l}
		}
	}
	m.cur, m.avg, m.adam, m.steps = top.cur, top.avg, top.adam, m.opt.probeSteps
	m.consider(m.avg)
	return nil
}

// reset makes p the current vector with fresh optimiser state.
func (m *mlpTrainer) reset(p []float64) {
	m.cur = p
	m.avg = append([]float64(nil), p...)
	m.grad = make([]float64, m.net.n)
	m.adam = newAdam(m.net.n)
	m.steps = 0
}

// consider validates p and keeps it if it is the best so far.
func (m *mlpTrainer) consider(p []float64) {
	if l := m.validate(p); m.best == nil || l < m.bestLoss {
		m.best, m.bestLoss = append([]float64(nil), p...), l
	}
}

// validate is the domain's loss of p on the held-out sample.
func (m *mlpTrainer) validate(p []float64) float64 {
	inDim := m.net.shape[0]
	var sum float64
	for i, y := range m.valY {
		sum += m.kind.metric(m.net.forward(p, m.valIn[i*inDim:(i+1)*inDim]), y)
	}
	return sum / float64(len(m.valY))
}
