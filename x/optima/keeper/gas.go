package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

// chargeOps consumes gas_per_op gas per estimated operation, before the work
// runs, so an out-of-gas transaction never reaches the expensive part.
func chargeOps(ctx context.Context, params types.Params, ops uint64, descriptor string) error {
	if ops != 0 && params.GasPerOp > ^uint64(0)/ops {
		return errorsmod.Wrap(types.ErrTooExpensive, "gas overflows")
	}
	sdk.UnwrapSDKContext(ctx).GasMeter().ConsumeGas(ops*params.GasPerOp, descriptor)
	return nil
}
