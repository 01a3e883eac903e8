package keeper

import (
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/don-network/don/x/mint/types"
)

// Coinbase is (max_supply − minted_total) · emission_rate, truncated.
func Coinbase(p types.Params, minted sdkmath.Int) sdkmath.Int {
	remaining := p.MaxSupply.Sub(minted)
	if !remaining.IsPositive() {
		return sdkmath.ZeroInt()
	}
	return p.EmissionRate.MulInt(remaining).TruncateInt()
}

// openRound starts the round after minter.Round at the block's time.
func openRound(ctx sdk.Context, m *types.Minter) {
	m.Round++
	m.Work = sdkmath.LegacyZeroDec()
	m.EvaluatorWork = sdkmath.LegacyZeroDec()
	m.RoundStartHeight = ctx.BlockHeight()
	m.RoundStartTime = ctx.BlockTime()
}

// closeRound mints the coinbase of the open round, less the part of the
// evaluator share that the evaluator cap holds back, and pays it out: the
// optimizer pool and the capped evaluator pool pro rata of work, the
// validator share to the fee collector, and the community share plus an
// optimizer pool without work and every rounding remainder to the
// community pool. Then it retargets when due and opens the next round. The
// caller runs it in a cached context.
func (k *Keeper) closeRound(ctx sdk.Context, p types.Params, m *types.Minter) error {
	shares, err := k.weights.RoleShares(ctx)
	if err != nil {
		return err
	}
	if err := shares.Validate(); err != nil {
		return types.ErrInvalidShares.Wrap(err.Error())
	}
	coinbase := Coinbase(p, m.MintedTotal)
	pool := func(share sdkmath.LegacyDec) sdkmath.Int { return share.MulInt(coinbase).TruncateInt() }
	evaluatorPool, heldBack := types.EvaluatorPool(pool(shares.Evaluator), p.EvaluatorMintPerBurn, m.EvaluatorWork)
	rec := types.RoundRecord{
		Round: m.Round, StartHeight: m.RoundStartHeight, CloseHeight: ctx.BlockHeight(),
		StartTime: m.RoundStartTime, CloseTime: ctx.BlockTime(),
		Difficulty: m.Difficulty, Work: m.Work, Coinbase: coinbase,
		EvaluatorWork: m.EvaluatorWork, EvaluatorMintPerBurn: p.EvaluatorMintPerBurn,
		EvaluatorHeldBack: heldBack, Minted: coinbase.Sub(heldBack),
		OptimizerPaid: sdkmath.ZeroInt(), EvaluatorPaid: sdkmath.ZeroInt(),
		ValidatorPaid: sdkmath.ZeroInt(), CommunityPaid: sdkmath.ZeroInt(),
	}
	if rec.Minted.IsPositive() {
		if err := k.bank.MintCoins(ctx, types.ModuleName, sdk.NewCoins(sdk.NewCoin(p.MintDenom, rec.Minted))); err != nil {
			return err
		}
	}

	if rec.OptimizerPaid, rec.Optimizers, err = k.payProRata(ctx, p.MintDenom, m.Round, k.OptimizerWork, m.Work,
		pool(shares.Optimizer), types.RoleOptimizer, nil); err != nil {
		return err
	}
	// Each evaluator gets evaluatorPool·w_i/W_e ≤ evaluator_mint_per_burn·w_i;
	// payProRata checks that bound per payee.
	if rec.EvaluatorPaid, rec.Evaluators, err = k.payProRata(ctx, p.MintDenom, m.Round, k.EvaluatorWork, m.EvaluatorWork,
		evaluatorPool, types.RoleEvaluator, &p.EvaluatorMintPerBurn); err != nil {
		return err
	}
	if rec.ValidatorPaid = pool(shares.Validator); rec.ValidatorPaid.IsPositive() {
		if err := k.bank.SendCoinsFromModuleToModule(ctx, types.ModuleName, k.feeCollector,
			sdk.NewCoins(sdk.NewCoin(p.MintDenom, rec.ValidatorPaid))); err != nil {
			return err
		}
	}
	rec.CommunityPaid = rec.Minted.Sub(rec.OptimizerPaid).Sub(rec.EvaluatorPaid).Sub(rec.ValidatorPaid)
	if rec.CommunityPaid.IsPositive() {
		if err := k.distr.FundCommunityPool(ctx, sdk.NewCoins(sdk.NewCoin(p.MintDenom, rec.CommunityPaid)),
			authtypes.NewModuleAddress(types.ModuleName)); err != nil {
			return err
		}
	}
	m.MintedTotal = m.MintedTotal.Add(rec.Minted)
	m.PaidTotal = m.PaidTotal.Add(rec.OptimizerPaid).Add(rec.EvaluatorPaid).Add(rec.ValidatorPaid).Add(rec.CommunityPaid)

	if err := k.recordRound(ctx, p, rec); err != nil {
		return err
	}
	if err := ctx.EventManager().EmitTypedEvent(&types.EventRoundClosed{
		Round: rec.Round, Difficulty: rec.Difficulty.String(), Work: rec.Work.String(), Coinbase: coinbase.String(),
		OptimizerPaid: rec.OptimizerPaid.String(), EvaluatorPaid: rec.EvaluatorPaid.String(),
		ValidatorPaid: rec.ValidatorPaid.String(), CommunityPaid: rec.CommunityPaid.String(),
		DurationSeconds: seconds(rec.CloseTime.Sub(rec.StartTime)), Optimizers: rec.Optimizers, Evaluators: rec.Evaluators,
		EvaluatorWork: rec.EvaluatorWork.String(), EvaluatorHeldBack: heldBack.String(), Minted: rec.Minted.String(),
	}); err != nil {
		return err
	}
	if err := k.maybeRetarget(ctx, p, m); err != nil {
		return err
	}
	openRound(ctx, m)
	return nil
}

