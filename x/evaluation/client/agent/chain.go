package agent

import (
	"context"
	"fmt"
	"sync"

	"google.golang.org/grpc"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/don-network/don/x/evaluation/types"
	minttypes "github.com/don-network/don/x/mint/types"
	optimatypes "github.com/don-network/don/x/optima/types"
)

// chain reads the node through the client context's ABCI queries: polling
// is the truth, there is no event subscription to silently die.
type chain struct {
	clientCtx client.Context
	eval      types.QueryClient
	optima    optimatypes.QueryClient
}

func newChain(clientCtx client.Context) *chain {
	return &chain{
		clientCtx: clientCtx,
		eval:      types.NewQueryClient(clientCtx),
		optima:    &cachedOptima{QueryClient: optimatypes.NewQueryClient(clientCtx), optima: map[[2]uint64]*optimatypes.QueryOptimumResponse{}},
	}
}

// height is the node's latest block height.
func (c *chain) height(ctx context.Context) (int64, error) {
	if c.clientCtx.Client == nil {
		return 0, fmt.Errorf("no node: set --node")
	}
	st, err := c.clientCtx.Client.Status(ctx)
	if err != nil {
		return 0, fmt.Errorf("reading the node's status: %w", err)
	}
	return st.SyncInfo.LatestBlockHeight, nil
}

// denom is the chain's one denom, x/mint's mint_denom.
func (c *chain) denom(ctx context.Context) (string, error) {
	res, err := minttypes.NewQueryClient(c.clientCtx).Params(ctx, &minttypes.QueryParamsRequest{})
	if err != nil {
		return "", fmt.Errorf("reading x/mint params: %w", err)
	}
	return res.Params.MintDenom, nil
}

// view reads the params, the agent's evaluator and every request that is
// not final.
func (c *chain) view(ctx context.Context, self string, h int64) (View, error) {
	v := View{Height: h}
	pr, err := c.eval.Params(ctx, &types.QueryParamsRequest{})
	if err != nil {
		return v, fmt.Errorf("reading x/evaluation params: %w", err)
	}
	v.Params = pr.Params
	er, err := c.eval.Evaluator(ctx, &types.QueryEvaluatorRequest{Address: self})
	if err != nil {
		return v, fmt.Errorf("reading evaluator %s: %w", self, err)
	}
	v.Self = er.Evaluator.Evaluator
	for _, s := range []struct {
		status types.RequestStatus
		out    *[]types.Request
	}{
		{types.REQUEST_STATUS_OPEN, &v.Open},
		{types.REQUEST_STATUS_CLAIMED, &v.Claimed},
		{types.REQUEST_STATUS_SUBMITTED, &v.Submitted},
	} {
		if *s.out, err = c.requests(ctx, s.status); err != nil {
			return v, err
		}
	}
	return v, nil
}

// requests pages through the requests of one status.
func (c *chain) requests(ctx context.Context, status types.RequestStatus) ([]types.Request, error) {
	var out []types.Request
	page := &query.PageRequest{Limit: 200}
	for {
		res, err := c.eval.Requests(ctx, &types.QueryRequestsRequest{Status: status, Pagination: page})
		if err != nil {
			return nil, fmt.Errorf("reading %s requests: %w", status, err)
		}
		out = append(out, res.Requests...)
		if res.Pagination == nil || len(res.Pagination.NextKey) == 0 {
			return out, nil
		}
		page = &query.PageRequest{Key: res.Pagination.NextKey, Limit: 200}
	}
}

// request reads one request.
func (c *chain) request(ctx context.Context, id uint64) (types.Request, error) {
	res, err := c.eval.Request(ctx, &types.QueryRequestRequest{Id: id})
	if err != nil {
		return types.Request{}, err
	}
	return res.Request, nil
}

// servable tells, for each model id, whether the agent can evaluate it: the
// model is active and its domain known to this binary.
func (c *chain) servable(ctx context.Context, ids []uint64) map[uint64]bool {
	out := make(map[uint64]bool, len(ids))
	for _, id := range ids {
		if _, seen := out[id]; seen {
			continue
		}
		res, err := c.optima.Model(ctx, &optimatypes.QueryModelRequest{ModelId: id})
		if err != nil {
			out[id] = false
			continue
		}
		_, _, derr := optimatypes.ResolveDomain(res.Model.Domain, res.Model.Config)
		out[id] = res.Model.Status == optimatypes.MODEL_STATUS_ACTIVE && derr == nil
	}
	return out
}

// cachedOptima remembers optima: an optimum's params never change, and
// every result the agent computes or checks needs its pinned optimum.
type cachedOptima struct {
	optimatypes.QueryClient
	mu     sync.Mutex
	optima map[[2]uint64]*optimatypes.QueryOptimumResponse
}

func (c *cachedOptima) Optimum(ctx context.Context, req *optimatypes.QueryOptimumRequest, opts ...grpc.CallOption) (*optimatypes.QueryOptimumResponse, error) {
	key := [2]uint64{req.ModelId, req.OptimumId}
	c.mu.Lock()
	res, ok := c.optima[key]
	c.mu.Unlock()
	if ok {
		return res, nil
	}
	res, err := c.QueryClient.Optimum(ctx, req, opts...)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.optima[key] = res
	c.mu.Unlock()
	return res, nil
}
