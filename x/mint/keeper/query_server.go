package keeper

import (
	"context"

	sdkmath "cosmossdk.io/math"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/don-network/don/x/mint/types"
)

type queryServer struct{ k *Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the x/mint Query service.
func NewQueryServerImpl(k *Keeper) types.QueryServer { return queryServer{k: k} }

func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

func (q queryServer) Status(ctx context.Context, _ *types.QueryStatusRequest) (*types.QueryStatusResponse, error) {
	p, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	m, err := q.k.Minter.Get(ctx)
	if err != nil {
		return nil, err
	}
	progress := sdkmath.LegacyZeroDec()
	if m.Difficulty.IsPositive() {
		progress = m.Work.Quo(m.Difficulty)
	}
	return &types.QueryStatusResponse{
		Minter:           m,
		Progress:         progress,
		ExpectedCoinbase: Coinbase(p, m.MintedTotal),
		RoundAgeSeconds:  seconds(sdk.UnwrapSDKContext(ctx).BlockTime().Sub(m.RoundStartTime)),
	}, nil
}

func (q queryServer) Supply(ctx context.Context, _ *types.QuerySupplyRequest) (*types.QuerySupplyResponse, error) {
	p, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	m, err := q.k.Minter.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QuerySupplyResponse{Minted: m.MintedTotal, Remaining: p.MaxSupply.Sub(m.MintedTotal), MaxSupply: p.MaxSupply}, nil
}

func (q queryServer) Rounds(ctx context.Context, req *types.QueryRoundsRequest) (*types.QueryRoundsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	pagination := req.Pagination
	if pagination == nil {
		pagination = &query.PageRequest{Reverse: true} // newest first by default
	}
	rounds, page, err := query.CollectionPaginate(ctx, q.k.Rounds, pagination,
		func(_ uint64, r types.RoundRecord) (types.RoundRecord, error) { return r, nil })
	if err != nil {
		return nil, err
	}
	return &types.QueryRoundsResponse{Rounds: rounds, Pagination: page}, nil
}

func (q queryServer) Payouts(ctx context.Context, req *types.QueryPayoutsRequest) (*types.QueryPayoutsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	payouts, page, err := query.CollectionPaginate(ctx, q.k.Payouts, req.Pagination,
		func(_ uint64, p types.RoundPayout) (types.RoundPayout, error) { return p, nil })
	if err != nil {
		return nil, err
	}
	return &types.QueryPayoutsResponse{Payouts: payouts, Pagination: page}, nil
}
