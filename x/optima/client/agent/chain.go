package agent

import (
	"context"
	"fmt"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/types/query"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/don-network/don/x/optima/types"
	weightstypes "github.com/don-network/don/x/weights/types"
)

// Chain is what the agent reads from a node: x/optima's state, model
// weights, its balance and the height.
type Chain struct {
	clientCtx client.Context
	optima    types.QueryClient
	weights   weightstypes.QueryClient
	bank      banktypes.QueryClient
}

// NewChain reads through clientCtx's node.
func NewChain(clientCtx client.Context) *Chain {
	return &Chain{
		clientCtx: clientCtx,
		optima:    types.NewQueryClient(clientCtx),
		weights:   weightstypes.NewQueryClient(clientCtx),
		bank:      banktypes.NewQueryClient(clientCtx),
	}
}

// Height is the latest committed height.
func (c *Chain) Height(ctx context.Context) (int64, error) {
	st, err := c.clientCtx.Client.Status(ctx)
	if err != nil {
		return 0, fmt.Errorf("node status: %w", err)
	}
	return st.SyncInfo.LatestBlockHeight, nil
}

// Params are x/optima's params.
func (c *Chain) Params(ctx context.Context) (types.Params, error) {
	res, err := c.optima.Params(ctx, &types.QueryParamsRequest{})
	if err != nil {
		return types.Params{}, fmt.Errorf("x/optima params: %w", err)
	}
	return res.Params, nil
}

// Model returns one model.
func (c *Chain) Model(ctx context.Context, id uint64) (types.Model, error) {
	res, err := c.optima.Model(ctx, &types.QueryModelRequest{ModelId: id})
	if err != nil {
		return types.Model{}, fmt.Errorf("model %d: %w", id, err)
	}
	return res.Model, nil
}

// Models returns every model, all pages.
func (c *Chain) Models(ctx context.Context) ([]types.Model, error) {
	var out []types.Model
	var key []byte
	for {
		res, err := c.optima.Models(ctx, &types.QueryModelsRequest{Pagination: &query.PageRequest{Key: key, Limit: 100}})
		if err != nil {
			return nil, fmt.Errorf("models: %w", err)
		}
		out = append(out, res.Models...)
		if res.Pagination == nil || len(res.Pagination.NextKey) == 0 {
			return out, nil
		}
		key = res.Pagination.NextKey
	}
}

// Best returns a model's best optimum.
func (c *Chain) Best(ctx context.Context, id uint64) (types.Optimum, error) {
	res, err := c.optima.BestOptimum(ctx, &types.QueryBestOptimumRequest{ModelId: id})
	if err != nil {
		return types.Optimum{}, fmt.Errorf("best optimum of model %d: %w", id, err)
	}
	return res.Optimum, nil
}

// OpenCommits returns the optimizer's open commits, all pages.
func (c *Chain) OpenCommits(ctx context.Context, optimizer string) ([]types.Commit, error) {
	var out []types.Commit
	var key []byte
	for {
		res, err := c.optima.Commits(ctx, &types.QueryCommitsRequest{Optimizer: optimizer, Pagination: &query.PageRequest{Key: key, Limit: 100}})
		if err != nil {
			return nil, fmt.Errorf("open commits of %s: %w", optimizer, err)
		}
		out = append(out, res.Commits...)
		if res.Pagination == nil || len(res.Pagination.NextKey) == 0 {
			return out, nil
		}
		key = res.Pagination.NextKey
	}
}

// Weight is a model's current weight in x/weights.
func (c *Chain) Weight(ctx context.Context, id uint64) (sdkmath.LegacyDec, error) {
	res, err := c.weights.Weight(ctx, &weightstypes.QueryWeightRequest{ModelId: id})
	if err != nil {
		return sdkmath.LegacyDec{}, fmt.Errorf("weight of model %d: %w", id, err)
	}
	return res.Weight, nil
}

// Balance is an account's balance of one denom.
func (c *Chain) Balance(ctx context.Context, addr, denom string) (sdkmath.Int, error) {
	res, err := c.bank.Balance(ctx, &banktypes.QueryBalanceRequest{Address: addr, Denom: denom})
	if err != nil {
		return sdkmath.Int{}, fmt.Errorf("balance of %s: %w", addr, err)
	}
	return res.Balance.Amount, nil
}
