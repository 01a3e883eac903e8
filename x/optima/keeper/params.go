package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

// UpdateParams replaces the params (gov authority) once they are valid and
// their coins are in the chain's denom.
func (k *Keeper) UpdateParams(ctx context.Context, params types.Params) error {
	if err := params.Validate(); err != nil {
		return err
	}
	if err := k.checkDenom(ctx, params.MinCommitBond, params.MinModelDeposit); err != nil {
		return err
	}
	return k.Params.Set(ctx, params)
}

// checkDenom refuses coins that are not in the chain's denom (x/mint's):
// a bond in another coin could never be burned or paid like the rest.
func (k *Keeper) checkDenom(ctx context.Context, coins ...sdk.Coin) error {
	denom, err := k.mint.Denom(ctx)
	if err != nil {
		return err
	}
	for _, c := range coins {
		if c.Denom != denom {
			return errorsmod.Wrapf(types.ErrInvalidParams, "%s is not in the chain's denom %s", c, denom)
		}
	}
	return nil
}