// payProRata pays pool·w_i/W (truncated) to every entry of the round, in
// key order, deletes the entries and returns what it paid and to how many.
// With no work the whole pool stays for the community pool. With perWork
// set, a payment above perWork·w_i is an error (the close then fails whole).
func (k *Keeper) payProRata(
	ctx sdk.Context, denom string, round uint64,
	entries collections.Map[collections.Pair[uint64, sdk.AccAddress], sdkmath.LegacyDec],
	total sdkmath.LegacyDec, pool sdkmath.Int, role string, perWork *sdkmath.LegacyDec,
) (sdkmath.Int, uint32, error) {
	paid := sdkmath.ZeroInt()
	var keys []collections.Pair[uint64, sdk.AccAddress]
	var work []sdkmath.LegacyDec
	err := entries.Walk(ctx, collections.NewPrefixedPairRange[uint64, sdk.AccAddress](round),
		func(key collections.Pair[uint64, sdk.AccAddress], w sdkmath.LegacyDec) (bool, error) {
			keys = append(keys, key)
			work = append(work, w)
			return false, nil
		})
	if err != nil {
		return paid, 0, err
	}
	poolDec := sdkmath.LegacyNewDecFromInt(pool)
	for i, key := range keys {
		if err := entries.Remove(ctx, key); err != nil {
			return paid, 0, err
		}
		if !total.IsPositive() {
			continue
		}
		amount := poolDec.MulTruncate(work[i]).QuoTruncate(total).TruncateInt()
		if perWork != nil && amount.GT(perWork.MulTruncate(work[i]).TruncateInt()) {
			return paid, 0, errorsmod.Wrapf(types.ErrPayoutAboveCap, "%s %s: %s above %s × work %s", role, key.K2(), amount, perWork, work[i])
		}
		if amount.IsPositive() {
			if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, key.K2(),
				sdk.NewCoins(sdk.NewCoin(denom, amount))); err != nil {
				return paid, 0, err
			}
		}
		paid = paid.Add(amount)
		addr, err := k.addressCodec.BytesToString(key.K2())
		if err != nil {
			return paid, 0, err
		}
		if err := ctx.EventManager().EmitTypedEvent(&types.EventRewardPaid{
			Round: round, Address: addr, Role: role, Work: work[i].String(), Amount: amount.String(),
		}); err != nil {
			return paid, 0, err
		}
	}
	return paid, uint32(len(keys)), nil
}

