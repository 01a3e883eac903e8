package simulation

import (
	"context"
	"math/rand"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"

	"github.com/don-network/don/testutil/simkit"
	"github.com/don-network/don/x/evaluation/client/agent"
	"github.com/don-network/don/x/evaluation/keeper"
	"github.com/don-network/don/x/evaluation/types"
	"github.com/don-network/don/x/optima/fixedpoint"
)

const (
	// maxInputSpan keeps simulated inputs within ±8 (or ±max_abs_input if
	// smaller), the range the domains' data lives in.
	maxInputSpan = int64(8 * fixedpoint.One)
	// maxDeadlineSpread is how far past min_deadline_blocks a deadline may go.
	maxDeadlineSpread = 20
)

// randomInputs are n raw fixed-point values in ±span.
func randomInputs(r *rand.Rand, n int, span int64) []int64 {
	out := make([]int64, n)
	for i := range out {
		out[i] = r.Int63n(2*span+1) - span
	}
	return out
}

// MsgRequestEvaluationFactory requests 1 to max_rows rows of an active
// model with a best optimum, paying one to five times the minimum fee, with
// a deadline a few blocks ahead; one in ten is refused for its inputs
// (a broken row or a value beyond max_abs_input), its fee or its deadline.
func MsgRequestEvaluationFactory(k *keeper.Keeper) *simsx.ResultHandlingSimMsgFactory[*types.MsgRequestEvaluation] {
	return simsx.NewSimMsgFactoryWithDeliveryResultHandler(func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRequestEvaluation, simsx.SimDeliveryResultHandler) {
		r := testData.Rand().Rand
		p, ok := params(ctx, k, reporter)
		if !ok {
			return nil, nil, nil
		}
		models, err := servableModels(ctx, k)
		if err != nil {
			reporter.Skip(err.Error())
			return nil, nil, nil
		}
		if len(models) == 0 {
			reporter.Skip("no active model with an optimum")
			return nil, nil, nil
		}
		s := simkit.Pick(r, models)
		maxFee := p.MinFee.MulRaw(int64(1 + r.Intn(5)))
		acc := testData.AnyAccountN(accountRetries, reporter, simsx.WithLiquidBalanceGTE(coin(maxFee)))
		if reporter.IsSkipped() {
			return nil, nil, nil
		}
		bound := types.MaxAbsInputFixed(p)
		rows := 1 + r.Intn(int(p.MaxRows))
		spread := int64(min(p.MaxDeadlineBlocks-p.MinDeadlineBlocks, maxDeadlineSpread))
		lo := height(ctx) + int64(p.MinDeadlineBlocks)
		msg := &types.MsgRequestEvaluation{
			Client: acc.AddressBech32, ModelId: s.model.Id, MaxFee: maxFee,
			Inputs: randomInputs(r, rows*s.width, min(bound, maxInputSpan)), Deadline: lo + r.Int63n(spread+1),
		}
		signers := []simsx.SimAccount{acc}
		if simkit.Invalid(r, invalidOneIn) {
			switch r.Intn(3) {
			case 0:
				if s.width > 1 {
					msg.Inputs = append(msg.Inputs, 0) // not a whole number of rows
				} else {
					msg.Inputs[r.Intn(len(msg.Inputs))] = bound + 1
				}
				return signers, msg, simkit.ExpectError(types.ErrInvalidInputs)
			case 1:
				msg.MaxFee = p.MinFee.SubRaw(1)
				return signers, msg, simkit.ExpectError(types.ErrFeeTooLow)
			default:
				msg.Deadline = lo - 1
				return signers, msg, simkit.ExpectError(types.ErrInvalidDeadline)
			}
		}
		if !reserve(&acc, maxFee) {
			reporter.Skip("client cannot pay the fee")
			return nil, nil, nil
		}
		return []simsx.SimAccount{acc}, msg, nil
	})
}

