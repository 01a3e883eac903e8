package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/don-network/don/x/mint/types"
)

// workEntries is the type of OptimizerWork and EvaluatorWork.
type workEntries = collections.Map[collections.Pair[uint64, sdk.AccAddress], sdkmath.LegacyDec]

// payPending works through the pending round payouts, oldest round first,
// paying at most max_payouts_per_block optimizers and evaluators in all,
// so the cost of an EndBlock does not grow with a round's participants.
// It visits at most that many payouts: each one pending has a payee left,
// except one whose completion failed, which is retried without a payee.
func (k *Keeper) payPending(ctx context.Context, p types.Params) {
	budget := p.MaxPayoutsPerBlock
	var rounds []uint64
	err := k.Payouts.Walk(ctx, nil, func(round uint64, _ types.RoundPayout) (bool, error) {
		if uint32(len(rounds)) == budget {
			return true, nil
		}
		rounds = append(rounds, round)
		return false, nil
	})
	if err != nil {
		k.Logger(ctx).Error("reading the pending payouts", "err", err)
		return
	}
	for _, round := range rounds {
		budget -= k.payRound(ctx, round, budget)
		if budget == 0 {
			return
		}
	}
}

// payRound pays up to budget payees of a round's payout, optimizers before
// evaluators, each in address order, and completes the payout once no
// payee is left. The batch runs in a cached context, so a failing batch
// changes nothing. When a payment fails the batch is redone with each
// payment in its own cached context: the failing one is logged and its
// payee stays pending while the others are paid (one context per payment
// always would cost a fifth more allocations in every batch). Failures
// are retried next block. It returns the number of payees it tried.
func (k *Keeper) payRound(ctx context.Context, round uint64, budget uint32) uint32 {
	batch, write := sdk.UnwrapSDKContext(ctx).CacheContext()
	used, done, err := k.payBatch(batch, round, budget, false)
	if errors.Is(err, errPaymentFailed) {
		batch, write = sdk.UnwrapSDKContext(ctx).CacheContext()
		used, done, err = k.payBatch(batch, round, budget, true)
	}
	if err != nil {
		k.Logger(ctx).Error("payout batch failed; retried next block", "round", round, "err", err)
		return used
	}
	write()
	if !done {
		return used
	}
	complete, write := sdk.UnwrapSDKContext(ctx).CacheContext()
	if err := k.completePayout(complete, round); err != nil {
		k.Logger(ctx).Error("payout completion failed; retried next block", "round", round, "err", err)
		return used
	}
	write()
	return used
}

// errPaymentFailed aborts a batch whose payments are not isolated.
var errPaymentFailed = errors.New("payment failed")

// payBatch pays up to budget payees of a round and books what they got in
// its payout and in paid_total. done says that no payee is left. With
// isolate, each payment runs in its own cached context and a failing one
// is skipped; without, a failing payment fails the batch with
// errPaymentFailed.
func (k *Keeper) payBatch(ctx context.Context, round uint64, budget uint32, isolate bool) (used uint32, done bool, err error) {
	payout, err := k.Payouts.Get(ctx, round)
	if err != nil {
		return 0, false, err
	}
	before := payout.Unpaid()
	usedOpt, leftOpt, err := k.payRole(ctx, &payout, types.RoleOptimizer, budget, isolate)
	if err != nil {
		return usedOpt, false, err
	}
	usedEval, leftEval, err := k.payRole(ctx, &payout, types.RoleEvaluator, budget-usedOpt, isolate)
	used = usedOpt + usedEval
	if err != nil {
		return used, false, err
	}
	if err := payout.Validate(); err != nil {
		return used, false, err
	}
	if err := k.Payouts.Set(ctx, round, payout); err != nil {
		return used, false, err
	}
	m, err := k.Minter.Get(ctx)
	if err != nil {
		return used, false, err
	}
	m.PaidTotal = m.PaidTotal.Add(before.Sub(payout.Unpaid()))
	return used, !leftOpt && !leftEval, k.Minter.Set(ctx, m)
}

// payRole pays up to limit payees of one role of a payout: each gets
// ⌊pool · w_i / W⌋ and its work entry is deleted. left says that payees
// of the role remain: beyond the limit, or whose payment failed.
func (k *Keeper) payRole(ctx context.Context, payout *types.RoundPayout, role string, limit uint32, isolate bool) (uint32, bool, error) {
	rp, entries, perWork := &payout.Optimizer, k.OptimizerWork, (*sdkmath.LegacyDec)(nil)
	if role == types.RoleEvaluator {
		rp, entries, perWork = &payout.Evaluator, k.EvaluatorWork, &payout.EvaluatorMintPerBurn
	}
	keys, work, left, err := firstEntries(ctx, entries, payout.Round, limit)
	if err != nil {
		return 0, false, err
	}
	pool := sdkmath.LegacyNewDecFromInt(rp.Pool)
	for i, key := range keys {
		amount := sdkmath.ZeroInt()
		if rp.Work.IsPositive() {
			amount = pool.MulTruncate(work[i]).QuoTruncate(rp.Work).TruncateInt()
		}
		if err := k.payOne(ctx, isolate, entries, payout.Denom, role, key, work[i], amount, perWork); err != nil {
			if !isolate {
				return uint32(i + 1), true, errorsmod.Wrap(errPaymentFailed, err.Error())
			}
			k.Logger(ctx).Error("payment failed; the payee stays pending", "round", payout.Round,
				"role", role, "payee", key.K2().String(), "err", err)
			left = true
			continue
		}
		rp.Paid = rp.Paid.Add(amount)
		rp.PaidWork = rp.PaidWork.Add(work[i])
		rp.Payees++
	}
	return uint32(len(keys)), left, nil
}

