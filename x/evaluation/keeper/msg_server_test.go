package keeper_test

import (
	"strings"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/don-network/don/x/evaluation/types"
	"github.com/don-network/don/x/optima/fixedpoint"
)

// badMsg prepares the state for one refused message and returns the call.
type badMsg struct {
	name   string
	params func(*types.Params) // optional genesis params change
	setup  func(e *env) func() error
	want   error
}

// claimed opens a request and has eve claim it.
func (e *env) claimed() uint64 {
	e.register(e.eve, collateral, 4)
	id := e.request(1)
	e.mustClaim(e.eve, id)
	return id
}

// submitted opens a request, has eve claim it and submit the right result.
func (e *env) submitted() uint64 {
	id := e.claimed()
	e.mustSubmit(e.eve, id)
	return id
}

func requestCase(name string, want error, mutate func(e *env, m *types.MsgRequestEvaluation)) badMsg {
	return badMsg{name: "request: " + name, want: want, setup: func(e *env) func() error {
		m := e.requestMsg(e.client, 1)
		mutate(e, m)
		return func() error { _, err := e.EvaluationMsg.RequestEvaluation(e.Ctx, m); return err }
	}}
}

// Every refused message fails with its registered error and leaves the
// x/evaluation state, the balances and the supply exactly as they were. The
// messages run on the fixture context itself, not a cached one: the keeper
// must check everything before it writes anything.
func TestMsgServerRefusesBadInputsWithoutSideEffects(t *testing.T) {
	cases := []badMsg{
		requestCase("5 values for width 4", types.ErrInvalidInputs, func(_ *env, m *types.MsgRequestEvaluation) {
			m.Inputs = append(inputs(1), 7)
		}),
		requestCase("max_rows + 1 rows", types.ErrInvalidInputs, func(e *env, m *types.MsgRequestEvaluation) {
			m.Inputs = inputs(int(e.params().MaxRows) + 1)
		}),
		requestCase("value above max_abs_input", types.ErrInvalidInputs, func(e *env, m *types.MsgRequestEvaluation) {
			m.Inputs[2] = e.params().MaxAbsInput.MulInt64(int64(fixedpoint.One)).TruncateInt64() + 1
		}),
		requestCase("value below −max_abs_input", types.ErrInvalidInputs, func(e *env, m *types.MsgRequestEvaluation) {
			m.Inputs[0] = -e.params().MaxAbsInput.MulInt64(int64(fixedpoint.One)).TruncateInt64() - 1
		}),
		requestCase("empty inputs", types.ErrInvalidInputs, func(_ *env, m *types.MsgRequestEvaluation) { m.Inputs = nil }),
		requestCase("fee below min_fee", types.ErrFeeTooLow, func(e *env, m *types.MsgRequestEvaluation) {
			m.MaxFee = e.params().MinFee.SubRaw(1)
		}),
		requestCase("nil fee", types.ErrFeeTooLow, func(_ *env, m *types.MsgRequestEvaluation) { m.MaxFee = sdkmath.Int{} }),
		requestCase("deadline in the past", types.ErrInvalidDeadline, func(e *env, m *types.MsgRequestEvaluation) {
			m.Deadline = e.Ctx.BlockHeight() - 1
		}),
		requestCase("deadline before min_deadline_blocks", types.ErrInvalidDeadline, func(e *env, m *types.MsgRequestEvaluation) {
			m.Deadline = e.Ctx.BlockHeight() + int64(e.params().MinDeadlineBlocks) - 1
		}),
		requestCase("deadline beyond max_deadline_blocks", types.ErrInvalidDeadline, func(e *env, m *types.MsgRequestEvaluation) {
			m.Deadline = e.Ctx.BlockHeight() + int64(e.params().MaxDeadlineBlocks) + 1
		}),
		requestCase("unknown model", types.ErrModelNotActive, func(_ *env, m *types.MsgRequestEvaluation) { m.ModelId = 99 }),
		requestCase("client without funds", types.ErrInsufficientFunds, func(e *env, m *types.MsgRequestEvaluation) {
			m.Client = e.newAccount("pauper", maxFee-1).str
		}),
		requestCase("invalid client address", sdkerrors.ErrInvalidAddress, func(_ *env, m *types.MsgRequestEvaluation) {
			m.Client = "don1notanaddress"
		}),

		{name: "claim: already claimed", want: types.ErrWrongStatus, setup: func(e *env) func() error {
			id := e.claimed()
			e.register(e.eve2, collateral, 4)
			return func() error { _, err := e.claim(e.eve2, id); return err }
		}},
		{name: "claim: not an evaluator", want: types.ErrEvaluatorNotFound, setup: func(e *env) func() error {
			id := e.request(1)
			return func() error { _, err := e.claim(e.ch, id); return err }
		}},
		{name: "claim: unknown request", want: types.ErrRequestNotFound, setup: func(e *env) func() error {
			e.register(e.eve, collateral, 4)
			return func() error { _, err := e.claim(e.eve, 999); return err }
		}},

		{name: "submit: wrong evaluator", want: types.ErrNotAssigned, setup: func(e *env) func() error {
			id := e.claimed()
			e.register(e.eve2, collateral, 4)
			return e.submitCall(e.eve2, id, nil)
		}},
		{name: "submit: after the deadline", want: types.ErrDeadlinePassed, setup: func(e *env) func() error {
			e.register(e.eve, collateral, 4)
			m := e.requestMsg(e.client, 1)
			m.Deadline = e.Ctx.BlockHeight() + int64(e.params().MinDeadlineBlocks)
			res, err := e.EvaluationMsg.RequestEvaluation(e.Ctx, m)
			require.NoError(e.t, err)
			e.mustClaim(e.eve, res.RequestId)
			// The last block of the grace, before its EndBlock times the
			// request out; then one block later as if that timeout were
			// still waiting in a congested queue: too late to submit.
			last := m.Deadline + int64(e.params().TimeoutGraceBlocks)
			e.EndBlocksUntil(last)
			require.Equal(e.t, types.REQUEST_STATUS_CLAIMED, e.get(res.RequestId).Status)
			e.Ctx = e.Ctx.WithBlockHeight(last + 1)
			return e.submitCall(e.eve, res.RequestId, nil)
		}},
		{name: "submit: outputs of the wrong shape", want: types.ErrInvalidOutputs, setup: func(e *env) func() error {
			id := e.claimed()
			return e.submitCall(e.eve, id, append(e.truth(id), 0))
		}},
		{name: "submit: no outputs", want: types.ErrInvalidOutputs, setup: func(e *env) func() error {
			id := e.claimed()
			return e.submitCall(e.eve, id, []int64{})
		}},
		{name: "submit: unclaimed request", want: types.ErrWrongStatus, setup: func(e *env) func() error {
			e.register(e.eve, collateral, 4)
			id := e.request(1)
			return e.submitCall(e.eve, id, inputs(1)[:1])
		}},

		{
			// The window ends at the settle height, whose EndBlock settles the
			// request; only a settlement deferred by max_due_per_block leaves
			// a submitted request past its window.
			name: "challenge: after the window", want: types.ErrChallengeClosed,
			params: func(p *types.Params) { p.MaxDuePerBlock = 1 },
			setup: func(e *env) func() error {
				e.register(e.eve, collateral, 4)
				first, second := e.request(1), e.request(1)
				e.mustClaim(e.eve, first)
				e.mustClaim(e.eve, second)
				e.mustSubmit(e.eve, first)
				settle := e.mustSubmit(e.eve, second)
				e.EndBlocksUntil(settle + 1)
				require.Equal(e.t, types.REQUEST_STATUS_SETTLED, e.get(first).Status)
				require.Equal(e.t, types.REQUEST_STATUS_SUBMITTED, e.get(second).Status, "deferred by the budget")
				return e.challengeCall(e.ch, second, e.params().MinChallengeBond)
			},
		},
		{name: "challenge: bond below min", want: types.ErrBondTooLow, setup: func(e *env) func() error {
			id := e.submitted()
			return e.challengeCall(e.ch, id, e.params().MinChallengeBond.SubRaw(1))
		}},
		{name: "challenge: nil bond", want: types.ErrBondTooLow, setup: func(e *env) func() error {
			id := e.submitted()
			return e.challengeCall(e.ch, id, sdkmath.Int{})
		}},
		{name: "challenge: by the evaluator itself", want: types.ErrSelfChallenge, setup: func(e *env) func() error {
			id := e.submitted()
			return e.challengeCall(e.eve, id, e.params().MinChallengeBond)
		}},
		{name: "challenge: by the evaluator itself, address in upper case", want: types.ErrSelfChallenge, setup: func(e *env) func() error {
			id := e.submitted()
			upper := e.eve
			upper.str = strings.ToUpper(upper.str) // same account: canonicalised before comparing
			return e.challengeCall(upper, id, e.params().MinChallengeBond)
		}},
		{name: "challenge: not submitted", want: types.ErrWrongStatus, setup: func(e *env) func() error {
			id := e.claimed()
			return e.challengeCall(e.ch, id, e.params().MinChallengeBond)
		}},
		{name: "challenge: challenger without funds", want: types.ErrInsufficientFunds, setup: func(e *env) func() error {
			id := e.submitted()
			p := e.params()
			return e.challengeCall(e.newAccount("pauper", p.MinChallengeBond.Int64()-1), id, p.MinChallengeBond)
		}},
		{name: "challenge: unknown request", want: types.ErrRequestNotFound, setup: func(e *env) func() error {
			return e.challengeCall(e.ch, 999, e.params().MinChallengeBond)
		}},

		{name: "cancel: by a stranger", want: types.ErrNotClient, setup: func(e *env) func() error {
			id := e.request(1)
			return e.cancelCall(e.ch, id)
		}},
		{name: "cancel: after the claim", want: types.ErrWrongStatus, setup: func(e *env) func() error {
			id := e.claimed()
			return e.cancelCall(e.client, id)
		}},
		{name: "cancel: twice", want: types.ErrWrongStatus, setup: func(e *env) func() error {
			id := e.request(1)
			require.NoError(e.t, e.cancelCall(e.client, id)())
			return e.cancelCall(e.client, id)
		}},

		{name: "unbond: open work", want: types.ErrOpenWork, setup: func(e *env) func() error {
			e.submitted() // a submitted result is still open work
			return e.unbondCall(e.eve)
		}},
		{name: "unbond: twice", want: types.ErrEvaluatorUnbonding, setup: func(e *env) func() error {
			e.register(e.eve, collateral, 4)
			require.NoError(e.t, e.unbondCall(e.eve)())
			return e.unbondCall(e.eve)
		}},
		{name: "unbond: not an evaluator", want: types.ErrEvaluatorNotFound, setup: func(e *env) func() error {
			return e.unbondCall(e.eve)
		}},

		{name: "register: below min_collateral", want: types.ErrCollateralTooLow, setup: func(e *env) func() error {
			return e.registerCall(e.eve, e.params().MinCollateral.SubRaw(1), 4)
		}},
		{name: "register: capacity 0", want: types.ErrInvalidCapacity, setup: func(e *env) func() error {
			return e.registerCall(e.eve, sdkmath.NewInt(collateral), 0)
		}},
		{name: "register: capacity above max_capacity", want: types.ErrInvalidCapacity, setup: func(e *env) func() error {
			return e.registerCall(e.eve, sdkmath.NewInt(collateral), e.params().MaxCapacity+1)
		}},
		{name: "register: twice", want: types.ErrEvaluatorExists, setup: func(e *env) func() error {
			e.register(e.eve, collateral, 4)
			return e.registerCall(e.eve, sdkmath.NewInt(collateral), 4)
		}},
		{name: "register: without funds", want: types.ErrInsufficientFunds, setup: func(e *env) func() error {
			p := e.params()
			return e.registerCall(e.newAccount("pauper", p.MinCollateral.Int64()-1), p.MinCollateral, 4)
		}},

		{name: "add collateral: 0", want: types.ErrInvalidAmount, setup: func(e *env) func() error {
			e.register(e.eve, collateral, 4)
			return e.addCollateralCall(e.eve, sdkmath.ZeroInt())
		}},
		{name: "add collateral: negative", want: types.ErrInvalidAmount, setup: func(e *env) func() error {
			e.register(e.eve, collateral, 4)
			return e.addCollateralCall(e.eve, sdkmath.NewInt(-1))
		}},
		{name: "add collateral: not an evaluator", want: types.ErrEvaluatorNotFound, setup: func(e *env) func() error {
			return e.addCollateralCall(e.eve, sdkmath.NewInt(1000))
		}},

		{name: "update params: not the authority", want: types.ErrUnauthorized, setup: func(e *env) func() error {
			return e.updateParamsCall(e.ch.str, e.params())
		}},
		{name: "update params: invalid", want: types.ErrInvalidParams, setup: func(e *env) func() error {
			p := e.params()
			p.MinFee = sdkmath.ZeroInt()
			return e.updateParamsCall(e.Authority, p)
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnvWith(t, tc.params)
			call := tc.setup(e)
			before := e.snapshot()
			err := call()
			require.ErrorIs(t, err, tc.want)
			e.requireUnchanged(before)
			e.CheckInvariants()
		})
	}
}

