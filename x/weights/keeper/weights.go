package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	"github.com/don-network/don/x/weights/types"
)

// ModelWeight returns w_m = ε·a_m/N_a + (1 − ε)·raw_m/Σraw (truncated, see
// types.Weight) from the stored raw weights: 0 for a retired or unknown
// model and for an open model without paid demand. It reads five store
// entries and never walks the models.
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
	t, err := k.totals(ctx)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	return types.Weight(params.Epsilon, t, st), nil
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
// summing to exactly 1 or all 0, the rounding remainder in the weight of
// the smallest id that weighs) and the remainder. It walks every active
// model.
func (k *Keeper) PublishedWeights(ctx context.Context) ([]types.PublishedWeight, sdkmath.LegacyDec, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, sdkmath.LegacyDec{}, err
	}
	states, err := k.ActiveStates(ctx)
	if err != nil {
		return nil, sdkmath.LegacyDec{}, err
	}
	t, err := k.totals(ctx)
	if err != nil {
		return nil, sdkmath.LegacyDec{}, err
	}
	w, rem := types.PublishWeights(params.Epsilon, states, t)
	return w, rem, nil
}

// ModelActivity reports whether a model is active in x/weights and whether
// it is admitted (false, false for an unknown model).
func (k *Keeper) ModelActivity(ctx context.Context, modelID uint64) (active, admitted bool, err error) {
	st, err := k.Models.Get(ctx, modelID)
	if errors.Is(err, collections.ErrNotFound) {
		return false, false, nil
	}
	if err != nil {
		return false, false, err
	}
	return st.Active, st.Active && st.Admitted, nil
}

// ActiveTotals returns N and N_a: the active and the active admitted models.
func (k *Keeper) ActiveTotals(ctx context.Context) (active, admitted uint64, err error) {
	t, err := k.totals(ctx)
	return t.N, t.Admitted, err
}
