package keeper

import (
	"context"
	"slices"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/evaluation/types"
	optimatypes "github.com/don-network/don/x/optima/types"
)

// challengeResult re-executes a submitted request's prediction with the
// pinned optimum, charging the challenger gas_per_op per operation (an
// upper bound, charged before the work), and resolves it at once: a wrong
// result slashes the evaluator and refunds the client; a correct one pays
// the bond to the evaluator. So no bond is ever held between blocks.
func (k *Keeper) challengeResult(ctx context.Context, challenger sdk.AccAddress, challengerStr string, id uint64, bond sdkmath.Int) (bool, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return false, err
	}
	r, err := k.GetRequest(ctx, id)
	if err != nil {
		return false, err
	}
	if r.Status != types.REQUEST_STATUS_SUBMITTED {
		return false, errorsmod.Wrapf(types.ErrWrongStatus, "request %d is %s, not submitted", id, r.Status)
	}
	if h, end := blockHeight(ctx), r.SubmitHeight+int64(params.ChallengeBlocks); h > end {
		return false, errorsmod.Wrapf(types.ErrChallengeClosed, "request %d: window ended at %d, now %d", id, end, h)
	}
	if r.Verified {
		return false, errorsmod.Wrapf(types.ErrAlreadyVerified, "request %d", id)
	}
	if challengerStr == r.Evaluator {
		return false, errorsmod.Wrapf(types.ErrSelfChallenge, "request %d", id)
	}
	if bond.IsNil() || bond.LT(params.MinChallengeBond) {
		return false, errorsmod.Wrapf(types.ErrBondTooLow, "bond %s < min_challenge_bond %s", bond, params.MinChallengeBond)
	}
	m, err := k.optima.GetModel(ctx, r.ModelId)
	if err != nil {
		return false, err
	}
	dom, cfg, err := optimatypes.ResolveDomain(m.Domain, m.Config)
	if err != nil {
		return false, err
	}
	optimum, err := k.optima.GetOptimum(ctx, r.ModelId, r.OptimumId)
	if err != nil {
		return false, err
	}
	// A loss evaluation includes the prediction: an upper bound, charged first.
	ops := dom.EstimateOps(cfg, int(r.Rows))
	sdk.UnwrapSDKContext(ctx).GasMeter().ConsumeGas(ops*params.GasPerOp, "evaluation/challenge re-execution")
	if err := k.escrow(ctx, challenger, bond); err != nil {
		return false, err
	}
	want, _, err := optimatypes.Predict(m, optimum.Params, r.Inputs)
	if err != nil {
		return false, err
	}
	evAddr, err := k.addressCodec.StringToBytes(r.Evaluator)
	if err != nil {
		return false, err
	}
	ev, err := k.GetEvaluator(ctx, evAddr)
	if err != nil {
		return false, err
	}
	coin, err := k.coinOf(ctx)
	if err != nil {
		return false, err
	}
	// Amounts are zero coins when a correct result slashes nothing.
	zero := coin(sdkmath.ZeroInt())
	event := &types.EventChallengeResolved{
		RequestId: id, Challenger: challengerStr, Evaluator: r.Evaluator, Bond: coin(bond),
		Slashed: zero, Bounty: zero, Burned: zero,
	}
	if sameOutputs(want, r.Outputs) {
		// Correct: the bond pays the evaluator for the trouble; the request
		// settles as scheduled and cannot be challenged again.
		if err := k.pay(ctx, evAddr, bond); err != nil {
			return false, err
		}
		r.Verified = true
		if err := k.Requests.Set(ctx, id, r); err != nil {
			return false, err
		}
		return false, emit(ctx, event)
	}

	// Wrong: slash, bounty to the challenger, the rest burned, bond back,
	// client refunded in full, a failure in the evaluator's reputation.
	slash := params.SlashFractionWrong.MulInt(ev.Collateral).TruncateInt()
	bounty := params.BountyFraction.MulInt(slash).TruncateInt()
	burned := slash.Sub(bounty)
	ev.Collateral = ev.Collateral.Sub(slash)
	if err := k.pay(ctx, challenger, bond.Add(bounty)); err != nil {
		return false, err
	}
	if err := k.burn(ctx, burned); err != nil {
		return false, err
	}
	if err := k.recordOutcome(ctx, params, &ev, r.MaxFee, false); err != nil {
		return false, err
	}
	if err := k.Evaluators.Set(ctx, evAddr, ev); err != nil {
		return false, err
	}
	client, err := k.addressCodec.StringToBytes(r.Client)
	if err != nil {
		return false, err
	}
	if err := k.refund(ctx, &r, client, types.REQUEST_STATUS_SLASHED, "result proved wrong by a challenge"); err != nil {
		return false, err
	}
	event.Wrong, event.Slashed, event.Bounty, event.Burned = true, coin(slash), coin(bounty), coin(burned)
	return true, emit(ctx, event)
}

func sameOutputs(want, got []int64) bool { return slices.Equal(want, got) }
