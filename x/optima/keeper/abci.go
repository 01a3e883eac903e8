package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

// BeginBlocker records this block's beacon before any transaction runs.
func (k *Keeper) BeginBlocker(ctx context.Context) error {
	if err := k.UpdateBeacon(ctx); err != nil {
		// Never halt the chain on a beacon write: log, and let reveals that
		// need this height fail with ErrBeaconUnavailable.
		k.Logger(ctx).Error("beacon update failed", "height", sdk.UnwrapSDKContext(ctx).BlockHeight(), "err", err)
	}
	return nil
}

// EndBlocker expires commits whose reveal window has closed, at most
// max_expirations_per_block of them; the rest wait for the next block.
func (k *Keeper) EndBlocker(ctx context.Context) error {
	params, err := k.Params.Get(ctx)
	if err != nil {
		k.Logger(ctx).Error("no params", "err", err)
		return nil
	}
	due, err := k.dueCommits(ctx, sdk.UnwrapSDKContext(ctx).BlockHeight(), int(params.MaxExpirationsPerBlock))
	if err != nil {
		k.Logger(ctx).Error("expiry index read failed", "err", err)
		return nil
	}
	for _, key := range due {
		if err := k.expireCommit(ctx, key); err != nil {
			k.Logger(ctx).Error("commit expiry failed", "commit", key.K2(), "err", err)
		}
	}
	return nil
}

// dueCommits lists up to limit expiry-index keys whose last reveal height is ≤ h.
func (k *Keeper) dueCommits(ctx context.Context, h int64, limit int) ([]collections.Pair[int64, uint64], error) {
	rng := collections.NewPrefixUntilPairRange[int64, uint64](h)
	iter, err := k.CommitsByExpiry.Iterate(ctx, rng)
	if err != nil {
		return nil, err
	}
	defer iter.Close()
	var keys []collections.Pair[int64, uint64]
	for ; iter.Valid() && len(keys) < limit; iter.Next() {
		key, err := iter.Key()
		if err != nil {
			return nil, err
		}
		keys = append(keys, key)
	}
	return keys, nil
}

// expireCommit burns the bond of an unrevealed commit and removes it. The
// state change is done in a cached context so a failure leaves nothing half done.
func (k *Keeper) expireCommit(ctx context.Context, key collections.Pair[int64, uint64]) error {
	cacheCtx, write := sdk.UnwrapSDKContext(ctx).CacheContext()
	c, err := k.Commits.Get(cacheCtx, key.K2())
	if errors.Is(err, collections.ErrNotFound) {
		// A dangling index entry; drop it so it is not retried forever.
		return k.CommitsByExpiry.Remove(ctx, key)
	}
	if err != nil {
		return err
	}
	if c.Bond.IsPositive() {
		if err := k.bank.BurnCoins(cacheCtx, types.ModuleName, sdk.NewCoins(c.Bond)); err != nil {
			return err
		}
	}
	if err := k.removeCommit(cacheCtx, c); err != nil {
		return err
	}
	if err := cacheCtx.EventManager().EmitTypedEvent(&types.EventCommitExpired{
		CommitId:  c.Id,
		ModelId:   c.ModelId,
		Optimizer: c.Optimizer,
		Burned:    c.Bond,
	}); err != nil {
		return err
	}
	write() // also forwards the cached events
	return nil
}
