package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

// AdmitModel makes an active open model admitted (a governance decision):
// x/weights then gives it the prior demand and the ε floor.
func (k *Keeper) AdmitModel(ctx context.Context, id uint64) error {
	model, err := k.GetModel(ctx, id)
	if err != nil {
		return err
	}
	if model.Status != types.MODEL_STATUS_ACTIVE {
		return errorsmod.Wrapf(types.ErrModelNotActive, "model %d is %s", id, model.Status)
	}
	if model.Admitted {
		return errorsmod.Wrapf(types.ErrModelAdmitted, "model %d", id)
	}
	model.Admitted = true
	if err := k.Models.Set(ctx, id, model); err != nil {
		return err
	}
	if err := k.weights.OnModelAdmitted(ctx, id); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventModelAdmitted{ModelId: id})
}
