package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

// UpdateBeacon stores beacon(h) = SHA-256(beacon(h−1) ‖ header_hash(h)) and
// prunes the beacon that just left the retained window. The first beacon of
// a chain (or after a gap) chains from the empty value.
func (k *Keeper) UpdateBeacon(ctx context.Context) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	h := sdkCtx.BlockHeight()
	prev, err := k.Beacons.Get(ctx, h-1)
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return err
	}
	if err := k.Beacons.Set(ctx, h, types.NextBeacon(prev, sdkCtx.HeaderHash())); err != nil {
		return err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	// One removal per block keeps the window at beacon_retention once full.
	// After a retention decrease the older tail is removed a few per block.
	oldest := h - int64(params.BeaconRetention)
	rng := new(collections.Range[int64]).EndInclusive(oldest)
	iter, err := k.Beacons.Iterate(ctx, rng)
	if err != nil {
		return err
	}
	defer iter.Close()
	var stale []int64
	for ; iter.Valid() && len(stale) < 4; iter.Next() {
		key, err := iter.Key()
		if err != nil {
			return err
		}
		stale = append(stale, key)
	}
	for _, key := range stale {
		if err := k.Beacons.Remove(ctx, key); err != nil {
			return err
		}
	}
	return nil
}

// BeaconAt returns beacon(h) or ErrBeaconUnavailable.
func (k *Keeper) BeaconAt(ctx context.Context, h int64) ([]byte, error) {
	b, err := k.Beacons.Get(ctx, h)
	if errors.Is(err, collections.ErrNotFound) {
		return nil, errorsmod.Wrapf(types.ErrBeaconUnavailable, "no beacon at height %d", h)
	}
	return b, err
}
