package keeper_test

import (
	"strings"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/don-network/don/x/evaluation/keeper"
	"github.com/don-network/don/x/evaluation/types"
)

func requireCode(t *testing.T, err error, code codes.Code) {
	t.Helper()
	require.Error(t, err)
	require.Equal(t, code, status.Code(err), "%v", err)
}

func TestQueryEvaluators(t *testing.T) {
	e := newEnv(t)
	q := keeper.NewQueryServerImpl(e.Evaluation)
	e.register(e.eve, collateral, 4)
	e.register(e.eve2, collateral, 4)
	e.register(e.ch, collateral, 4)
	e.mustClaim(e.eve, e.request(1))

	// Two pages of 2 and 1, every evaluator once.
	seen := map[string]types.EvaluatorInfo{}
	var key []byte
	for page := 0; ; page++ {
		res, err := q.Evaluators(e.Ctx, &types.QueryEvaluatorsRequest{Pagination: &query.PageRequest{Key: key, Limit: 2, CountTotal: page == 0}})
		require.NoError(t, err)
		if page == 0 {
			require.Len(t, res.Evaluators, 2)
			require.Equal(t, uint64(3), res.Pagination.Total)
		}
		for _, info := range res.Evaluators {
			seen[info.Evaluator.Address] = info
		}
		if key = res.Pagination.NextKey; key == nil {
			require.Equal(t, 1, page, "exactly two pages")
			break
		}
	}
	require.Len(t, seen, 3)
	require.Equal(t, dec("0.25"), seen[e.eve.str].Load, "1 open of capacity 4")
	require.True(t, seen[e.eve.str].CanClaim)
	require.True(t, seen[e.eve2.str].Load.IsZero())

	_, err := q.Evaluators(e.Ctx, nil)
	requireCode(t, err, codes.InvalidArgument)
}

func TestQueryEvaluator(t *testing.T) {
	e := newEnv(t)
	q := keeper.NewQueryServerImpl(e.Evaluation)
	e.register(e.eve, collateral, 4)

	res, err := q.Evaluator(e.Ctx, &types.QueryEvaluatorRequest{Address: e.eve.str})
	require.NoError(t, err)
	require.Equal(t, e.eve.str, res.Evaluator.Evaluator.Address)
	require.Equal(t, sdkmath.NewInt(collateral), res.Evaluator.Evaluator.Collateral)
	require.True(t, res.Evaluator.CanClaim)

	_, err = e.EvaluationMsg.UnbondEvaluator(e.Ctx, &types.MsgUnbondEvaluator{Evaluator: e.eve.str})
	require.NoError(t, err)
	res, err = q.Evaluator(e.Ctx, &types.QueryEvaluatorRequest{Address: e.eve.str})
	require.NoError(t, err)
	require.False(t, res.Evaluator.CanClaim, "an unbonding evaluator cannot claim")

	_, err = q.Evaluator(e.Ctx, &types.QueryEvaluatorRequest{Address: e.client.str})
	requireCode(t, err, codes.NotFound)
	_, err = q.Evaluator(e.Ctx, &types.QueryEvaluatorRequest{Address: "don1bad"})
	requireCode(t, err, codes.InvalidArgument)
	_, err = q.Evaluator(e.Ctx, nil)
	requireCode(t, err, codes.InvalidArgument)
}

