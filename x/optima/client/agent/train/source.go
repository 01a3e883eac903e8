package train

import (
	"math/rand/v2"

	"github.com/don-network/don/x/optima/domains"
)

// source draws fresh training data from a domain's own Generate on local
// random seeds, converted to float64.
type source struct {
	dom domains.Domain
	cfg domains.Config
	rng *rand.Rand
}

func newSource(dom domains.Domain, cfg domains.Config, rng *rand.Rand) *source {
	return &source{dom: dom, cfg: cfg, rng: rng}
}

// draw returns n fresh units as float64 inputs and targets (row-major, the
// layout of domains.Samples).
func (s *source) draw(n int) (in, target []float64, err error) {
	var seed [32]byte
	for i := 0; i < len(seed); i += 8 {
		v := s.rng.Uint64()
		for j := 0; j < 8; j++ {
			seed[i+j] = byte(v >> (8 * j))
		}
	}
	samples, err := s.dom.Generate(s.cfg, seed, n)
	if err != nil {
		return nil, nil, err
	}
	return FixedToFloat(samples.Inputs), FixedToFloat(samples.Targets), nil
}