func (e *env) submitCall(a account, id uint64, outputs []int64) func() error {
	return func() error {
		_, err := e.EvaluationMsg.SubmitResult(e.Ctx, &types.MsgSubmitResult{Evaluator: a.str, RequestId: id, Outputs: outputs})
		return err
	}
}

func (e *env) challengeCall(a account, id uint64, bond sdkmath.Int) func() error {
	return func() error {
		_, err := e.EvaluationMsg.ChallengeResult(e.Ctx, &types.MsgChallengeResult{Challenger: a.str, RequestId: id, Bond: bond})
		return err
	}
}

func (e *env) cancelCall(a account, id uint64) func() error {
	return func() error {
		_, err := e.EvaluationMsg.CancelRequest(e.Ctx, &types.MsgCancelRequest{Client: a.str, RequestId: id})
		return err
	}
}

func (e *env) unbondCall(a account) func() error {
	return func() error {
		_, err := e.EvaluationMsg.UnbondEvaluator(e.Ctx, &types.MsgUnbondEvaluator{Evaluator: a.str})
		return err
	}
}

func (e *env) registerCall(a account, coll sdkmath.Int, capacity uint32) func() error {
	return func() error {
		_, err := e.EvaluationMsg.RegisterEvaluator(e.Ctx, &types.MsgRegisterEvaluator{Evaluator: a.str, Collateral: coll, Capacity: capacity})
		return err
	}
}

func (e *env) addCollateralCall(a account, amt sdkmath.Int) func() error {
	return func() error {
		_, err := e.EvaluationMsg.AddCollateral(e.Ctx, &types.MsgAddCollateral{Evaluator: a.str, Amount: amt})
		return err
	}
}

func (e *env) updateParamsCall(authority string, p types.Params) func() error {
	return func() error {
		_, err := e.EvaluationMsg.UpdateParams(e.Ctx, &types.MsgUpdateParams{Authority: authority, Params: p})
		return err
	}
}