// firstEntries returns up to limit work entries of a round, in key order,
// and whether more remain.
func firstEntries(ctx context.Context, entries workEntries, round uint64, limit uint32) (
	keys []collections.Pair[uint64, sdk.AccAddress], work []sdkmath.LegacyDec, more bool, err error,
) {
	err = entries.Walk(ctx, collections.NewPrefixedPairRange[uint64, sdk.AccAddress](round),
		func(key collections.Pair[uint64, sdk.AccAddress], w sdkmath.LegacyDec) (bool, error) {
			if uint32(len(keys)) == limit {
				more = true
				return true, nil
			}
			keys = append(keys, key)
			work = append(work, w)
			return false, nil
		})
	return keys, work, more, err
}

// payOne pays one payee: it deletes the work entry, sends the amount and
// emits EventRewardPaid. With isolate it runs in its own cached context
// and changes nothing if it fails. With perWork set, an amount above
// perWork·w is refused.
func (k *Keeper) payOne(
	ctx context.Context, isolate bool, entries workEntries, denom, role string,
	key collections.Pair[uint64, sdk.AccAddress], w sdkmath.LegacyDec, amount sdkmath.Int, perWork *sdkmath.LegacyDec,
) error {
	if perWork != nil && amount.GT(perWork.MulTruncate(w).TruncateInt()) {
		return errorsmod.Wrapf(types.ErrPayoutAboveCap, "%s above %s × work %s", amount, perWork, w)
	}
	addr, err := k.addressCodec.BytesToString(key.K2())
	if err != nil {
		return err
	}
	c, write := sdk.UnwrapSDKContext(ctx), func() {}
	if isolate {
		c, write = c.CacheContext()
	}
	if err := entries.Remove(c, key); err != nil {
		return err
	}
	if amount.IsPositive() {
		if err := k.bank.SendCoinsFromModuleToAccount(c, types.ModuleName, key.K2(), sdk.NewCoins(sdk.NewCoin(denom, amount))); err != nil {
			return err
		}
	}
	if err := c.EventManager().EmitTypedEvent(&types.EventRewardPaid{
		Round: key.K1(), Address: addr, Role: role, Work: w.String(), Amount: sdk.Coin{Denom: denom, Amount: amount},
	}); err != nil {
		return err
	}
	write()
	return nil
}

// completePayout ends a payout with no payee left: the community pool gets
// its due and both pools' rounding remainders, the round record (if still
// in the history) its final amounts, and EventRoundPaid is emitted.
func (k *Keeper) completePayout(ctx context.Context, round uint64) error {
	payout, err := k.Payouts.Get(ctx, round)
	if err != nil {
		return err
	}
	community := payout.CommunityPayment()
	if community.IsPositive() {
		if err := k.distr.FundCommunityPool(ctx, sdk.NewCoins(sdk.NewCoin(payout.Denom, community)),
			authtypes.NewModuleAddress(types.ModuleName)); err != nil {
			return err
		}
	}
	m, err := k.Minter.Get(ctx)
	if err != nil {
		return err
	}
	m.PaidTotal = m.PaidTotal.Add(community)
	if err := k.Minter.Set(ctx, m); err != nil {
		return err
	}
	rec, err := k.Rounds.Get(ctx, round)
	switch {
	case err == nil:
		if err := k.Rounds.Set(ctx, round, payout.Paid(rec)); err != nil {
			return err
		}
	case !errors.Is(err, collections.ErrNotFound): // else pruned from the history while paying
		return err
	}
	if err := k.Payouts.Remove(ctx, round); err != nil {
		return err
	}
	coin := func(amount sdkmath.Int) sdk.Coin { return sdk.Coin{Denom: payout.Denom, Amount: amount} } // events never panic
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventRoundPaid{
		Round: round, Minted: coin(payout.Minted),
		OptimizerPool: coin(payout.Optimizer.Pool), OptimizerPaid: coin(payout.Optimizer.Paid),
		EvaluatorPool: coin(payout.Evaluator.Pool), EvaluatorPaid: coin(payout.Evaluator.Paid),
		ValidatorPaid: coin(payout.ValidatorPaid), CommunityPaid: coin(community),
		Optimizers: payout.Optimizer.Payees, Evaluators: payout.Evaluator.Payees,
		Work: payout.Optimizer.Work.String(), EvaluatorWork: payout.Evaluator.Work.String(),
	})
}
