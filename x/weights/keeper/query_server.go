package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/don-network/don/x/weights/types"
)

type queryServer struct{ k *Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the x/weights Query service.
func NewQueryServerImpl(k *Keeper) types.QueryServer { return queryServer{k: k} }

func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

// Weights pages through the active models. The page that holds the
// smallest id that weighs carries the rounding remainder in that model's
// weight (and in remainder); computing it walks every active model once.
func (q queryServer) Weights(ctx context.Context, req *types.QueryWeightsRequest) (*types.QueryWeightsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	params, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	t, err := q.k.totals(ctx)
	if err != nil {
		return nil, err
	}
	weights, page, err := query.CollectionPaginate(ctx, q.k.Active, req.Pagination,
		func(id uint64, _ collections.NoValue) (types.PublishedWeight, error) {
			st, err := q.k.Models.Get(ctx, id)
			if err != nil {
				return types.PublishedWeight{}, err
			}
			return types.PublishedWeight{ModelId: id, Weight: types.Weight(params.Epsilon, t, st)}, nil
		})
	if err != nil {
		return nil, err
	}
	res := &types.QueryWeightsResponse{
		Weights: weights, ActiveModels: t.N, SumRaw: t.SumRaw, Remainder: sdkmath.LegacyZeroDec(), Pagination: page,
	}
	first, err := q.firstWeighing(ctx)
	if err != nil || first == 0 {
		return res, err
	}
	res.RemainderModelId = first
	for i := range res.Weights {
		if res.Weights[i].ModelId != first {
			continue
		}
		_, rem, err := q.k.PublishedWeights(ctx)
		if err != nil {
			return nil, err
		}
		res.Remainder = rem
		res.Weights[i].Weight = res.Weights[i].Weight.Add(rem)
	}
	return res, nil
}

// firstWeighing returns the smallest active id that weighs (admitted or
// with paid demand), which carries the rounding remainder, or 0.
func (q queryServer) firstWeighing(ctx context.Context) (uint64, error) {
	var first uint64
	err := q.k.Active.Walk(ctx, nil, func(id uint64) (bool, error) {
		st, err := q.k.Models.Get(ctx, id)
		if err != nil {
			return true, err
		}
		if st.Weighs() {
			first = id
			return true, nil
		}
		return false, nil
	})
	return first, err
}

func (q queryServer) Weight(ctx context.Context, req *types.QueryWeightRequest) (*types.QueryWeightResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	st, err := q.k.Models.Get(ctx, req.ModelId)
	if errors.Is(err, collections.ErrNotFound) {
		return nil, errorsmod.Wrapf(types.ErrModelNotFound, "model %d", req.ModelId)
	}
	if err != nil {
		return nil, err
	}
	params, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	w, err := q.k.ModelWeight(ctx, req.ModelId)
	if err != nil {
		return nil, err
	}
	return &types.QueryWeightResponse{Weight: w, State: st, Demand: params.Demand(st), Supply: params.Supply(st)}, nil
}

func (q queryServer) RoleShares(ctx context.Context, _ *types.QueryRoleSharesRequest) (*types.QueryRoleSharesResponse, error) {
	params, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	shares, pressure, backlog, err := q.k.currentShares(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryRoleSharesResponse{Shares: shares, BaseShares: params.BaseShares, Backlog: backlog, Pressure: pressure}, nil
}