// MsgClaimRequestFactory claims what the evaluator agent would: a random
// evaluator, with a random reservation price, takes the first request of
// agent.PlanClaims (the chain's own price and claim rules, a deadline
// that leaves a block to answer). One in ten claims a missing request or
// one that is no longer open.
func MsgClaimRequestFactory(k *keeper.Keeper) *simsx.ResultHandlingSimMsgFactory[*types.MsgClaimRequest] {
	return simsx.NewSimMsgFactoryWithDeliveryResultHandler(func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgClaimRequest, simsx.SimDeliveryResultHandler) {
		r := testData.Rand().Rand
		p, ok := params(ctx, k, reporter)
		if !ok {
			return nil, nil, nil
		}
		if simkit.Invalid(r, invalidOneIn) {
			return invalidClaim(ctx, k, testData, reporter)
		}
		h := height(ctx)
		open, err := requestsWith(ctx, k, types.REQUEST_STATUS_OPEN, func(types.Request) bool { return true })
		if err != nil {
			reporter.Skip(err.Error())
			return nil, nil, nil
		}
		if len(open) == 0 {
			reporter.Skip("no open request")
			return nil, nil, nil
		}
		models, err := servableModels(ctx, k)
		if err != nil {
			reporter.Skip(err.Error())
			return nil, nil, nil
		}
		servable := func(id uint64) bool {
			for _, s := range models {
				if s.model.Id == id {
					return true
				}
			}
			return false
		}
		evs := simEvaluators(ctx, k, testData, reporter, func(ev types.Evaluator) bool { return p.CanClaim(ev, h) && ev.Open < ev.Capacity })
		if reporter.IsSkipped() {
			return nil, nil, nil
		}
		minPrice := sdkmath.ZeroInt()
		if r.Intn(2) == 0 {
			minPrice = p.MinFee.QuoRaw(int64(1 + r.Intn(10)))
		}
		none := func(uint64) bool { return false }
		for _, i := range r.Perm(len(evs)) {
			// The view the agent polls at h−1: its claim lands at h.
			v := agent.View{Height: h - 1, Params: p, Self: evs[i], Open: open}
			if plan := agent.PlanClaims(v, minPrice, servable, none); len(plan) > 0 {
				acc := testData.GetAccount(reporter, evs[i].Address)
				return []simsx.SimAccount{acc}, &types.MsgClaimRequest{Evaluator: acc.AddressBech32, RequestId: plan[0].Request.Id}, nil
			}
		}
		reporter.Skip("no evaluator can claim an open request")
		return nil, nil, nil
	})
}

// invalidClaim claims a request that does not exist or is no longer open.
func invalidClaim(ctx context.Context, k *keeper.Keeper, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgClaimRequest, simsx.SimDeliveryResultHandler) {
	r := testData.Rand().Rand
	acc := testData.AnyAccount(reporter)
	if reporter.IsSkipped() {
		return nil, nil, nil
	}
	taken, err := requestsWith(ctx, k, types.REQUEST_STATUS_CLAIMED, func(types.Request) bool { return true })
	if err != nil {
		reporter.Skip(err.Error())
		return nil, nil, nil
	}
	if len(taken) == 0 || r.Intn(2) == 0 {
		msg := &types.MsgClaimRequest{Evaluator: acc.AddressBech32, RequestId: ^uint64(0)}
		return []simsx.SimAccount{acc}, msg, simkit.ExpectError(types.ErrRequestNotFound)
	}
	msg := &types.MsgClaimRequest{Evaluator: acc.AddressBech32, RequestId: simkit.Pick(r, taken).Id}
	return []simsx.SimAccount{acc}, msg, simkit.ExpectError(types.ErrWrongStatus)
}

// MsgCancelRequestFactory cancels an open request of a simulation
// account; one in ten is sent by another account.
func MsgCancelRequestFactory(k *keeper.Keeper) *simsx.ResultHandlingSimMsgFactory[*types.MsgCancelRequest] {
	return simsx.NewSimMsgFactoryWithDeliveryResultHandler(func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgCancelRequest, simsx.SimDeliveryResultHandler) {
		r := testData.Rand().Rand
		open, err := requestsWith(ctx, k, types.REQUEST_STATUS_OPEN, func(rq types.Request) bool { return testData.HasAccount(rq.Client) })
		if err != nil {
			reporter.Skip(err.Error())
			return nil, nil, nil
		}
		if len(open) == 0 {
			reporter.Skip("no open request of a simulation account")
			return nil, nil, nil
		}
		rq := simkit.Pick(r, open)
		if simkit.Invalid(r, invalidOneIn) {
			other := testData.AnyAccountN(accountRetries, reporter, simsx.ExcludeAddresses(rq.Client))
			if reporter.IsSkipped() {
				return nil, nil, nil
			}
			msg := &types.MsgCancelRequest{Client: other.AddressBech32, RequestId: rq.Id}
			return []simsx.SimAccount{other}, msg, simkit.ExpectError(types.ErrNotClient)
		}
		acc := testData.GetAccount(reporter, rq.Client)
		return []simsx.SimAccount{acc}, &types.MsgCancelRequest{Client: acc.AddressBech32, RequestId: rq.Id}, nil
	})
}
