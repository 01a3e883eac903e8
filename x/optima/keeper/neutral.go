package keeper

import (
	"context"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// The neutral rules stand in for x/weights and x/mint until those modules are
// wired (see the module README): every active model weighs 1/N, and work is
// only recorded in EventWorkRecorded, never paid.

type neutralWeights struct{ k *Keeper }

// ModelWeight is 1/N over the N active models.
func (w neutralWeights) ModelWeight(ctx context.Context, _ uint64) (sdkmath.LegacyDec, error) {
	n, err := w.k.ActiveModels.Get(ctx)
	if err != nil || n == 0 {
		return sdkmath.LegacyZeroDec(), err
	}
	return sdkmath.LegacyOneDec().QuoInt64(int64(n)), nil
}

// RecordReveal has no filter to feed without x/weights.
func (neutralWeights) RecordReveal(context.Context, uint64, bool) error { return nil }

// OnModelActivated needs nothing: the keeper counts active models itself.
func (neutralWeights) OnModelActivated(context.Context, uint64) error { return nil }

// OnModelRetired needs nothing: the keeper counts active models itself.
func (neutralWeights) OnModelRetired(context.Context, uint64) error { return nil }

type neutralMint struct{}

// AddOptimizerWork pays nothing: there is no x/mint to receive it.
func (neutralMint) AddOptimizerWork(context.Context, sdk.AccAddress, uint64, sdkmath.LegacyDec) error {
	return nil
}