func TestQueryRequests(t *testing.T) {
	e := newEnv(t)
	q := keeper.NewQueryServerImpl(e.Evaluation)
	e.register(e.eve, collateral, 4)
	e.register(e.eve2, collateral, 4)
	c1, c2, c3 := e.request(1), e.request(1), e.request(1) // by client: 1, 2, 3
	x4, x5 := e.requestBy(e.ch, 1), e.requestBy(e.ch, 1)   // by ch: 4, 5
	e.mustClaim(e.eve, c1)
	e.mustClaim(e.eve2, c2)
	e.mustClaim(e.eve, x4)
	_, err := e.EvaluationMsg.CancelRequest(e.Ctx, &types.MsgCancelRequest{Client: e.ch.str, RequestId: x5})
	require.NoError(t, err)

	// ids pages through a filter two at a time and returns the ids in order.
	ids := func(req types.QueryRequestsRequest) []uint64 {
		t.Helper()
		var out []uint64
		req.Pagination = &query.PageRequest{Limit: 2}
		for {
			res, err := q.Requests(e.Ctx, &req)
			require.NoError(t, err)
			require.LessOrEqual(t, len(res.Requests), 2)
			for _, r := range res.Requests {
				out = append(out, r.Id)
			}
			if res.Pagination.NextKey == nil {
				return out
			}
			req.Pagination = &query.PageRequest{Key: res.Pagination.NextKey, Limit: 2}
		}
	}
	for _, tc := range []struct {
		name string
		req  types.QueryRequestsRequest
		want []uint64
	}{
		{"all", types.QueryRequestsRequest{}, []uint64{c1, c2, c3, x4, x5}},
		{"open", types.QueryRequestsRequest{Status: types.REQUEST_STATUS_OPEN}, []uint64{c3}},
		{"claimed", types.QueryRequestsRequest{Status: types.REQUEST_STATUS_CLAIMED}, []uint64{c1, c2, x4}},
		{"cancelled", types.QueryRequestsRequest{Status: types.REQUEST_STATUS_CANCELLED}, []uint64{x5}},
		{"settled", types.QueryRequestsRequest{Status: types.REQUEST_STATUS_SETTLED}, nil},
		{"client", types.QueryRequestsRequest{Client: e.client.str}, []uint64{c1, c2, c3}},
		{"other client", types.QueryRequestsRequest{Client: e.ch.str}, []uint64{x4, x5}},
		{"client in upper case", types.QueryRequestsRequest{Client: strings.ToUpper(e.client.str)}, []uint64{c1, c2, c3}},
		{"evaluator in upper case", types.QueryRequestsRequest{Evaluator: strings.ToUpper(e.eve.str)}, []uint64{c1, x4}},
		{"client without requests", types.QueryRequestsRequest{Client: e.eve.str}, nil},
		{"evaluator", types.QueryRequestsRequest{Evaluator: e.eve.str}, []uint64{c1, x4}},
		{"other evaluator", types.QueryRequestsRequest{Evaluator: e.eve2.str}, []uint64{c2}},
		{"evaluator without requests", types.QueryRequestsRequest{Evaluator: e.ch.str}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) { require.Equal(t, tc.want, ids(tc.req)) })
	}

	for _, bad := range []types.QueryRequestsRequest{
		{Status: types.REQUEST_STATUS_OPEN, Client: e.client.str},
		{Status: types.REQUEST_STATUS_OPEN, Evaluator: e.eve.str},
		{Client: e.client.str, Evaluator: e.eve.str},
		{Client: "don1bad"},
		{Evaluator: "don1bad"},
	} {
		_, err := q.Requests(e.Ctx, &bad)
		requireCode(t, err, codes.InvalidArgument)
	}
	_, err = q.Requests(e.Ctx, nil)
	requireCode(t, err, codes.InvalidArgument)
}

