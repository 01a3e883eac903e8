package domains

import (
	"crypto/sha256"
	"math"
	"testing"

	fp "github.com/don-network/don/x/optima/fixedpoint"
)

func fromF(v float64) fp.Fixed { return fp.FromRaw(int64(math.Round(v * float64(fp.One)))) }

func seedOf(s string) [32]byte { return sha256.Sum256([]byte(s)) }

// randParams returns n params uniform in [-scale, scale], deterministic in tag.
func randParams(t testing.TB, tag string, n int, scale fp.Fixed) []fp.Fixed {
	r, err := fp.NewRand(seedOf("params/" + tag))
	if err != nil {
		t.Fatal(err)
	}
	p := make([]fp.Fixed, n)
	for i := range p {
		u := r.Unit().MulInt(2).Sub(fp.One) // [-1, 1)
		p[i] = u.Mul(scale)
	}
	return p
}

func mustGenerate(t testing.TB, d Domain, cfg Config, seed string, n int) *Samples {
	s, err := d.Generate(cfg, seedOf(seed), n)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func mustLoss(t testing.TB, d Domain, cfg Config, params []fp.Fixed, s *Samples) LossResult {
	res, err := d.Loss(cfg, params, s)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// leastSquares solves min ‖Xβ − y‖² by the normal equations (X has an
// intercept column appended), Gaussian elimination with partial pivoting.
func leastSquares(rows [][]float64, y []float64) []float64 {
	p := len(rows[0]) + 1
	a := make([][]float64, p)
	for i := range a {
		a[i] = make([]float64, p+1)
	}
	feat := make([]float64, p)
	for r, row := range rows {
		copy(feat, row)
		feat[p-1] = 1
		for i := 0; i < p; i++ {
			for j := 0; j < p; j++ {
				a[i][j] += feat[i] * feat[j]
			}
			a[i][p] += feat[i] * y[r]
		}
	}
	for c := 0; c < p; c++ {
		piv := c
		for r := c + 1; r < p; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[piv][c]) {
				piv = r
			}
		}
		a[c], a[piv] = a[piv], a[c]
		for r := 0; r < p; r++ {
			if r == c {
				continue
			}
			f := a[r][c] / a[c][c]
			for k := c; k <= p; k++ {
				a[r][k] -= f * a[c][k]
			}
		}
	}
	beta := make([]float64, p)
	for i := range beta {
		beta[i] = a[i][p] / a[i][i]
	}
	return beta
}

// friedmanLinearParams embeds the least-squares linear fit of y on x into
// the 10→H→1 MLP: hidden unit j passes x_j through (x ≥ 0, so ReLU is the
// identity) and the output layer holds the coefficients.
func friedmanLinearParams(c Friedman1Config, s *Samples) []fp.Fixed {
	fs := toFloatSamples(s)
	rows := make([][]float64, s.Units)
	for i := range rows {
		rows[i] = fs.inputs[i*10 : i*10+10]
	}
	beta := leastSquares(rows, fs.targets)
	H := int(c.Hidden)
	p := make([]fp.Fixed, 12*H+1)
	for j := 0; j < 10 && j < H; j++ {
		p[j*10+j] = fp.One         // W1[j][j]
		p[11*H+j] = fromF(beta[j]) // W2[j]
	}
	p[12*H] = fromF(beta[10]) // b2
	return p
}

// regimeLSParams fits the K-lag linear predictor by least squares.
func regimeLSParams(c RegimeARConfig, s *Samples) []fp.Fixed {
	k, T := int(c.Lags), int(c.Length)
	fs := toFloatSamples(s)
	var rows [][]float64
	var y []float64
	for i := 0; i < s.Units; i++ {
		series := fs.inputs[i*T : (i+1)*T]
		for t := k; t < T; t++ {
			rows = append(rows, series[t-k:t])
			y = append(y, series[t])
		}
	}
	beta := leastSquares(rows, y)
	p := make([]fp.Fixed, k+1)
	for i := range p {
		p[i] = fromF(beta[i])
	}
	return p
}
