package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	"github.com/don-network/don/x/optima/types"
)

// GetModel returns a model or ErrModelNotFound.
func (k *Keeper) GetModel(ctx context.Context, id uint64) (types.Model, error) {
	m, err := k.Models.Get(ctx, id)
	if errors.Is(err, collections.ErrNotFound) {
		return m, errorsmod.Wrapf(types.ErrModelNotFound, "model %d", id)
	}
	return m, err
}

// GetOptimum returns an optimum of a model's history or ErrOptimumNotFound.
func (k *Keeper) GetOptimum(ctx context.Context, modelID, optimumID uint64) (types.Optimum, error) {
	o, err := k.Optima.Get(ctx, collections.Join(modelID, optimumID))
	if errors.Is(err, collections.ErrNotFound) {
		return o, errorsmod.Wrapf(types.ErrOptimumNotFound, "model %d optimum %d", modelID, optimumID)
	}
	return o, err
}

// BestOptimum returns the incumbent of a model.
func (k *Keeper) BestOptimum(ctx context.Context, m types.Model) (types.Optimum, error) {
	return k.GetOptimum(ctx, m.Id, m.BestOptimumId)
}

// RecordUsage counts one settled evaluation that used an optimum
// (x/evaluation calls it at settlement).
func (k *Keeper) RecordUsage(ctx context.Context, modelID, optimumID uint64) error {
	o, err := k.GetOptimum(ctx, modelID, optimumID)
	if err != nil {
		return err
	}
	o.UsageCount++
	return k.Optima.Set(ctx, collections.Join(modelID, optimumID), o)
}
