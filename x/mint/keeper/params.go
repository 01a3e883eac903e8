package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/don-network/don/x/mint/types"
)

// UpdateParams replaces the params when the authority signs valid ones;
// otherwise nothing changes.
func (k *Keeper) UpdateParams(ctx context.Context, authority string, p types.Params) error {
	if authority != k.authority {
		return errorsmod.Wrapf(types.ErrUnauthorized, "expected %s, got %s", k.authority, authority)
	}
	if err := p.Validate(); err != nil {
		return err
	}
	return k.Params.Set(ctx, p)
}
