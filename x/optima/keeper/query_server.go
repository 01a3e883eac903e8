package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/don-network/don/x/optima/types"
)

type queryServer struct{ k *Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the x/optima Query service.
func NewQueryServerImpl(k *Keeper) types.QueryServer { return queryServer{k: k} }

func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

func (q queryServer) Models(ctx context.Context, req *types.QueryModelsRequest) (*types.QueryModelsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	models, page, err := query.CollectionPaginate(ctx, q.k.Models, req.Pagination,
		func(_ uint64, m types.Model) (types.Model, error) { return m, nil })
	if err != nil {
		return nil, err
	}
	return &types.QueryModelsResponse{Models: models, Pagination: page}, nil
}

func (q queryServer) Model(ctx context.Context, req *types.QueryModelRequest) (*types.QueryModelResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	m, err := q.k.GetModel(ctx, req.ModelId)
	if err != nil {
		return nil, err
	}
	return &types.QueryModelResponse{Model: m}, nil
}

func (q queryServer) BestOptimum(ctx context.Context, req *types.QueryBestOptimumRequest) (*types.QueryBestOptimumResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	m, err := q.k.GetModel(ctx, req.ModelId)
	if err != nil {
		return nil, err
	}
	o, err := q.k.BestOptimum(ctx, m)
	if err != nil {
		return nil, err
	}
	return &types.QueryBestOptimumResponse{Optimum: o}, nil
}

func (q queryServer) Optima(ctx context.Context, req *types.QueryOptimaRequest) (*types.QueryOptimaResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if _, err := q.k.GetModel(ctx, req.ModelId); err != nil {
		return nil, err
	}
	optima, page, err := query.CollectionPaginate(ctx, q.k.Optima, req.Pagination,
		func(_ collections.Pair[uint64, uint64], o types.Optimum) (types.Optimum, error) { return o, nil },
		query.WithCollectionPaginationPairPrefix[uint64, uint64](req.ModelId))
	if err != nil {
		return nil, err
	}
	return &types.QueryOptimaResponse{Optima: optima, Pagination: page}, nil
}

func (q queryServer) Optimum(ctx context.Context, req *types.QueryOptimumRequest) (*types.QueryOptimumResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	o, err := q.k.GetOptimum(ctx, req.ModelId, req.OptimumId)
	if err != nil {
		return nil, err
	}
	return &types.QueryOptimumResponse{Optimum: o}, nil
}

func (q queryServer) Commits(ctx context.Context, req *types.QueryCommitsRequest) (*types.QueryCommitsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	addr, err := q.k.accAddress("optimizer", req.Optimizer)
	if err != nil {
		return nil, err
	}
	commits, page, err := query.CollectionPaginate(ctx, q.k.CommitsByOptimizer, req.Pagination,
		func(key collections.Pair[sdk.AccAddress, uint64], _ collections.NoValue) (types.Commit, error) {
			return q.k.Commits.Get(ctx, key.K2())
		},
		query.WithCollectionPaginationPairPrefix[sdk.AccAddress, uint64](addr))
	if err != nil {
		return nil, err
	}
	return &types.QueryCommitsResponse{Commits: commits, Pagination: page}, nil
}

func (q queryServer) Commit(ctx context.Context, req *types.QueryCommitRequest) (*types.QueryCommitResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	c, err := q.k.GetCommit(ctx, req.CommitId)
	if err != nil {
		return nil, err
	}
	return &types.QueryCommitResponse{Commit: c}, nil
}

func (q queryServer) BeaconStatus(ctx context.Context, _ *types.QueryBeaconStatusRequest) (*types.QueryBeaconStatusResponse, error) {
	params, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	resp := &types.QueryBeaconStatusResponse{Retained: params.BeaconRetention}
	latest, err := q.k.Beacons.Iterate(ctx, new(collections.Range[int64]).Descending())
	if err != nil {
		return nil, err
	}
	defer latest.Close()
	if latest.Valid() {
		kv, err := latest.KeyValue()
		if err != nil {
			return nil, err
		}
		resp.Latest = types.Beacon{Height: kv.Key, Value: kv.Value}
	}
	oldest, err := q.k.Beacons.Iterate(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer oldest.Close()
	if oldest.Valid() {
		if resp.OldestHeight, err = oldest.Key(); err != nil {
			return nil, err
		}
	}
	return resp, nil
}
