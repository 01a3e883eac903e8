package keeper

import (
	"context"
	"crypto/sha256"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

func (s msgServer) CommitOptimum(goCtx context.Context, msg *types.MsgCommitOptimum) (*types.MsgCommitOptimumResponse, error) {
	ctx := sdk.UnwrapSDKContext(goCtx)
	k := s.k
	optimizer, err := k.accAddress("optimizer", msg.Optimizer)
	if err != nil {
		return nil, err
	}
	if len(msg.Commitment) != sha256.Size {
		return nil, errorsmod.Wrapf(types.ErrInvalidCommitment, "commitment must be %d bytes, got %d", sha256.Size, len(msg.Commitment))
	}
	model, err := k.GetModel(ctx, msg.ModelId)
	if err != nil {
		return nil, err
	}
	if model.Status != types.MODEL_STATUS_ACTIVE {
		return nil, errorsmod.Wrapf(types.ErrModelNotActive, "model %d is %s", model.Id, model.Status)
	}
	if err := k.requireSpendable(ctx, optimizer, model.CommitBond); err != nil {
		return nil, err
	}
	id, err := k.CommitSeq.Next(ctx)
	if err != nil {
		return nil, err
	}
	h := ctx.BlockHeight()
	c := types.Commit{
		Id:          id,
		Optimizer:   msg.Optimizer,
		ModelId:     model.Id,
		Commitment:  msg.Commitment,
		Height:      h,
		Bond:        model.CommitBond,
		RevealFrom:  h + int64(model.SeedBlocks) + 1,
		RevealUntil: h + int64(model.SeedBlocks) + int64(model.RevealWindow),
	}
	if err := k.bank.SendCoinsFromAccountToModule(ctx, optimizer, types.ModuleName, sdk.NewCoins(c.Bond)); err != nil {
		return nil, err
	}
	if err := k.addCommit(ctx, c, optimizer); err != nil {
		return nil, err
	}
	return &types.MsgCommitOptimumResponse{CommitId: id, RevealFrom: c.RevealFrom, RevealUntil: c.RevealUntil},
		ctx.EventManager().EmitTypedEvent(&types.EventOptimumCommitted{
			CommitId:    id,
			ModelId:     model.Id,
			Optimizer:   msg.Optimizer,
			Bond:        c.Bond,
			RevealFrom:  c.RevealFrom,
			RevealUntil: c.RevealUntil,
		})
}

func (s msgServer) RevealOptimum(goCtx context.Context, msg *types.MsgRevealOptimum) (*types.MsgRevealOptimumResponse, error) {
	ctx := sdk.UnwrapSDKContext(goCtx)
	k := s.k
	optimizer, err := k.accAddress("optimizer", msg.Optimizer)
	if err != nil {
		return nil, err
	}
	if len(msg.Salt) < types.SaltMinLength || len(msg.Salt) > types.SaltMaxLength {
		return nil, errorsmod.Wrapf(types.ErrInvalidSalt, "salt must be %d to %d bytes, got %d", types.SaltMinLength, types.SaltMaxLength, len(msg.Salt))
	}
	c, err := k.GetCommit(ctx, msg.CommitId)
	if err != nil {
		return nil, err
	}
	if c.Optimizer != msg.Optimizer {
		return nil, errorsmod.Wrapf(types.ErrNotCommitOwner, "commit %d", c.Id)
	}
	h := ctx.BlockHeight()
	if h < c.RevealFrom {
		return nil, errorsmod.Wrapf(types.ErrRevealTooEarly, "commit %d opens at height %d, now %d", c.Id, c.RevealFrom, h)
	}
	if h > c.RevealUntil {
		return nil, errorsmod.Wrapf(types.ErrRevealWindowClosed, "commit %d closed at height %d, now %d", c.Id, c.RevealUntil, h)
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	model, err := k.GetModel(ctx, c.ModelId)
	if err != nil {
		return nil, err
	}
	if err := types.CheckParamsLength(params, int(model.NumParams), len(msg.Params), false); err != nil {
		return nil, err
	}
	if err := types.CheckOpening(c, optimizer, msg.Params, msg.Salt); err != nil {
		return nil, err
	}

	// A model retired after the commit cannot be verified against: the
	// optimizer did nothing wrong, so the bond comes back whole.
	if model.Status != types.MODEL_STATUS_ACTIVE {
		return k.refundRetired(ctx, c, optimizer)
	}

	beacon, err := k.BeaconAt(ctx, c.Height+int64(model.SeedBlocks))
	if err != nil {
		return nil, err
	}
	seed := types.EvalSeed(c.Id, beacon)
	v, err := k.verify(ctx, params, model, msg.Params, seed)
	if err != nil {
		return nil, err
	}
	var resp *types.MsgRevealOptimumResponse
	if v.result.Accepted {
		resp, err = k.accept(ctx, c, model, optimizer, msg.Params, seed, v)
	} else {
		resp, err = k.reject(ctx, c, model, optimizer, params, v)
	}
	if err != nil {
		return nil, err
	}
	// x/weights applies the supply signal at once; recording it after the
	// work was credited keeps the reveal's own signal out of its weight.
	if err := k.weights.RecordReveal(ctx, model.Id, v.result.Accepted); err != nil {
		return nil, err
	}
	return resp, nil
}

// accept stores the new best optimum, returns the bond and credits the work.
func (k *Keeper) accept(ctx sdk.Context, c types.Commit, model types.Model, optimizer sdk.AccAddress,
	params []int64, seed [32]byte, v verification,
) (*types.MsgRevealOptimumResponse, error) {
	weight, err := k.weights.ModelWeight(ctx, model.Id)
	if err != nil {
		return nil, err
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
		Height:        ctx.BlockHeight(),
		CommitId:      c.Id,
		Work:          work,
	}
	if err := k.Optima.Set(ctx, collections.Join(model.Id, optimum.Id), optimum); err != nil {
		return nil, err
	}
	model.BestOptimumId = optimum.Id
	model.OptimumCount++
	model.AcceptedCount++
	if err := k.Models.Set(ctx, model.Id, model); err != nil {
		return nil, err
	}
	if _, err := k.settleBond(ctx, c, optimizer, sdkmath.LegacyZeroDec()); err != nil {
		return nil, err
	}
	if err := k.mint.AddOptimizerWork(ctx, optimizer, model.Id, work); err != nil {
		return nil, err
	}
	if err := ctx.EventManager().EmitTypedEvents(
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
		return nil, err
	}
	return &types.MsgRevealOptimumResponse{
		Accepted:      true,
		OptimumId:     optimum.Id,
		Loss:          optimum.Loss,
		IncumbentLoss: optimum.IncumbentLoss,
		Lcb:           optimum.Lcb,
		Increment:     optimum.Increment,
	}, nil
}

// reject records a valid but insufficient reveal and burns part of its bond.
func (k *Keeper) reject(ctx sdk.Context, c types.Commit, model types.Model, optimizer sdk.AccAddress,
	params types.Params, v verification,
) (*types.MsgRevealOptimumResponse, error) {
	model.RejectedCount++
	if err := k.Models.Set(ctx, model.Id, model); err != nil {
		return nil, err
	}
	burned, err := k.settleBond(ctx, c, optimizer, params.RejectBurnFraction)
	if err != nil {
		return nil, err
	}
	if err := ctx.EventManager().EmitTypedEvent(&types.EventOptimumRejected{
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
		return nil, err
	}
	return &types.MsgRevealOptimumResponse{
		Loss:          v.result.NewLoss,
		IncumbentLoss: v.result.IncumbentLoss,
		Lcb:           v.result.LCB,
		Increment:     sdkmath.LegacyZeroDec(),
		Reason:        v.result.Reason,
	}, nil
}

// refundRetired closes a commit on a model retired since the commit: no
// verification, the whole bond back, and a rejection event saying why.
func (k *Keeper) refundRetired(ctx sdk.Context, c types.Commit, optimizer sdk.AccAddress) (*types.MsgRevealOptimumResponse, error) {
	burned, err := k.settleBond(ctx, c, optimizer, sdkmath.LegacyZeroDec())
	if err != nil {
		return nil, err
	}
	zero := sdkmath.LegacyZeroDec()
	if err := ctx.EventManager().EmitTypedEvent(&types.EventOptimumRejected{
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
		return nil, err
	}
	return &types.MsgRevealOptimumResponse{Reason: types.ReasonModelRetired, Loss: zero, IncumbentLoss: zero, Lcb: zero, Increment: zero}, nil
}

// settleBond closes a commit: burnFraction of the bond (truncated) is burned,
// the rest goes back to the optimizer.
// It returns the burned coin.
func (k *Keeper) settleBond(ctx sdk.Context, c types.Commit, optimizer sdk.AccAddress, burnFraction sdkmath.LegacyDec) (sdk.Coin, error) {
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
