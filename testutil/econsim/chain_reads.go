package econsim

import (
	"fmt"

	evaluationtypes "github.com/don-network/don/x/evaluation/types"
	minttypes "github.com/don-network/don/x/mint/types"
	optimatypes "github.com/don-network/don/x/optima/types"
	weightstypes "github.com/don-network/don/x/weights/types"

	query "github.com/cosmos/cosmos-sdk/types/query"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// What agents read, through the query servers only. Reads of one height
// that many agents repeat are cached per height.

// OptimaParams is x/optima's params.
func (w *World) OptimaParams() (optimatypes.Params, error) {
	r, err := w.Q.Optima.Params(w.Ctx, &optimatypes.QueryParamsRequest{})
	if err != nil {
		return optimatypes.Params{}, err
	}
	return r.Params, nil
}

// EvaluationParams is x/evaluation's params.
func (w *World) EvaluationParams() (evaluationtypes.Params, error) {
	r, err := w.Q.Evaluation.Params(w.Ctx, &evaluationtypes.QueryParamsRequest{})
	if err != nil {
		return evaluationtypes.Params{}, err
	}
	return r.Params, nil
}

// MintStatus is x/mint's status (round, W, D).
func (w *World) MintStatus() (*minttypes.QueryStatusResponse, error) {
	return w.Q.Mint.Status(w.Ctx, &minttypes.QueryStatusRequest{})
}

// MintSupply is x/mint's supply (minted, remaining, cap).
func (w *World) MintSupply() (*minttypes.QuerySupplyResponse, error) {
	return w.Q.Mint.Supply(w.Ctx, &minttypes.QuerySupplyRequest{})
}

// Model is a model by id.
func (w *World) Model(id uint64) (optimatypes.Model, error) {
	r, err := w.Q.Optima.Model(w.Ctx, &optimatypes.QueryModelRequest{ModelId: id})
	if err != nil {
		return optimatypes.Model{}, err
	}
	return r.Model, nil
}

// ActiveModels lists the active models in id order.
func (w *World) ActiveModels() ([]optimatypes.Model, error) {
	var out []optimatypes.Model
	var key []byte
	for {
		r, err := w.Q.Optima.Models(w.Ctx, &optimatypes.QueryModelsRequest{Pagination: &query.PageRequest{Key: key, Limit: 200}})
		if err != nil {
			return nil, err
		}
		for _, m := range r.Models {
			if m.Status == optimatypes.MODEL_STATUS_ACTIVE {
				out = append(out, m)
			}
		}
		if r.Pagination == nil || len(r.Pagination.NextKey) == 0 {
			return out, nil
		}
		key = r.Pagination.NextKey
	}
}

// BestOptimum is a model's current best optimum (id 0: its initial params).
func (w *World) BestOptimum(modelID uint64) (optimatypes.Optimum, error) {
	r, err := w.Q.Optima.BestOptimum(w.Ctx, &optimatypes.QueryBestOptimumRequest{ModelId: modelID})
	if err != nil {
		return optimatypes.Optimum{}, err
	}
	return r.Optimum, nil
}

// Weight is a model's published weight with its demand and supply filters.
func (w *World) Weight(modelID uint64) (*weightstypes.QueryWeightResponse, error) {
	return w.Q.Weights.Weight(w.Ctx, &weightstypes.QueryWeightRequest{ModelId: modelID})
}

// Evaluator is a registered evaluator (found false if not registered).
func (w *World) Evaluator(a Account) (ev evaluationtypes.Evaluator, found bool, err error) {
	r, err := w.Q.Evaluation.Evaluator(w.Ctx, &evaluationtypes.QueryEvaluatorRequest{Address: a.Bech})
	if err != nil {
		if status.Code(err) == codes.NotFound {
			return ev, false, nil
		}
		return ev, false, err
	}
	return r.Evaluator.Evaluator, true, nil
}

// Requests lists the requests in one status, cached for the current height
// (the cache is dropped by Deliver, so an agent sees earlier agents' Msgs).
func (w *World) Requests(status evaluationtypes.RequestStatus) ([]evaluationtypes.Request, error) {
	if c, ok := w.reqCache[status]; ok && w.reqCacheHeight == w.Height() {
		return c, nil
	}
	var out []evaluationtypes.Request
	var key []byte
	for {
		r, err := w.Q.Evaluation.Requests(w.Ctx, &evaluationtypes.QueryRequestsRequest{
			Status: status, Pagination: &query.PageRequest{Key: key, Limit: 500},
		})
		if err != nil {
			return nil, fmt.Errorf("requests %s: %w", status, err)
		}
		out = append(out, r.Requests...)
		if r.Pagination == nil || len(r.Pagination.NextKey) == 0 {
			break
		}
		key = r.Pagination.NextKey
	}
	if w.reqCacheHeight != w.Height() || w.reqCache == nil {
		w.reqCache, w.reqCacheHeight = map[evaluationtypes.RequestStatus][]evaluationtypes.Request{}, w.Height()
	}
	w.reqCache[status] = out
	return out, nil
}

// Request is a request by id.
func (w *World) Request(id uint64) (evaluationtypes.Request, error) {
	r, err := w.Q.Evaluation.Request(w.Ctx, &evaluationtypes.QueryRequestRequest{Id: id})
	if err != nil {
		return evaluationtypes.Request{}, err
	}
	return r.Request, nil
}
