package econsim

import (
	"fmt"
	"math"

	"github.com/don-network/don/x/optima/client/agent/train"
	optimatypes "github.com/don-network/don/x/optima/types"
)

// How simulated optimizers find better parameters. Training a model for
// real at every step would make long runs impossible, so each model has a
// target: a near-optimal vector trained off-chain once (the agent's own
// least-squares or Adam trainer, seeded by the model id). An optimizer's
// step moves the best vector a fraction of the way towards it. The chain
// verifies every reveal on fresh data as usual, and because the loss is
// smooth in the parameters the relative improvement of a step shrinks as
// the best vector nears the target: improvements get smaller as the model
// approaches its floor, until they no longer clear min_improvement.

// targetRounds is the training the target gets (regime-ar: batches of
// series for least squares).
const targetRounds = 40

// Target is model m's near-optimal vector, trained once per process
// (train.Target) and remembered by the world.
func (w *World) Target(m optimatypes.Model) ([]int64, error) {
	if t, ok := w.targets[m.Id]; ok {
		return t, nil
	}
	dom, cfg, err := optimatypes.ResolveDomain(m.Domain, m.Config)
	if err != nil {
		return nil, err
	}
	t, err := train.Target(dom, cfg, train.TargetKey{Domain: m.Domain, Config: m.Config.String(), Seed: 0x7a76_0000 + m.Id, Rounds: targetRounds})
	if err != nil {
		return nil, fmt.Errorf("target of model %d: %w", m.Id, err)
	}
	w.targets[m.Id] = t
	return t, nil
}

// TargetLoss estimates the loss of model m's target with the chain's
// fixed-point loss on local data.
func (w *World) TargetLoss(m optimatypes.Model) (float64, error) {
	if l, ok := w.targetLoss[m.Id]; ok {
		return l, nil
	}
	t, err := w.Target(m)
	if err != nil {
		return 0, err
	}
	dom, cfg, err := optimatypes.ResolveDomain(m.Domain, m.Config)
	if err != nil {
		return 0, err
	}
	l, err := train.FixedLoss(dom, cfg, t, 4*int(m.EvalSamples), 0x10_55+m.Id)
	if err != nil {
		return 0, err
	}
	w.targetLoss[m.Id] = l
	return l, nil
}

// Toward is train.Toward: from + frac·(to − from) on the fixed-point grid.
func Toward(from, to []int64, frac float64) []int64 { return train.Toward(from, to, frac) }

// Headroom is ln(L_best / L_target): the increment still attainable on a
// model (0 once the best is at the target).
func (w *World) Headroom(m optimatypes.Model, best optimatypes.Optimum) (float64, error) {
	lt, err := w.TargetLoss(m)
	if err != nil {
		return 0, err
	}
	lb, err := best.Loss.Float64()
	if err != nil || lb <= 0 || lt <= 0 || lb <= lt {
		return 0, nil //nolint:nilerr // an unreadable loss is no headroom
	}
	return math.Log(lb / lt), nil
}
