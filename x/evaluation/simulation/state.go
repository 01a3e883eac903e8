package simulation

import (
	"context"
	"errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/evaluation/keeper"
	"github.com/don-network/don/x/evaluation/types"
	optimatypes "github.com/don-network/don/x/optima/types"
)

// The factories' reads of the chain, all in key order so that a seed
// always builds the same messages.

// maxModelScan bounds the scan of model ids.
const maxModelScan = 10_000

// servable is an active model with its best optimum: what a request needs
// to be created and claimed.
type servable struct {
	model optimatypes.Model
	width int // input values per row
}

// servableModels returns the active models whose best optimum exists, in
// id order. x/optima numbers models densely from 1 and never deletes one,
// so the scan stops at the first missing id.
func servableModels(ctx context.Context, k *keeper.Keeper) ([]servable, error) {
	var out []servable
	for id := uint64(1); id <= maxModelScan; id++ {
		m, err := k.Optima().GetModel(ctx, id)
		if errors.Is(err, optimatypes.ErrModelNotFound) {
			break
		}
		if err != nil {
			return nil, err
		}
		if m.Status != optimatypes.MODEL_STATUS_ACTIVE {
			continue
		}
		if _, err := k.Optima().BestOptimum(ctx, m); err != nil {
			continue
		}
		dom, cfg, err := optimatypes.ResolveDomain(m.Domain, m.Config)
		if err != nil {
			return nil, err
		}
		out = append(out, servable{model: m, width: dom.InputDim(cfg)})
	}
	return out, nil
}

// evaluators returns the registered evaluators that keep is true for, in
// address order.
func evaluators(ctx context.Context, k *keeper.Keeper, keep func(types.Evaluator) bool) ([]types.Evaluator, error) {
	var out []types.Evaluator
	err := k.Evaluators.Walk(ctx, nil, func(_ sdk.AccAddress, ev types.Evaluator) (bool, error) {
		if keep(ev) {
			out = append(out, ev)
		}
		return false, nil
	})
	return out, err
}

// requestsWith returns the requests in a status that keep is true for, in
// id order, through the status index.
func requestsWith(ctx context.Context, k *keeper.Keeper, status types.RequestStatus, keep func(types.Request) bool) ([]types.Request, error) {
	it, err := k.Requests.Indexes.Status.MatchExact(ctx, int32(status))
	if err != nil {
		return nil, err
	}
	ids, err := it.PrimaryKeys()
	if err != nil {
		return nil, err
	}
	var out []types.Request
	for _, id := range ids {
		r, err := k.Requests.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		if keep(r) {
			out = append(out, r)
		}
	}
	return out, nil
}

// trueOutputs are a request's outputs with its pinned optimum, as the
// chain recomputes them on a challenge (and the evaluator agent computes
// them off-chain).
func trueOutputs(ctx context.Context, k *keeper.Keeper, r types.Request) ([]int64, error) {
	m, err := k.Optima().GetModel(ctx, r.ModelId)
	if err != nil {
		return nil, err
	}
	o, err := k.Optima().GetOptimum(ctx, r.ModelId, r.OptimumId)
	if err != nil {
		return nil, err
	}
	out, _, err := optimatypes.Predict(m, o.Params, r.Inputs)
	return out, err
}
