package keeper

import (
	"context"
	"crypto/sha256"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

// CommitOptimum opens a commit: the optimizer escrows the model's commit
// bond for a SHA-256 commitment it may reveal from seed_blocks after this
// block on, for reveal_window blocks.
func (k *Keeper) CommitOptimum(ctx context.Context, optimizer sdk.AccAddress, optimizerStr string, modelID uint64, commitment []byte) (types.Commit, error) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	if len(commitment) != sha256.Size {
		return types.Commit{}, errorsmod.Wrapf(types.ErrInvalidCommitment, "commitment must be %d bytes, got %d", sha256.Size, len(commitment))
	}
	model, err := k.GetModel(ctx, modelID)
	if err != nil {
		return types.Commit{}, err
	}
	if model.Status != types.MODEL_STATUS_ACTIVE {
		return types.Commit{}, errorsmod.Wrapf(types.ErrModelNotActive, "model %d is %s", model.Id, model.Status)
	}
	if err := k.requireSpendable(ctx, optimizer, model.CommitBond); err != nil {
		return types.Commit{}, err
	}
	id, err := k.CommitSeq.Next(ctx)
	if err != nil {
		return types.Commit{}, err
	}
	h := sdkCtx.BlockHeight()
	c := types.Commit{
		Id:          id,
		Optimizer:   optimizerStr,
		ModelId:     model.Id,
		Commitment:  commitment,
		Height:      h,
		Bond:        model.CommitBond,
		RevealFrom:  h + int64(model.SeedBlocks) + 1,
		RevealUntil: h + int64(model.SeedBlocks) + int64(model.RevealWindow),
	}
	if err := k.bank.SendCoinsFromAccountToModule(ctx, optimizer, types.ModuleName, sdk.NewCoins(c.Bond)); err != nil {
		return types.Commit{}, err
	}
	if err := k.addCommit(ctx, c, optimizer); err != nil {
		return types.Commit{}, err
	}
	return c, sdkCtx.EventManager().EmitTypedEvent(&types.EventOptimumCommitted{
		CommitId:    id,
		ModelId:     model.Id,
		Optimizer:   optimizerStr,
		Bond:        c.Bond,
		RevealFrom:  c.RevealFrom,
		RevealUntil: c.RevealUntil,
	})
}
