package train

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/don-network/don/x/optima/domains"
)

// Trainer improves a model's parameters in float64. It keeps its own state
// (optimiser moments, accumulated statistics, its best vector so far)
// between calls, so an agent trains a model in short slices.
type Trainer interface {
	// Train runs for at most d (or until ctx ends) and returns the best
	// parameter vector it knows, in the domain's layout. A non-nil warm
	// vector that differs from the trainer's own best (for example a better
	// optimum someone else got accepted) restarts it from warm.
	Train(ctx context.Context, warm []float64, d time.Duration) ([]float64, error)
	// TrainRounds is Train bounded by work instead of time: n rounds (an
	// MLP round is checkEvery Adam steps and a validation, a regime-ar
	// round one batch of series), at least one. With the same seed it
	// returns the same vector on any machine, so tests use it.
	TrainRounds(ctx context.Context, warm []float64, n int) ([]float64, error)
	// Loss is the trainer's float64 estimate of the domain's loss of its
	// best vector, on held-out data (NaN before the first Train).
	Loss() float64
}

// New returns the trainer of a domain config; seed makes its data and
// initialisation reproducible.
func New(dom domains.Domain, cfg domains.Config, seed uint64) (Trainer, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	src := newSource(dom, cfg, rng)
	switch c := deref(cfg).(type) {
	case domains.RegimeARConfig:
		return newARTrainer(src, int(c.Lags), int(c.Length)), nil
	case domains.Friedman1Config:
		return newMLPTrainer(src, rng, []int{10, int(c.Hidden), 1}, squaredError, mlpDefaults), nil
	case domains.SpiralsConfig:
		h := int(c.Hidden)
		return newMLPTrainer(src, rng, []int{2, h, h, 1}, logistic, mlpDefaults), nil
	}
	return nil, fmt.Errorf("train: no trainer for domain %s (config %T)", dom.Name(), cfg)
}

// deref accepts a config by value or by pointer, like the domains do.
func deref(cfg domains.Config) domains.Config {
	switch c := cfg.(type) {
	case *domains.RegimeARConfig:
		return *c
	case *domains.Friedman1Config:
		return *c
	case *domains.SpiralsConfig:
		return *c
	}
	return cfg
}
