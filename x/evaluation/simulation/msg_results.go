package simulation

import (
	"context"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"

	"github.com/don-network/don/testutil/simkit"
	"github.com/don-network/don/x/evaluation/client/agent"
	"github.com/don-network/don/x/evaluation/keeper"
	"github.com/don-network/don/x/evaluation/types"
)

const (
	// wrongOneIn is the share of submitted results that are wrong on
	// purpose (accepted: only a challenge finds them).
	wrongOneIn = 8
	// rightChallengeOneIn is the share of challenge draws that, with no
	// wrong result open, challenge a right one (the bond goes to the
	// evaluator).
	rightChallengeOneIn = 4
	// maxExtraBond is how much above min_challenge_bond a bond may go.
	maxExtraBond = 100
)

// MsgSubmitResultFactory submits the outputs of a request claimed by a
// simulation account before its deadline and grace end: the true outputs
// of the pinned optimum, or with one in eight a wrong value that a
// challenge will find. One in ten is refused: a missing output, or sent
// by another account than the assigned evaluator.
func MsgSubmitResultFactory(k *keeper.Keeper) *simsx.ResultHandlingSimMsgFactory[*types.MsgSubmitResult] {
	return simsx.NewSimMsgFactoryWithDeliveryResultHandler(func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgSubmitResult, simsx.SimDeliveryResultHandler) {
		r := testData.Rand().Rand
		p, ok := params(ctx, k, reporter)
		if !ok {
			return nil, nil, nil
		}
		h := height(ctx)
		claimed, err := requestsWith(ctx, k, types.REQUEST_STATUS_CLAIMED, func(rq types.Request) bool {
			_, inTime := agent.SubmitTimeout(p, rq, h-1)
			return inTime && testData.HasAccount(rq.Evaluator)
		})
		if err != nil {
			reporter.Skip(err.Error())
			return nil, nil, nil
		}
		if len(claimed) == 0 {
			reporter.Skip("no claimed request to answer")
			return nil, nil, nil
		}
		rq := simkit.Pick(r, claimed)
		outputs, err := trueOutputs(ctx, k, rq)
		if err != nil {
			reporter.Skip(err.Error())
			return nil, nil, nil
		}
		acc := testData.GetAccount(reporter, rq.Evaluator)
		msg := &types.MsgSubmitResult{Evaluator: acc.AddressBech32, RequestId: rq.Id, Outputs: outputs}
		if simkit.Invalid(r, invalidOneIn) {
			if r.Intn(2) == 0 {
				msg.Outputs = outputs[:len(outputs)-1]
				return []simsx.SimAccount{acc}, msg, simkit.ExpectError(types.ErrInvalidOutputs)
			}
			other := testData.AnyAccountN(accountRetries, reporter, simsx.ExcludeAddresses(rq.Evaluator))
			if reporter.IsSkipped() {
				return nil, nil, nil
			}
			msg.Evaluator = other.AddressBech32
			return []simsx.SimAccount{other}, msg, simkit.ExpectError(types.ErrNotAssigned)
		}
		if r.Intn(wrongOneIn) == 0 {
			msg.Outputs[r.Intn(len(outputs))] ^= 1 // the lowest bit: wrong by one ulp
		}
		return []simsx.SimAccount{acc}, msg, nil
	})
}

// MsgChallengeResultFactory challenges, within its window, a submitted
// result that recomputes differently (agent.ToCheck and agent.Wrong, as
// the evaluator agent does); with none open, one in four challenges a
// right one. One in ten is refused: the evaluator challenging its own
// result, or a bond below the minimum.
func MsgChallengeResultFactory(k *keeper.Keeper) *simsx.ResultHandlingSimMsgFactory[*types.MsgChallengeResult] {
	return simsx.NewSimMsgFactoryWithDeliveryResultHandler(func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgChallengeResult, simsx.SimDeliveryResultHandler) {
		r := testData.Rand().Rand
		p, ok := params(ctx, k, reporter)
		if !ok {
			return nil, nil, nil
		}
		submitted, err := requestsWith(ctx, k, types.REQUEST_STATUS_SUBMITTED, func(types.Request) bool { return true })
		if err != nil {
			reporter.Skip(err.Error())
			return nil, nil, nil
		}
		// Any challenger's view at h−1 (its challenge lands at h); the
		// challenger is drawn after the target and excluded from it.
		open := agent.ToCheck(agent.View{Height: height(ctx) - 1, Params: p, Submitted: submitted}, "", func(uint64) bool { return false })
		var wrong, right []types.Request
		for _, rq := range open {
			want, err := trueOutputs(ctx, k, rq)
			if err != nil {
				continue
			}
			if agent.Wrong(want, rq.Outputs) {
				wrong = append(wrong, rq)
			} else {
				right = append(right, rq)
			}
		}
		var target types.Request
		switch {
		case len(wrong) > 0:
			target = simkit.Pick(r, wrong)
		case len(right) > 0 && r.Intn(rightChallengeOneIn) == 0:
			target = simkit.Pick(r, right)
		default:
			reporter.Skip("no result to challenge")
			return nil, nil, nil
		}
		bond := p.MinChallengeBond.AddRaw(r.Int63n(maxExtraBond))
		msg := &types.MsgChallengeResult{RequestId: target.Id, Bond: bond}
		if simkit.Invalid(r, invalidOneIn) {
			if p.MinChallengeBond.IsPositive() && r.Intn(2) == 0 {
				acc := testData.AnyAccountN(accountRetries, reporter, simsx.ExcludeAddresses(target.Evaluator))
				if reporter.IsSkipped() {
					return nil, nil, nil
				}
				msg.Challenger, msg.Bond = acc.AddressBech32, p.MinChallengeBond.SubRaw(1)
				return []simsx.SimAccount{acc}, msg, simkit.ExpectError(types.ErrBondTooLow)
			}
			if !testData.HasAccount(target.Evaluator) {
				reporter.Skip("evaluator outside the simulation")
				return nil, nil, nil
			}
			acc := testData.GetAccount(reporter, target.Evaluator)
			msg.Challenger = acc.AddressBech32
			return []simsx.SimAccount{acc}, msg, simkit.ExpectError(types.ErrSelfChallenge)
		}
		acc := testData.AnyAccountN(accountRetries, reporter, simsx.ExcludeAddresses(target.Evaluator), simsx.WithLiquidBalanceGTE(coin(bond)))
		if reporter.IsSkipped() {
			return nil, nil, nil
		}
		if !reserve(&acc, bond) {
			reporter.Skip("challenger cannot pay the bond")
			return nil, nil, nil
		}
		msg.Challenger = acc.AddressBech32
		return []simsx.SimAccount{acc}, msg, nil
	})
}
