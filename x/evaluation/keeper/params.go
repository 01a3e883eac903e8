package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/don-network/don/x/evaluation/types"
)

// updateParams replaces the params, for the authority only and with valid
// params only.
func (k *Keeper) updateParams(ctx context.Context, authority string, p types.Params) error {
	if authority != k.authority {
		return errorsmod.Wrapf(types.ErrUnauthorized, "expected %s, got %s", k.authority, authority)
	}
	if err := p.Validate(); err != nil {
		return err
	}
	return k.Params.Set(ctx, p)
}
