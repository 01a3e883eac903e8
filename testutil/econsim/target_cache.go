package econsim

import (
	"sync"

	optimatypes "github.com/don-network/don/x/optima/types"
)

// trainedTargets shares trained targets between worlds. A model's target
// (Target) is a pure function of its domain, config and id (the trainer's
// seed), and training one takes about a second, which an experiment that
// builds dozens of worlds would otherwise pay in each of them.
var trainedTargets sync.Map // targetKey → []int64 (read-only once stored)

type targetKey struct {
	domain, config string
	id             uint64
}

// cachedTarget returns the stored target of m's (domain, config, id), or
// trains it with train and stores it.
func cachedTarget(m optimatypes.Model, train func() ([]int64, error)) ([]int64, error) {
	key := targetKey{domain: m.Domain, config: m.Config.String(), id: m.Id}
	if t, ok := trainedTargets.Load(key); ok {
		return t.([]int64), nil
	}
	t, err := train()
	if err != nil {
		return nil, err
	}
	trainedTargets.Store(key, t)
	return t, nil
}
