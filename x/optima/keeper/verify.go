package keeper

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

// verification is the outcome of re-running a reveal on fresh data.
type verification struct {
	result types.PairedResult
	gas    uint64
}

// verify draws eval_samples units from seed and measures the candidate and
// the incumbent on the same units (paired), after charging the gas of the
// whole verification.
func (k *Keeper) verify(ctx sdk.Context, params types.Params, model types.Model, candidate []int64, seed [32]byte) (verification, error) {
	dom, cfg, err := types.ResolveDomain(model.Domain, model.Config)
	if err != nil {
		return verification{}, err
	}
	n := int(model.EvalSamples)
	ops, err := types.VerificationOps(dom, cfg, n)
	if err != nil {
		return verification{}, err
	}
	gasBefore := ctx.GasMeter().GasConsumed()
	if err := chargeOps(ctx, params, ops, "optima/verify"); err != nil {
		return verification{}, err
	}

	best, err := k.BestOptimum(ctx, model)
	if err != nil {
		return verification{}, err
	}
	samples, err := dom.Generate(cfg, seed, n)
	if err != nil {
		return verification{}, errorsmod.Wrap(types.ErrVerification, err.Error())
	}
	numParams := int(model.NumParams)
	newLoss, err := dom.Loss(cfg, types.ToFixed(candidate, numParams), samples)
	if err != nil {
		return verification{}, errorsmod.Wrap(types.ErrVerification, err.Error())
	}
	incLoss, err := dom.Loss(cfg, types.ToFixed(best.Params, numParams), samples)
	if err != nil {
		return verification{}, errorsmod.Wrap(types.ErrVerification, err.Error())
	}
	res, err := types.PairedTest(incLoss.PerUnit, newLoss.PerUnit, params.ZScore, model.MinImprovement)
	if err != nil {
		return verification{}, err
	}
	return verification{result: res, gas: ctx.GasMeter().GasConsumed() - gasBefore}, nil
}
