package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

// verification is the outcome of re-running a reveal on fresh data.
type verification struct {
	result types.PairedResult
	gas    uint64
}

// verify charges the gas of the whole verification, then measures the
// candidate against the incumbent on eval_samples fresh units (paired).
func (k *Keeper) verify(ctx context.Context, params types.Params, model types.Model, candidate []int64, seed [32]byte) (verification, error) {
	ops, err := types.ModelOps(model)
	if err != nil {
		return verification{}, err
	}
	meter := sdk.UnwrapSDKContext(ctx).GasMeter()
	gasBefore := meter.GasConsumed()
	if err := chargeOps(ctx, params, ops, "optima/verify"); err != nil {
		return verification{}, err
	}
	best, err := k.BestOptimum(ctx, model)
	if err != nil {
		return verification{}, err
	}
	v, err := types.Verify(model, best.Params, candidate, seed, params)
	if err != nil {
		return verification{}, err
	}
	return verification{result: v.PairedResult, gas: meter.GasConsumed() - gasBefore}, nil
}
