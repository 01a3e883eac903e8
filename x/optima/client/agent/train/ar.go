package train

import (
	"context"
	"math"
	"time"
)

// arBatch is the number of series drawn per accumulation step.
const arBatch = 512

// arTrainer fits the linear AR(K)+bias predictor of regime-ar by least
// squares: the normal equations of every one-step-ahead prediction in every
// series drawn so far (the chain's loss is the mean of per-series MSEs over
// equally long series, so the pooled least-squares fit minimises it). The
// statistics accumulate across calls, so the fit converges to the best
// linear predictor as data grows; a warm start adds nothing to an exact fit
// and is ignored.
type arTrainer struct {
	src  *source
	k, t int
	acc  *normalEq
	best []float64
	loss float64
}

func newARTrainer(src *source, k, t int) *arTrainer {
	return &arTrainer{src: src, k: k, t: t, acc: newNormalEq(k + 1), loss: math.NaN()}
}

func (a *arTrainer) Train(ctx context.Context, _ []float64, d time.Duration) ([]float64, error) {
	deadline := time.Now().Add(d)
	return a.train(ctx, func(int) bool { return time.Now().Before(deadline) })
}

func (a *arTrainer) TrainRounds(ctx context.Context, _ []float64, n int) ([]float64, error) {
	return a.train(ctx, func(done int) bool { return done < n })
}

// train draws batches of series while more(batches so far) holds, at
// least one, then solves the accumulated normal equations.
func (a *arTrainer) train(ctx context.Context, more func(done int) bool) ([]float64, error) {
	for done := 0; done == 0 || (more(done) && ctx.Err() == nil); done++ {
		series, _, err := a.src.draw(arBatch)
		if err != nil {
			return nil, err
		}
		addARRows(a.acc, series, a.k, a.t)
	}
	p, err := a.acc.solve()
	if err != nil {
		return nil, err
	}
	a.best = p
	// The residual MSE of the pooled fit: Σy² − 2βᵀXᵀy + βᵀXᵀXβ over rows.
	a.loss = a.acc.residual(p)
	return append([]float64(nil), p...), nil
}

func (a *arTrainer) Loss() float64 { return a.loss }

// addARRows adds the prediction rows of back-to-back series of length t:
// regressors x_{t−k..t−1} (oldest first) and 1, target x_t.
func addARRows(acc *normalEq, series []float64, k, t int) {
	row := make([]float64, k+1)
	row[k] = 1
	for s := 0; s+t <= len(series); s += t {
		x := series[s : s+t]
		for i := k; i < t; i++ {
			copy(row, x[i-k:i])
			acc.add(row, x[i])
		}
	}
}

// arMSE is the mean over series of each series' mean squared one-step
// error, the regime-ar loss in float64.
func arMSE(p, series []float64, k, t int) float64 {
	var total float64
	n := 0
	for s := 0; s+t <= len(series); s += t {
		x := series[s : s+t]
		var sse float64
		for i := k; i < t; i++ {
			e := p[k] - x[i]
			for j := 0; j < k; j++ {
				e += p[j] * x[i-k+j]
			}
			sse += e * e
		}
		total += sse / float64(t-k)
		n++
	}
	return total / float64(n)
}

// normalEq accumulates XᵀX, Xᵀy, yᵀy and the row count of a least-squares
// problem.
type normalEq struct {
	n        int
	xtx, xty []float64
	yty      float64
	rows     float64
}

func newNormalEq(n int) *normalEq {
	return &normalEq{n: n, xtx: make([]float64, n*n), xty: make([]float64, n)}
}

func (q *normalEq) add(x []float64, y float64) {
	for i, xi := range x {
		q.xty[i] += xi * y
		row := q.xtx[i*q.n:]
		for j := 0; j <= i; j++ {
			row[j] += xi * x[j]
		}
	}
	q.yty += y * y
	q.rows++
}

func (q *normalEq) solve() ([]float64, error) {
	a := append([]float64(nil), q.xtx...)
	for i := 0; i < q.n; i++ { // mirror the lower triangle
		for j := 0; j < i; j++ {
			a[j*q.n+i] = a[i*q.n+j]
		}
	}
	return solveSPD(a, q.xty, q.n)
}

// residual is the mean squared residual of β on the accumulated rows.
func (q *normalEq) residual(beta []float64) float64 {
	s := q.yty
	for i := 0; i < q.n; i++ {
		s -= 2 * beta[i] * q.xty[i]
		for j := 0; j < q.n; j++ {
			a := q.xtx[max(i, j)*q.n+min(i, j)]
			s += beta[i] * a * beta[j]
		}
	}
	return s / q.rows
}
