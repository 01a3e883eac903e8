package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	"github.com/don-network/don/x/weights/types"
)

// ModelWeight returns w_m = ε/N + (1 − ε)·raw_m/Σraw (truncated) from the
// stored raw weights: 0 for a retired or unknown model, 1 when it is the
// only active model. It reads four store entries and never walks the models.
func (k *Keeper) ModelWeight(ctx context.Context, modelID uint64) (sdkmath.LegacyDec, error) {
	st, err := k.Models.Get(ctx, modelID)
	if errors.Is(err, collections.ErrNotFound) {
		return sdkmath.LegacyZeroDec(), nil
	}
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	if !st.Active {
		return sdkmath.LegacyZeroDec(), nil
	}
	n, sum, err := k.totals(ctx)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	if n == 1 {
		return sdkmath.LegacyOneDec(), nil
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	return types.Weight(params.Epsilon, n, st.Raw, sum), nil
}

// RoleShares returns the current role shares: the base shares with up to
// max_role_shift of the optimizer share moved to evaluators under backlog
// pressure. They always sum to exactly 1.
func (k *Keeper) RoleShares(ctx context.Context) (types.RoleShares, error) {
	shares, _, _, err := k.currentShares(ctx)
	return shares, err
}

func (k *Keeper) currentShares(ctx context.Context) (types.RoleShares, sdkmath.LegacyDec, types.BacklogState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return types.RoleShares{}, sdkmath.LegacyDec{}, types.BacklogState{}, err
	}
	b, err := k.getBacklog(ctx)
	if err != nil {
		return types.RoleShares{}, sdkmath.LegacyDec{}, types.BacklogState{}, err
	}
	shares, pressure := params.Shares(b.Lambda)
	return shares, pressure, b, nil
}

// ActiveStates returns the states of the active models in id order. It
// walks every active model: for queries, invariants and tests, never a block.
func (k *Keeper) ActiveStates(ctx context.Context) ([]types.ModelState, error) {
	var out []types.ModelState
	err := k.Active.Walk(ctx, nil, func(id uint64) (bool, error) {
		st, err := k.Models.Get(ctx, id)
		if err != nil {
			return true, err
		}
		out = append(out, st)
		return false, nil
	})
	return out, err
}

// PublishedWeights returns the published weight vector (ids ascending,
// summing to exactly 1, the rounding remainder in the smallest id's
// weight) and the remainder. It walks every active model.
func (k *Keeper) PublishedWeights(ctx context.Context) ([]types.PublishedWeight, sdkmath.LegacyDec, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, sdkmath.LegacyDec{}, err
	}
	states, err := k.ActiveStates(ctx)
	if err != nil {
		return nil, sdkmath.LegacyDec{}, err
	}
	_, sum, err := k.totals(ctx)
	if err != nil {
		return nil, sdkmath.LegacyDec{}, err
	}
	w, rem := types.PublishWeights(params.Epsilon, states, sum)
	return w, rem, nil
}
