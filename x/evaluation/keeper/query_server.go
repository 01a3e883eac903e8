package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/don-network/don/x/evaluation/types"
)

type queryServer struct{ k *Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the x/evaluation Query service.
func NewQueryServerImpl(k *Keeper) types.QueryServer { return queryServer{k: k} }

func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

// info adds an evaluator's load and claim eligibility.
func info(params types.Params, ev types.Evaluator, h int64) types.EvaluatorInfo {
	return types.EvaluatorInfo{Evaluator: ev, Load: ev.Load(), CanClaim: params.CanClaim(ev, h)}
}

func (q queryServer) Evaluators(ctx context.Context, req *types.QueryEvaluatorsRequest) (*types.QueryEvaluatorsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	params, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	h := sdk.UnwrapSDKContext(ctx).BlockHeight()
	out, page, err := query.CollectionPaginate(ctx, q.k.Evaluators, req.Pagination,
		func(_ sdk.AccAddress, ev types.Evaluator) (types.EvaluatorInfo, error) {
			return info(params, ev, h), nil
		})
	if err != nil {
		return nil, err
	}
	return &types.QueryEvaluatorsResponse{Evaluators: out, Pagination: page}, nil
}

// address decodes a query's address argument (InvalidArgument if bad).
func (q queryServer) address(field, s string) (sdk.AccAddress, error) {
	bz, err := q.k.addressCodec.StringToBytes(s)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "%s %q: %s", field, s, err)
	}
	return bz, nil
}

func (q queryServer) Evaluator(ctx context.Context, req *types.QueryEvaluatorRequest) (*types.QueryEvaluatorResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	addr, err := q.address("address", req.Address)
	if err != nil {
		return nil, err
	}
	sctx := sdk.UnwrapSDKContext(ctx)
	ev, err := q.k.GetEvaluator(sctx, addr)
	if err != nil {
		return nil, status.Error(codes.NotFound, err.Error())
	}
	params, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryEvaluatorResponse{Evaluator: info(params, ev, sctx.BlockHeight())}, nil
}

func (q queryServer) Requests(ctx context.Context, req *types.QueryRequestsRequest) (*types.QueryRequestsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	filters := 0
	for _, set := range []bool{req.Status != types.REQUEST_STATUS_UNSPECIFIED, req.Client != "", req.Evaluator != ""} {
		if set {
			filters++
		}
	}
	if filters > 1 {
		return nil, status.Error(codes.InvalidArgument, "filter by one of status, client or evaluator")
	}
	var (
		out  []types.Request
		page *query.PageResponse
		err  error
	)
	get := func(id uint64) (types.Request, error) { return q.k.Requests.Get(ctx, id) }
	switch {
	case req.Status != types.REQUEST_STATUS_UNSPECIFIED:
		out, page, err = query.CollectionPaginate(ctx, q.k.Requests.Indexes.Status, req.Pagination,
			func(key collections.Pair[int32, uint64], _ collections.NoValue) (types.Request, error) {
				return get(key.K2())
			},
			query.WithCollectionPaginationPairPrefix[int32, uint64](int32(req.Status)))
	case req.Client != "" || req.Evaluator != "":
		idx, s, field := q.k.Requests.Indexes.Client, req.Client, "client"
		if req.Evaluator != "" {
			idx, s, field = q.k.Requests.Indexes.Evaluator, req.Evaluator, "evaluator"
		}
		addr, aerr := q.address(field, s)
		if aerr != nil {
			return nil, aerr
		}
		canonical, aerr := q.k.addressCodec.BytesToString(addr)
		if aerr != nil {
			return nil, aerr
		}
		out, page, err = query.CollectionPaginate(ctx, idx, req.Pagination,
			func(key collections.Pair[string, uint64], _ collections.NoValue) (types.Request, error) {
				return get(key.K2())
			},
			query.WithCollectionPaginationPairPrefix[string, uint64](canonical))
	default:
		out, page, err = query.CollectionPaginate(ctx, q.k.Requests, req.Pagination,
			func(_ uint64, r types.Request) (types.Request, error) { return r, nil })
	}
	if err != nil {
		return nil, err
	}
	return &types.QueryRequestsResponse{Requests: out, Pagination: page}, nil
}

func (q queryServer) Request(ctx context.Context, req *types.QueryRequestRequest) (*types.QueryRequestResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	sctx := sdk.UnwrapSDKContext(ctx)
	r, err := q.k.GetRequest(sctx, req.Id)
	if err != nil {
		return nil, status.Error(codes.NotFound, err.Error())
	}
	params, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	h := sctx.BlockHeight()
	resp := &types.QueryRequestResponse{Request: r, AuctionPrice: sdkmath.ZeroInt(), EvaluatorPrice: sdkmath.ZeroInt()}
	if r.Status != types.REQUEST_STATUS_OPEN {
		return resp, nil
	}
	resp.AuctionPrice = params.AuctionPrice(r.MaxFee, r.AuctionStart, h)
	if req.Evaluator != "" {
		addr, err := q.address("evaluator", req.Evaluator)
		if err != nil {
			return nil, err
		}
		ev, err := q.k.GetEvaluator(sctx, addr)
		if err != nil {
			return nil, status.Error(codes.NotFound, err.Error())
		}
		resp.EvaluatorPrice = params.EvaluatorPrice(r, ev, h)
	}
	return resp, nil
}

func (q queryServer) LoadCurve(ctx context.Context, req *types.QueryLoadCurveRequest) (*types.QueryLoadCurveResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	x, err := sdkmath.LegacyNewDecFromStr(req.Load)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "load %q: %s", req.Load, err)
	}
	rep := sdkmath.LegacyOneDec()
	if req.Reputation != "" {
		if rep, err = sdkmath.LegacyNewDecFromStr(req.Reputation); err != nil {
			return nil, status.Errorf(codes.InvalidArgument, "reputation %q: %s", req.Reputation, err)
		}
	}
	params, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := params.CheckLoadQuery(x, rep); err != nil {
		return nil, status.Error(codes.InvalidArgument, errorsmod.Wrap(err, "load curve").Error())
	}
	return &types.QueryLoadCurveResponse{
		F: params.LoadCurve.Eval(x), FPeak: params.LoadCurve.Peak(), Multiplier: params.Multiplier(x, rep),
	}, nil
}

// FailedItems lists the failed queue items by kind, then id.
func (q queryServer) FailedItems(ctx context.Context, req *types.QueryFailedItemsRequest) (*types.QueryFailedItemsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	out, page, err := query.CollectionPaginate(ctx, q.k.FailedItems, req.Pagination,
		func(_ FailedKey, it types.FailedItem) (types.FailedItem, error) { return it, nil })
	if err != nil {
		return nil, err
	}
	return &types.QueryFailedItemsResponse{FailedItems: out, Pagination: page}, nil
}
