package train

import (
	"context"
	"math"
	"sync"

	"github.com/don-network/don/x/optima/domains"
)

// A target is a near-optimal vector of a domain config, trained once:
// simulated optimizers (the economic simulator, the app simulation) move
// a model's best vector part of the way towards it instead of training at
// every step, which long runs could not afford.

// targets caches trained targets for the process: a target is a pure
// function of its key, and training one takes about a second.
var targets sync.Map // TargetKey → []int64, read-only once stored

// TargetKey names a target: the domain, its config in a canonical text
// form, the trainer's seed and its rounds.
type TargetKey struct {
	Domain, Config string
	Seed           uint64
	Rounds         int
}

// Target returns the quantized vector of rounds of training on (dom, cfg)
// from k.Seed, from the cache when it was trained before.
func Target(dom domains.Domain, cfg domains.Config, k TargetKey) ([]int64, error) {
	if t, ok := targets.Load(k); ok {
		return t.([]int64), nil
	}
	tr, err := New(dom, cfg, k.Seed)
	if err != nil {
		return nil, err
	}
	p, err := tr.TrainRounds(context.Background(), nil, k.Rounds)
	if err != nil {
		return nil, err
	}
	t := Quantize(p)
	targets.Store(k, t)
	return t, nil
}

// Toward is from + frac·(to − from), rounded to the fixed-point grid; a
// missing coordinate of to counts as 0.
func Toward(from, to []int64, frac float64) []int64 {
	out := make([]int64, len(from))
	for i := range from {
		t := int64(0)
		if i < len(to) {
			t = to[i]
		}
		out[i] = from[i] + int64(math.Round(frac*float64(t-from[i])))
	}
	return out
}