func TestQueryRequest(t *testing.T) {
	e := newEnv(t)
	p := e.params()
	q := keeper.NewQueryServerImpl(e.Evaluation)
	fee := sdkmath.NewInt(maxFee)
	e.register(e.eve, collateral, 4)
	e.mustClaim(e.eve, e.request(1)) // load 1/4
	id := e.request(2)
	start := e.Ctx.BlockHeight()
	e.EndBlocksUntil(start + 7)
	h := e.Ctx.BlockHeight()

	// Without an evaluator: the auction price only.
	res, err := q.Request(e.Ctx, &types.QueryRequestRequest{Id: id})
	require.NoError(t, err)
	require.Equal(t, id, res.Request.Id)
	require.Equal(t, uint32(2), res.Request.Rows)
	require.Equal(t, p.AuctionPrice(fee, start, h), res.AuctionPrice)
	require.True(t, res.EvaluatorPrice.IsZero())

	// With one: its personalised price, which its claim then pays.
	res, err = q.Request(e.Ctx, &types.QueryRequestRequest{Id: id, Evaluator: e.eve.str})
	require.NoError(t, err)
	require.Equal(t, p.AuctionPrice(fee, start, h), res.AuctionPrice)
	want := p.PersonalPrice(fee, start, h, dec("0.25"), p.InitialReputation)
	require.Equal(t, want, res.EvaluatorPrice)
	require.Equal(t, want, e.mustClaim(e.eve, id))

	// A request no longer open is not priced.
	res, err = q.Request(e.Ctx, &types.QueryRequestRequest{Id: id, Evaluator: e.eve.str})
	require.NoError(t, err)
	require.Equal(t, types.REQUEST_STATUS_CLAIMED, res.Request.Status)
	require.Equal(t, want, res.Request.Price)
	require.True(t, res.AuctionPrice.IsZero())
	require.True(t, res.EvaluatorPrice.IsZero())

	open := e.request(1)
	for _, tc := range []struct {
		req  *types.QueryRequestRequest
		code codes.Code
	}{
		{&types.QueryRequestRequest{Id: 999}, codes.NotFound},
		{&types.QueryRequestRequest{Id: open, Evaluator: e.client.str}, codes.NotFound},
		{&types.QueryRequestRequest{Id: open, Evaluator: "don1bad"}, codes.InvalidArgument},
		{nil, codes.InvalidArgument},
	} {
		_, err := q.Request(e.Ctx, tc.req)
		requireCode(t, err, tc.code)
	}
}

func TestQueryLoadCurve(t *testing.T) {
	e := newEnv(t)
	p := e.params()
	q := keeper.NewQueryServerImpl(e.Evaluation)
	peak := p.LoadCurve.Peak()
	for _, tc := range []struct{ load, rep string }{
		{"0", ""}, {"0.3", "0.5"}, {"0.6", ""}, {"0.6", "0.5"}, {"0.9", "1"}, {"1", "0"}, {"10", "1"},
	} {
		res, err := q.LoadCurve(e.Ctx, &types.QueryLoadCurveRequest{Load: tc.load, Reputation: tc.rep})
		require.NoError(t, err, tc)
		rep := sdkmath.LegacyOneDec() // the default
		if tc.rep != "" {
			rep = dec(tc.rep)
		}
		require.Equal(t, p.LoadCurve.Eval(dec(tc.load)), res.F, tc)
		require.Equal(t, peak, res.FPeak)
		require.Equal(t, p.Multiplier(dec(tc.load), rep), res.Multiplier, tc)
	}
	// Defaults: f peaks at B = 0.6 with f = 1, so M(0.6, 1) = 1 and
	// M(0.6, 0.5) = 0.5 + 0.5·1·0.5.
	res, err := q.LoadCurve(e.Ctx, &types.QueryLoadCurveRequest{Load: "0.6", Reputation: "0.5"})
	require.NoError(t, err)
	require.Equal(t, sdkmath.LegacyOneDec(), res.F)
	require.Equal(t, sdkmath.LegacyOneDec(), res.FPeak)
	require.Equal(t, dec("0.75"), res.Multiplier)

	for _, bad := range []*types.QueryLoadCurveRequest{
		{Load: ""}, {Load: "abc"}, {Load: "-0.1"}, {Load: "10.000000000000000001"},
		{Load: "0.5", Reputation: "1.1"}, {Load: "0.5", Reputation: "-0.1"}, {Load: "0.5", Reputation: "x"}, nil,
	} {
		_, err := q.LoadCurve(e.Ctx, bad)
		requireCode(t, err, codes.InvalidArgument)
	}
}
