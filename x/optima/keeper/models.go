package keeper

import (
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

// GetModel returns a model or ErrModelNotFound.
func (k *Keeper) GetModel(ctx sdk.Context, id uint64) (types.Model, error) {
	m, err := k.Models.Get(ctx, id)
	if errors.Is(err, collections.ErrNotFound) {
		return m, errorsmod.Wrapf(types.ErrModelNotFound, "model %d", id)
	}
	return m, err
}

// GetOptimum returns an optimum of a model's history or ErrOptimumNotFound.
func (k *Keeper) GetOptimum(ctx sdk.Context, modelID, optimumID uint64) (types.Optimum, error) {
	o, err := k.Optima.Get(ctx, collections.Join(modelID, optimumID))
	if errors.Is(err, collections.ErrNotFound) {
		return o, errorsmod.Wrapf(types.ErrOptimumNotFound, "model %d optimum %d", modelID, optimumID)
	}
	return o, err
}

// BestOptimum returns the incumbent of a model.
func (k *Keeper) BestOptimum(ctx sdk.Context, m types.Model) (types.Optimum, error) {
	return k.GetOptimum(ctx, m.Id, m.BestOptimumId)
}

// createModel stores a model with optimum 0: its initial params measured on
// a sample drawn from seed. The caller has moved the deposit already. A
// model the gov authority creates (genesis models included) is admitted.
func (k *Keeper) createModel(ctx sdk.Context, creator string, spec types.ModelSpec, deposit sdk.Coin, entropy []byte) (types.Model, types.Optimum, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return types.Model{}, types.Optimum{}, err
	}
	resolved, err := spec.Resolve(params)
	if err != nil {
		return types.Model{}, types.Optimum{}, err
	}
	// Measuring optimum 0 is one generation and one loss.
	n := int(spec.EvalSamples)
	regOps := resolved.Domain.GenerateOps(resolved.Config, n) + resolved.Domain.EstimateOps(resolved.Config, n)
	if err := chargeOps(ctx, params, regOps, "optima/register"); err != nil {
		return types.Model{}, types.Optimum{}, err
	}

	id, err := k.ModelSeq.Next(ctx)
	if err != nil {
		return types.Model{}, types.Optimum{}, err
	}
	seed := types.RegistrationSeed(types.RegisterSeedDomain, id, entropy)
	initial := types.ToFixed(spec.InitialParams, resolved.NumParams)
	samples, err := resolved.Domain.Generate(resolved.Config, seed, n)
	if err != nil {
		return types.Model{}, types.Optimum{}, errorsmod.Wrap(types.ErrVerification, err.Error())
	}
	loss, err := resolved.Domain.Loss(resolved.Config, initial, samples)
	if err != nil {
		return types.Model{}, types.Optimum{}, errorsmod.Wrap(types.ErrVerification, err.Error())
	}

	model := types.Model{
		Id:             id,
		Creator:        creator,
		Name:           spec.Name,
		Domain:         spec.Domain,
		Config:         spec.Config,
		EvalSamples:    spec.EvalSamples,
		MinImprovement: spec.MinImprovement,
		SeedBlocks:     spec.SeedBlocks,
		RevealWindow:   spec.RevealWindow,
		CommitBond:     spec.CommitBond,
		Deposit:        deposit,
		Status:         types.MODEL_STATUS_ACTIVE,
		BestOptimumId:  0,
		OptimumCount:   1,
		CreatedHeight:  ctx.BlockHeight(),
		NumParams:      uint32(resolved.NumParams),
		Admitted:       creator == k.authority,
	}
	optimum := types.Optimum{
		ModelId:       id,
		Id:            0,
		Optimizer:     creator,
		Params:        types.ParamsFromFixed(initial),
		Loss:          types.FixedToDec(loss.Mean),
		IncumbentLoss: sdkmath.LegacyZeroDec(),
		Lcb:           sdkmath.LegacyZeroDec(),
		Increment:     sdkmath.LegacyZeroDec(),
		Work:          sdkmath.LegacyZeroDec(),
		Seed:          seed[:],
		Height:        ctx.BlockHeight(),
	}
	if err := k.Models.Set(ctx, id, model); err != nil {
		return types.Model{}, types.Optimum{}, err
	}
	if err := k.Optima.Set(ctx, collections.Join(id, uint64(0)), optimum); err != nil {
		return types.Model{}, types.Optimum{}, err
	}
	if err := k.weights.OnModelActivated(ctx, id, model.Admitted); err != nil {
		return types.Model{}, types.Optimum{}, err
	}
	return model, optimum, ctx.EventManager().EmitTypedEvent(&types.EventModelRegistered{
		ModelId:     id,
		Creator:     creator,
		Name:        spec.Name,
		Domain:      spec.Domain,
		InitialLoss: optimum.Loss.String(),
		Admitted:    model.Admitted,
	})
}

// AdmitModel makes an active open model admitted (a governance decision):
// x/weights then gives it the prior demand and the ε floor.
func (k *Keeper) AdmitModel(ctx sdk.Context, id uint64) error {
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
	return ctx.EventManager().EmitTypedEvent(&types.EventModelAdmitted{ModelId: id})
}

// chargeOps consumes gas_per_op gas per estimated operation, before the work
// runs, so an out-of-gas transaction never reaches the expensive part.
func chargeOps(ctx sdk.Context, params types.Params, ops uint64, descriptor string) error {
	if ops != 0 && params.GasPerOp > ^uint64(0)/ops {
		return errorsmod.Wrap(types.ErrTooExpensive, "gas overflows")
	}
	ctx.GasMeter().ConsumeGas(ops*params.GasPerOp, descriptor)
	return nil
}

// RecordUsage counts one settled evaluation that used an optimum
// (x/evaluation calls it at settlement).
func (k *Keeper) RecordUsage(ctx sdk.Context, modelID, optimumID uint64) error {
	o, err := k.GetOptimum(ctx, modelID, optimumID)
	if err != nil {
		return err
	}
	o.UsageCount++
	return k.Optima.Set(ctx, collections.Join(modelID, optimumID), o)
}
