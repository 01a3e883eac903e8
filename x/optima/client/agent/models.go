package agent

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"
	"time"

	"github.com/don-network/don/x/optima/client/agent/train"
	"github.com/don-network/don/x/optima/types"
)

// modelState is what the agent knows and has done on one model.
type modelState struct {
	model     types.Model
	trainer   train.Trainer
	floor     float64
	best      types.Optimum
	seenBest  uint64 // best optimum id when the trainer last started a cycle
	candidate []int64
	candLoss  float64

	commits, accepted, rejected, expired int
	cycles, attempts                     int // settled-or-open commits; gates failed since the last commit
	done                                 bool
	lastCycle                            time.Time
}

const autoModels = "auto"

func (a *Agent) isAuto() bool { return len(a.opts.Models) == 1 && a.opts.Models[0] == autoModels }

// selectModels resolves --model: ids or names, or with "auto" the
// AutoCount active models of highest weight × attainable increment, where
// the attainable increment is (L_best − floor) / L_best.
func (a *Agent) selectModels(ctx context.Context) error {
	all, err := a.chain.Models(ctx)
	if err != nil {
		return err
	}
	var chosen []types.Model
	if a.isAuto() {
		if chosen, err = a.autoSelect(ctx, all); err != nil {
			return err
		}
	} else {
		for _, want := range a.opts.Models {
			m, err := findModel(all, want)
			if err != nil {
				return err
			}
			chosen = append(chosen, m)
		}
	}
	order := make([]uint64, 0, len(chosen))
	for _, m := range chosen {
		if _, err := a.track(ctx, m); err != nil {
			return err
		}
		order = append(order, m.Id)
	}
	a.mu.Lock()
	a.order = order
	a.mu.Unlock()
	return nil
}

func findModel(all []types.Model, want string) (types.Model, error) {
	if id, err := strconv.ParseUint(want, 10, 64); err == nil {
		for _, m := range all {
			if m.Id == id {
				return m, nil
			}
		}
		return types.Model{}, fmt.Errorf("--model %s: no model with that id", want)
	}
	var found []types.Model
	for _, m := range all {
		if m.Name == want && m.Status == types.MODEL_STATUS_ACTIVE {
			found = append(found, m)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return types.Model{}, fmt.Errorf("--model %q: no active model of that name (give an id, a name or %q)", want, autoModels)
	}
	return types.Model{}, fmt.Errorf("--model %q: %d active models share that name; give the id", want, len(found))
}

// autoSelect ranks active models by expected reward per unit of effort.
// Every cycle costs the same training time, so the rank is the model's
// weight times the increment still attainable above its floor.
func (a *Agent) autoSelect(ctx context.Context, all []types.Model) ([]types.Model, error) {
	type scored struct {
		m     types.Model
		score float64
	}
	var ranked []scored
	for _, m := range all {
		if m.Status != types.MODEL_STATUS_ACTIVE {
			continue
		}
		ms, err := a.track(ctx, m)
		if err != nil {
			continue // a domain this binary cannot train
		}
		best, err := a.chain.Best(ctx, m.Id)
		if err != nil {
			return nil, err
		}
		w, err := a.chain.Weight(ctx, m.Id)
		if err != nil {
			return nil, err
		}
		loss := DecFloat(best.Loss)
		gain := 0.0
		if loss > 0 && loss > ms.floor {
			gain = (loss - ms.floor) / loss
		}
		ranked = append(ranked, scored{m, DecFloat(w) * gain})
	}
	sort.SliceStable(ranked, func(i, j int) bool { return ranked[i].score > ranked[j].score })
	var out []types.Model
	for _, s := range ranked {
		if len(out) == a.opts.AutoCount || (s.score <= 0 && len(out) > 0) {
			break
		}
		out = append(out, s.m)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--model auto: no active model this agent can train")
	}
	return out, nil
}

// track returns the state of a model, creating its trainer and floor.
func (a *Agent) track(ctx context.Context, m types.Model) (*modelState, error) {
	a.mu.Lock()
	ms, ok := a.models[m.Id]
	a.mu.Unlock()
	if ok {
		return ms, nil
	}
	dom, cfg, err := types.ResolveDomain(m.Domain, m.Config)
	if err != nil {
		return nil, fmt.Errorf("model %d: %w", m.Id, err)
	}
	tr, err := train.New(dom, cfg, uint64(time.Now().UnixNano())^m.Id)
	if err != nil {
		return nil, fmt.Errorf("model %d: %w", m.Id, err)
	}
	floor, err := train.Floor(dom, cfg)
	if err != nil {
		return nil, fmt.Errorf("model %d: %w", m.Id, err)
	}
	best, err := a.chain.Best(ctx, m.Id)
	if err != nil {
		return nil, err
	}
	ms = &modelState{model: m, trainer: tr, floor: floor, best: best, seenBest: best.Id, candLoss: math.NaN()}
	a.mu.Lock()
	a.models[m.Id] = ms
	a.mu.Unlock()
	return ms, nil
}
