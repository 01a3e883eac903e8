package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

// requireSpendable fails with ErrInsufficientFunds before any coin moves.
func (k *Keeper) requireSpendable(ctx context.Context, addr sdk.AccAddress, amt sdk.Coin) error {
	if have := k.bank.SpendableCoin(ctx, addr, amt.Denom); have.IsLT(amt) {
		return errorsmod.Wrapf(types.ErrInsufficientFunds, "need %s, spendable %s", amt, have)
	}
	return nil
}
