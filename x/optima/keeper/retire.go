package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

// RetireModel retires an active model on its creator's or the authority's
// word: x/weights stops weighing it and the deposit goes back to the creator.
func (k *Keeper) RetireModel(ctx context.Context, signer string, modelID uint64) error {
	model, err := k.GetModel(ctx, modelID)
	if err != nil {
		return err
	}
	// The creator or governance may retire, whatever the model's evaluation
	// requests: x/optima has no view of them, and x/evaluation lets claimed
	// requests finish on their pinned optimum and refunds unclaimed ones when
	// due. docs/optima.md ("Retirement") states the rule and what is enforced.
	if signer != k.authority && signer != model.Creator {
		return errorsmod.Wrapf(types.ErrUnauthorized, "only the creator or the authority may retire model %d", model.Id)
	}
	if model.Status != types.MODEL_STATUS_ACTIVE {
		return errorsmod.Wrapf(types.ErrModelNotActive, "model %d is %s", model.Id, model.Status)
	}
	model.Status = types.MODEL_STATUS_RETIRED
	if err := k.Models.Set(ctx, model.Id, model); err != nil {
		return err
	}
	if err := k.weights.OnModelRetired(ctx, model.Id); err != nil {
		return err
	}
	if model.Deposit.IsPositive() {
		creator, err := k.accAddress("creator", model.Creator)
		if err != nil {
			return err
		}
		if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, creator, sdk.NewCoins(model.Deposit)); err != nil {
			return err
		}
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventModelRetired{
		ModelId: model.Id,
		Signer:  signer,
	})
}
