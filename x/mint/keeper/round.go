package keeper

import (
	"context"
	"time"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

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
// evaluator share that the evaluator cap holds back, pays the validator
// share to the fee collector and leaves the rest to the round's payout
// (payout.go): the optimizer pool and the capped evaluator pool, pro rata
// of work, then the community share plus an optimizer pool without work
// and every rounding remainder to the community pool. Paying thousands of
// participants here would be unbounded work in one EndBlock. Then it
// retargets when due and opens the next round. The caller runs it in a
// cached context.
func (k *Keeper) closeRound(ctx context.Context, p types.Params, m *types.Minter) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
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
		Round: m.Round, StartHeight: m.RoundStartHeight, CloseHeight: sdkCtx.BlockHeight(),
		StartTime: m.RoundStartTime, CloseTime: sdkCtx.BlockTime(),
		Difficulty: m.Difficulty, Work: m.Work, Coinbase: coinbase,
		EvaluatorWork: m.EvaluatorWork, EvaluatorMintPerBurn: p.EvaluatorMintPerBurn,
		EvaluatorHeldBack: heldBack, Minted: coinbase.Sub(heldBack),
		OptimizerPaid: sdkmath.ZeroInt(), EvaluatorPaid: sdkmath.ZeroInt(),
		ValidatorPaid: pool(shares.Validator), CommunityPaid: sdkmath.ZeroInt(),
		Paying: true,
	}
	payout := types.RoundPayout{
		Round: m.Round, Denom: p.MintDenom, Minted: rec.Minted, ValidatorPaid: rec.ValidatorPaid,
		Optimizer: newRolePayout(pool(shares.Optimizer), m.Work),
		Evaluator: newRolePayout(evaluatorPool, m.EvaluatorWork),
		// Each evaluator gets evaluatorPool·w_i/W_e ≤ evaluator_mint_per_burn·w_i;
		// the payout checks that bound per payee.
		EvaluatorMintPerBurn: p.EvaluatorMintPerBurn,
	}
	payout.Community = rec.Minted.Sub(rec.ValidatorPaid).Sub(payout.Optimizer.Pool).Sub(payout.Evaluator.Pool)
	if err := payout.Validate(); err != nil {
		return err
	}
	if rec.Minted.IsPositive() {
		if err := k.bank.MintCoins(ctx, types.ModuleName, sdk.NewCoins(sdk.NewCoin(p.MintDenom, rec.Minted))); err != nil {
			return err
		}
	}
	if rec.ValidatorPaid.IsPositive() {
		if err := k.bank.SendCoinsFromModuleToModule(ctx, types.ModuleName, k.feeCollector,
			sdk.NewCoins(sdk.NewCoin(p.MintDenom, rec.ValidatorPaid))); err != nil {
			return err
		}
	}
	if err := k.Payouts.Set(ctx, payout.Round, payout); err != nil {
		return err
	}
	m.MintedTotal = m.MintedTotal.Add(rec.Minted)
	m.PaidTotal = m.PaidTotal.Add(rec.ValidatorPaid)

	if err := k.recordRound(ctx, p, rec); err != nil {
		return err
	}
	coin := func(amount sdkmath.Int) sdk.Coin { return sdk.Coin{Denom: p.MintDenom, Amount: amount} } // events never panic
	if err := sdkCtx.EventManager().EmitTypedEvent(&types.EventRoundClosed{
		Round: rec.Round, Difficulty: rec.Difficulty.String(), Work: rec.Work.String(), Coinbase: coin(coinbase),
		OptimizerPaid: coin(rec.OptimizerPaid), EvaluatorPaid: coin(rec.EvaluatorPaid),
		ValidatorPaid: coin(rec.ValidatorPaid), CommunityPaid: coin(rec.CommunityPaid),
		DurationSeconds: seconds(rec.CloseTime.Sub(rec.StartTime)),
		EvaluatorWork:   rec.EvaluatorWork.String(), EvaluatorHeldBack: coin(heldBack), Minted: coin(rec.Minted),
		OptimizerPool: coin(payout.Optimizer.Pool), EvaluatorPool: coin(payout.Evaluator.Pool),
		CommunityDue: coin(payout.Community),
	}); err != nil {
		return err
	}
	if err := k.maybeRetarget(ctx, p, m); err != nil {
		return err
	}
	openRound(sdkCtx, m)
	return nil
}

func newRolePayout(pool sdkmath.Int, work sdkmath.LegacyDec) types.RolePayout {
	return types.RolePayout{Pool: pool, Work: work, Paid: sdkmath.ZeroInt(), PaidWork: sdkmath.LegacyZeroDec()}
}

// recordRound stores a closed round and prunes the oldest beyond the history.
func (k *Keeper) recordRound(ctx context.Context, p types.Params, rec types.RoundRecord) error {
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
func (k *Keeper) maybeRetarget(goCtx context.Context, p types.Params, m *types.Minter) error {
	ctx := sdk.UnwrapSDKContext(goCtx)
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
