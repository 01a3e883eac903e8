package train

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sync"

	"github.com/don-network/don/x/optima/domains"
)

// floorSeries is how many regime-ar series estimate the floor: half fit the
// best linear AR(K) predictor, half measure it (about 2·10⁶ predictions
// each with the default config).
const floorSeries = 1 << 15

var floorCache sync.Map // fmt.Sprintf("%#v", config) → float64

// Floor is the domain's loss floor (docs/optima.md, "Domains"): friedman1
// noise², spirals flip_prob, regime-ar the MSE of the best linear AR(K)
// predictor, estimated once per config by least squares on a long
// generated sample and cached.
func Floor(dom domains.Domain, cfg domains.Config) (float64, error) {
	if err := cfg.Validate(); err != nil {
		return 0, err
	}
	switch c := deref(cfg).(type) {
	case domains.Friedman1Config:
		n := float64(c.Noise.Raw()) / scale
		return n * n, nil
	case domains.SpiralsConfig:
		return float64(c.FlipProb.Raw()) / scale, nil
	case domains.RegimeARConfig:
		key := fmt.Sprintf("%#v", c)
		if v, ok := floorCache.Load(key); ok {
			return v.(float64), nil
		}
		v, err := arFloor(dom, c)
		if err != nil {
			return 0, err
		}
		floorCache.Store(key, v)
		return v, nil
	}
	return math.NaN(), fmt.Errorf("train: no floor for domain %s", dom.Name())
}

func arFloor(dom domains.Domain, c domains.RegimeARConfig) (float64, error) {
	src := newSource(dom, c, rand.New(rand.NewPCG(1, 2)))
	k, t := int(c.Lags), int(c.Length)
	const chunk = 4096
	acc := newNormalEq(k + 1)
	for i := 0; i < floorSeries/2; i += chunk {
		series, _, err := src.draw(chunk)
		if err != nil {
			return 0, err
		}
		addARRows(acc, series, k, t)
	}
	p, err := acc.solve()
	if err != nil {
		return 0, err
	}
	var sum float64
	for i := 0; i < floorSeries/2; i += chunk {
		series, _, err := src.draw(chunk)
		if err != nil {
			return 0, err
		}
		sum += arMSE(p, series, k, t)
	}
	return sum / float64(floorSeries/2/chunk), nil
}
