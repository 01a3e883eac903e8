package keeper

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// EndBlocker closes the open round when its work reached the difficulty
// (one round per block: W resets, so one huge increment closes one round),
// otherwise applies the stall rule. It never halts the chain: a failed close
// is rolled back, logged and retried next block.
func (k *Keeper) EndBlocker(ctx sdk.Context) error {
	params, err := k.Params.Get(ctx)
	if err != nil {
		k.Logger(ctx).Error("no params", "err", err)
		return nil
	}
	minter, err := k.Minter.Get(ctx)
	if err != nil {
		k.Logger(ctx).Error("no minter", "err", err)
		return nil
	}
	if minter.Work.GTE(minter.Difficulty) {
		cacheCtx, write := ctx.CacheContext()
		if err := k.closeRound(cacheCtx, params, &minter); err != nil {
			k.Logger(ctx).Error("round close failed", "round", minter.Round, "err", err)
			return nil
		}
		if err := k.Minter.Set(cacheCtx, minter); err != nil {
			k.Logger(ctx).Error("minter write failed", "err", err)
			return nil
		}
		write()
		return nil
	}
	if applyStall(ctx, params, &minter) {
		if err := k.Minter.Set(ctx, minter); err != nil {
			k.Logger(ctx).Error("minter write failed", "err", err)
		}
	}
	return nil
}
