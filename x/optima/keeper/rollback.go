package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

// RollbackOptimum makes another optimum of a model's history its best again
// (governance, after a harmful optimum was accepted). History is not
// rewritten: new optima keep taking the next id (docs/optima.md, "Rollback").
func (k *Keeper) RollbackOptimum(ctx context.Context, modelID, optimumID uint64) error {
	model, err := k.GetModel(ctx, modelID)
	if err != nil {
		return err
	}
	if _, err := k.GetOptimum(ctx, model.Id, optimumID); err != nil {
		return err
	}
	if optimumID == model.BestOptimumId {
		return errorsmod.Wrapf(types.ErrInvalidModel, "optimum %d is already the best of model %d", optimumID, model.Id)
	}
	from := model.BestOptimumId
	model.BestOptimumId = optimumID
	if err := k.Models.Set(ctx, model.Id, model); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventOptimumRolledBack{
		ModelId:       model.Id,
		FromOptimumId: from,
		ToOptimumId:   optimumID,
	})
}
