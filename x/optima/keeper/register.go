package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

// RegisterModel registers a creator's model against a deposit of at least
// min_model_deposit, measuring optimum 0 on a sample drawn from this
// block's beacon. Every check runs before the deposit moves.
func (k *Keeper) RegisterModel(ctx context.Context, creator sdk.AccAddress, creatorStr string, spec types.ModelSpec, deposit sdk.Coin) (types.Model, types.Optimum, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return types.Model{}, types.Optimum{}, err
	}
	if err := deposit.Validate(); err != nil {
		return types.Model{}, types.Optimum{}, errorsmod.Wrapf(types.ErrInvalidModel, "deposit: %s", err)
	}
	if deposit.Denom != params.MinModelDeposit.Denom || deposit.Amount.LT(params.MinModelDeposit.Amount) {
		return types.Model{}, types.Optimum{}, errorsmod.Wrapf(types.ErrInvalidModel, "deposit must be at least %s", params.MinModelDeposit)
	}
	if err := k.requireSpendable(ctx, creator, deposit); err != nil {
		return types.Model{}, types.Optimum{}, err
	}
	beacon, err := k.BeaconAt(ctx, sdk.UnwrapSDKContext(ctx).BlockHeight())
	if err != nil {
		return types.Model{}, types.Optimum{}, err
	}
	model, optimum, err := k.createModel(ctx, creatorStr, spec, deposit, beacon)
	if err != nil {
		return types.Model{}, types.Optimum{}, err
	}
	if err := k.bank.SendCoinsFromAccountToModule(ctx, creator, types.ModuleName, sdk.NewCoins(deposit)); err != nil {
		return types.Model{}, types.Optimum{}, err
	}
	return model, optimum, nil
}

// createModel stores a model with optimum 0: its initial params measured on
// a sample drawn from seed. The caller has moved the deposit already. A
// model the gov authority creates (genesis models included) is admitted.
func (k *Keeper) createModel(ctx context.Context, creator string, spec types.ModelSpec, deposit sdk.Coin, entropy []byte) (types.Model, types.Optimum, error) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
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
		CreatedHeight:  sdkCtx.BlockHeight(),
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
		Height:        sdkCtx.BlockHeight(),
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
	return model, optimum, sdkCtx.EventManager().EmitTypedEvent(&types.EventModelRegistered{
		ModelId:     id,
		Creator:     creator,
		Name:        spec.Name,
		Domain:      spec.Domain,
		InitialLoss: optimum.Loss.String(),
		Admitted:    model.Admitted,
	})
}
