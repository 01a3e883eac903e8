package keeper

import (
	"context"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

// accept stores the new best optimum, returns the bond and credits the work.
func (k *Keeper) accept(ctx context.Context, c types.Commit, model types.Model, optimizer sdk.AccAddress,
	params []int64, seed [32]byte, v verification,
) (RevealResult, error) {
	weight, err := k.weights.ModelWeight(ctx, model.Id)
	if err != nil {
		return RevealResult{}, err
	}
	work := weight.Mul(v.result.Increment)
	optimum := types.Optimum{
		ModelId:       model.Id,
		Id:            model.OptimumCount,
		Optimizer:     c.Optimizer,
		Params:        params,
		Loss:          v.result.NewLoss,
		IncumbentLoss: v.result.IncumbentLoss,
		Lcb:           v.result.LCB,
		Increment:     v.result.Increment,
		Seed:          seed[:],
		Height:        sdk.UnwrapSDKContext(ctx).BlockHeight(),
		CommitId:      c.Id,
		Work:          work,
	}
	if err := k.Optima.Set(ctx, collections.Join(model.Id, optimum.Id), optimum); err != nil {
		return RevealResult{}, err
	}
	model.BestOptimumId = optimum.Id
	model.OptimumCount++
	model.AcceptedCount++
	if err := k.Models.Set(ctx, model.Id, model); err != nil {
		return RevealResult{}, err
	}
	if _, err := k.settleBond(ctx, c, optimizer, sdkmath.LegacyZeroDec()); err != nil {
		return RevealResult{}, err
	}
	if err := k.mint.AddOptimizerWork(ctx, optimizer, model.Id, work); err != nil {
		return RevealResult{}, err
	}
	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvents(
		&types.EventOptimumAccepted{
			CommitId:      c.Id,
			ModelId:       model.Id,
			OptimumId:     optimum.Id,
			Optimizer:     c.Optimizer,
			Loss:          optimum.Loss.String(),
			IncumbentLoss: optimum.IncumbentLoss.String(),
			Lcb:           optimum.Lcb.String(),
			Increment:     optimum.Increment.String(),
			Work:          work.String(),
			GasCharged:    v.gas,
		},
		&types.EventWorkRecorded{Optimizer: c.Optimizer, ModelId: model.Id, Work: work.String()},
	); err != nil {
		return RevealResult{}, err
	}
	return RevealResult{
		Accepted:      true,
		OptimumID:     optimum.Id,
		Loss:          optimum.Loss,
		IncumbentLoss: optimum.IncumbentLoss,
		Lcb:           optimum.Lcb,
		Increment:     optimum.Increment,
	}, nil
}

// reject records a valid but insufficient reveal and burns part of its bond.
func (k *Keeper) reject(ctx context.Context, c types.Commit, model types.Model, optimizer sdk.AccAddress,
	params types.Params, v verification,
) (RevealResult, error) {
	model.RejectedCount++
	if err := k.Models.Set(ctx, model.Id, model); err != nil {
		return RevealResult{}, err
	}
	burned, err := k.settleBond(ctx, c, optimizer, params.RejectBurnFraction)
	if err != nil {
		return RevealResult{}, err
	}
	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventOptimumRejected{
		CommitId:      c.Id,
		ModelId:       model.Id,
		Optimizer:     c.Optimizer,
		Loss:          v.result.NewLoss.String(),
		IncumbentLoss: v.result.IncumbentLoss.String(),
		Lcb:           v.result.LCB.String(),
		Reason:        v.result.Reason,
		Burned:        burned,
		Refunded:      c.Bond.Sub(burned),
	}); err != nil {
		return RevealResult{}, err
	}
	return RevealResult{
		Loss:          v.result.NewLoss,
		IncumbentLoss: v.result.IncumbentLoss,
		Lcb:           v.result.LCB,
		Increment:     sdkmath.LegacyZeroDec(),
		Reason:        v.result.Reason,
	}, nil
}

// refundRetired closes a commit on a model retired since the commit: no
// verification, the whole bond back, and a rejection event saying why.
func (k *Keeper) refundRetired(ctx context.Context, c types.Commit, optimizer sdk.AccAddress) (RevealResult, error) {
	burned, err := k.settleBond(ctx, c, optimizer, sdkmath.LegacyZeroDec())
	if err != nil {
		return RevealResult{}, err
	}
	zero := sdkmath.LegacyZeroDec()
	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventOptimumRejected{
		CommitId:      c.Id,
		ModelId:       c.ModelId,
		Optimizer:     c.Optimizer,
		Loss:          zero.String(),
		IncumbentLoss: zero.String(),
		Lcb:           zero.String(),
		Reason:        types.ReasonModelRetired,
		Burned:        burned,
		Refunded:      c.Bond,
	}); err != nil {
		return RevealResult{}, err
	}
	return RevealResult{Reason: types.ReasonModelRetired, Loss: zero, IncumbentLoss: zero, Lcb: zero, Increment: zero}, nil
}

// settleBond closes a commit: burnFraction of the bond (truncated) is burned,
// the rest goes back to the optimizer.
// It returns the burned coin.
func (k *Keeper) settleBond(ctx context.Context, c types.Commit, optimizer sdk.AccAddress, burnFraction sdkmath.LegacyDec) (sdk.Coin, error) {
	burned := sdk.NewCoin(c.Bond.Denom, burnFraction.MulInt(c.Bond.Amount).TruncateInt())
	if burned.IsPositive() {
		if err := k.bank.BurnCoins(ctx, types.ModuleName, sdk.NewCoins(burned)); err != nil {
			return burned, err
		}
	}
	if refund := c.Bond.Sub(burned); refund.IsPositive() {
		if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, optimizer, sdk.NewCoins(refund)); err != nil {
			return burned, err
		}
	}
	return burned, k.removeCommit(ctx, c)
}