// recordRound stores a closed round and prunes the oldest beyond the history.
func (k *Keeper) recordRound(ctx sdk.Context, p types.Params, rec types.RoundRecord) error {
	if err := k.Rounds.Set(ctx, rec.Round, rec); err != nil {
		return err
	}
	if rec.Round > uint64(p.MaxRoundHistory) {
		// One close adds one record, so removing the one that fell out keeps
		// the history bounded; a lowered limit is caught up one per close.
		oldest := rec.Round - uint64(p.MaxRoundHistory)
		iter, err := k.Rounds.Iterate(ctx, new(collections.Range[uint64]).EndInclusive(oldest))
		if err != nil {
			return err
		}
		defer iter.Close()
		var stale []uint64
		for ; iter.Valid() && len(stale) < 2; iter.Next() {
			r, err := iter.Key()
			if err != nil {
				return err
			}
			stale = append(stale, r)
		}
		for _, r := range stale {
			if err := k.Rounds.Remove(ctx, r); err != nil {
				return err
			}
		}
	}
	return nil
}

// maybeRetarget runs every retarget_interval closed rounds:
// D ← D · (target · interval) / actual, the factor clamped to [1/4, 4],
// D ≥ min_difficulty, with actual measured in block-header time.
func (k *Keeper) maybeRetarget(ctx sdk.Context, p types.Params, m *types.Minter) error {
	m.RoundsInWindow++
	if m.RoundsInWindow < p.RetargetInterval {
		return nil
	}
	actual := seconds(ctx.BlockTime().Sub(m.WindowStartTime))
	if actual < 1 {
		actual = 1
	}
	target := int64(p.TargetRoundSeconds) * int64(p.RetargetInterval)
	factor := sdkmath.LegacyNewDec(target).QuoInt64(actual)
	factor = sdkmath.LegacyMaxDec(sdkmath.LegacyNewDecWithPrec(25, 2), sdkmath.LegacyMinDec(factor, sdkmath.LegacyNewDec(4)))
	old := m.Difficulty
	m.Difficulty = sdkmath.LegacyMaxDec(p.MinDifficulty, old.Mul(factor))
	m.RoundsInWindow = 0
	m.WindowStartTime = ctx.BlockTime()
	return ctx.EventManager().EmitTypedEvent(&types.EventRetarget{
		Round: m.Round, OldDifficulty: old.String(), NewDifficulty: m.Difficulty.String(),
		ActualSeconds: actual, TargetSeconds: target, Factor: factor.String(),
	})
}

// applyStall lowers D by stall_decay while the open round is older than
// stall_factor × target, down to min_difficulty.
func applyStall(ctx sdk.Context, p types.Params, m *types.Minter) bool {
	age := sdkmath.LegacyNewDec(seconds(ctx.BlockTime().Sub(m.RoundStartTime)))
	limit := p.StallFactor.MulInt64(int64(p.TargetRoundSeconds))
	if age.LTE(limit) || m.Difficulty.LTE(p.MinDifficulty) {
		return false
	}
	m.Difficulty = sdkmath.LegacyMaxDec(p.MinDifficulty, m.Difficulty.Mul(sdkmath.LegacyOneDec().Sub(p.StallDecay)))
	return true
}

// seconds truncates a duration to whole seconds.
func seconds(d time.Duration) int64 { return int64(d / time.Second) }
