package simulation

import (
	"sync"

	"github.com/don-network/don/x/optima/client/agent/train"
	"github.com/don-network/don/x/optima/types"
)

// opening is what a commitment hides: the params and the salt.
type opening struct {
	params []int64
	salt   []byte
}

// Openings is the simulated optimizers' memory: the opening of every
// commitment they sent, looked up by the commitment when its reveal
// window opens (only by key: no iteration order reaches the chain).
type Openings struct {
	mu   sync.Mutex
	byID map[string]opening
}

// NewOpenings returns an empty book; one per simulation run.
func NewOpenings() *Openings { return &Openings{byID: map[string]opening{}} }

func (o *Openings) put(commitment []byte, op opening) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.byID[string(commitment)] = op
}

func (o *Openings) get(commitment []byte) (opening, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	op, ok := o.byID[string(commitment)]
	return op, ok
}

// targetRounds is the training of a domain config's target: a few rounds
// already beat the initial vectors by far, and every MLP round costs.
const targetRounds = 5

// target is a near-optimal vector of m's domain config (train.Target).
func target(m types.Model) ([]int64, error) {
	dom, cfg, err := types.ResolveDomain(m.Domain, m.Config)
	if err != nil {
		return nil, err
	}
	return train.Target(dom, cfg, train.TargetKey{Domain: m.Domain, Config: m.Config.String(), Seed: 1, Rounds: targetRounds})
}
