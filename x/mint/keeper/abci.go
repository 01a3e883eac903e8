package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// EndBlocker closes the open round when its work reached the difficulty
// (one round per block: W resets, so one huge increment closes one round),
// otherwise applies the stall rule; then it pays the pending round payouts,
// at most max_payouts_per_block payees, starting with the round it may have
// just closed when no older one is pending. It never halts the chain: a
// failed close is rolled back, logged and retried next block.
func (k *Keeper) EndBlocker(goCtx context.Context) error {
	ctx := sdk.UnwrapSDKContext(goCtx)
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
	switch {
	case minter.Work.GTE(minter.Difficulty):
		cacheCtx, write := ctx.CacheContext()
		if err := k.closeRound(cacheCtx, params, &minter); err != nil {
			k.Logger(ctx).Error("round close failed", "round", minter.Round, "err", err)
			break
		}
		if err := k.Minter.Set(cacheCtx, minter); err != nil {
			k.Logger(ctx).Error("minter write failed", "err", err)
			break
		}
		write()
	case applyStall(ctx, params, &minter):
		if err := k.Minter.Set(ctx, minter); err != nil {
			k.Logger(ctx).Error("minter write failed", "err", err)
		}
	}
	k.payPending(ctx, params)
	return nil
}
