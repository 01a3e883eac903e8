package train

import (
	"math"
	"math/rand/v2"
)

// lossKind is what an MLP trainer minimises in float64.
type lossKind int

const (
	// squaredError is the domain's own loss for regression (friedman1).
	squaredError lossKind = iota
	// logistic is log(1 + exp(−y·ŷ)) for labels ±1: a smooth surrogate of
	// the 0/1 misclassification rate of spirals, whose gradient is zero.
	logistic
)

// mlpNet is a float64 MLP with the domains' layout (x/optima/domains mlp.go):
// per layer from the input, W (out×in, row-major) then b (out); ReLU on
// hidden layers, one linear output.
type mlpNet struct {
	shape []int
	// offsets of each layer's W and b in the flat parameter vector
	wOff, bOff []int
	n          int
	// scratch: activations per layer (pre- and post-ReLU) and deltas
	act, pre, delta [][]float64
}

func newMLPNet(shape []int) *mlpNet {
	m := &mlpNet{shape: shape}
	off := 0
	for l := 1; l < len(shape); l++ {
		m.wOff = append(m.wOff, off)
		off += shape[l] * shape[l-1]
		m.bOff = append(m.bOff, off)
		off += shape[l]
	}
	m.n = off
	for _, w := range shape {
		m.act = append(m.act, make([]float64, w))
		m.pre = append(m.pre, make([]float64, w))
		m.delta = append(m.delta, make([]float64, w))
	}
	return m
}

// forward returns the output for one input row, keeping activations for
// backward.
func (m *mlpNet) forward(p, x []float64) float64 {
	copy(m.act[0], x)
	last := len(m.shape) - 1
	for l := 1; l <= last; l++ {
		in, out := m.shape[l-1], m.shape[l]
		w, b := p[m.wOff[l-1]:], p[m.bOff[l-1]:]
		prev := m.act[l-1]
		for o := 0; o < out; o++ {
			s := b[o]
			row := w[o*in : o*in+in]
			for i, v := range prev {
				s += row[i] * v
			}
			m.pre[l][o] = s
			if l < last && s < 0 {
				s = 0
			}
			m.act[l][o] = s
		}
	}
	return m.act[last][0]
}

// backward adds to grad the gradient of the loss for the last forward pass,
// given dLoss/dOutput.
func (m *mlpNet) backward(p, grad []float64, dOut float64) {
	last := len(m.shape) - 1
	m.delta[last][0] = dOut
	for l := last; l >= 1; l-- {
		in, out := m.shape[l-1], m.shape[l]
		w := p[m.wOff[l-1]:]
		gw, gb := grad[m.wOff[l-1]:], grad[m.bOff[l-1]:]
		prev, dl := m.act[l-1], m.delta[l]
		for o := 0; o < out; o++ {
			d := dl[o]
			if d == 0 {
				continue
			}
			gb[o] += d
			row := gw[o*in : o*in+in]
			for i, v := range prev {
				row[i] += d * v
			}
		}
		if l == 1 {
			break
		}
		dp := m.delta[l-1]
		for i := range dp {
			dp[i] = 0
		}
		for o := 0; o < out; o++ {
			d := dl[o]
			if d == 0 {
				continue
			}
			row := w[o*in : o*in+in]
			for i := range dp {
				dp[i] += d * row[i]
			}
		}
		for i := range dp {
			if m.pre[l-1][i] <= 0 {
				dp[i] = 0
			}
		}
	}
}

// lossAndGrad returns the loss of one output and its derivative.
func (k lossKind) lossAndGrad(out, y float64) (float64, float64) {
	if k == squaredError {
		e := out - y
		return e * e, 2 * e
	}
	z := -y * out // loss = softplus(z)
	if z > 30 {
		return z, -y
	}
	ez := math.Exp(z)
	return math.Log1p(ez), -y * ez / (1 + ez)
}

// metric is the domain's own per-unit loss in float64: the squared error,
// or 1 for a misclassified point (class +1 iff the output is > 0).
func (k lossKind) metric(out, y float64) float64 {
	if k == squaredError {
		e := out - y
		return e * e
	}
	if (out > 0) != (y > 0) {
		return 1
	}
	return 0
}

// initRandom draws He-initialised weights and zero biases; the output bias
// is set to bias0 (e.g. the mean target).
func (m *mlpNet) initRandom(rng *rand.Rand, bias0 float64) []float64 {
	p := make([]float64, m.n)
	for l := 1; l < len(m.shape); l++ {
		in, out := m.shape[l-1], m.shape[l]
		std := math.Sqrt(2 / float64(in))
		for i := 0; i < out*in; i++ {
			p[m.wOff[l-1]+i] = rng.NormFloat64() * std
		}
	}
	p[m.n-1] = bias0
	return p
}

// dead reports whether the first layer is all zeros: every hidden unit then
// outputs 0 and no gradient reaches it (the zero genesis optimum).
func (m *mlpNet) dead(p []float64) bool {
	for _, v := range p[:m.wOff[0]+m.shape[1]*m.shape[0]+m.shape[1]] {
		if v != 0 {
			return false
		}
	}
	return true
}

// adam is the Adam optimiser's state for one parameter vector.
type adam struct {
	m, v       []float64
	t          int
	b1, b2, ep float64
}

func newAdam(n int) *adam {
	return &adam{m: make([]float64, n), v: make([]float64, n), b1: 0.9, b2: 0.999, ep: 1e-8}
}

func (a *adam) step(p, g []float64, lr float64) {
	a.t++
	c1 := 1 - math.Pow(a.b1, float64(a.t))
	c2 := 1 - math.Pow(a.b2, float64(a.t))
	for i := range p {
		a.m[i] = a.b1*a.m[i] + (1-a.b1)*g[i]
		a.v[i] = a.b2*a.v[i] + (1-a.b2)*g[i]*g[i]
		p[i] -= lr * (a.m[i] / c1) / (math.Sqrt(a.v[i]/c2) + a.ep)
	}
}
