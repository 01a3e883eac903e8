package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

// addCommit stores an open commit and its two index entries.
func (k *Keeper) addCommit(ctx context.Context, c types.Commit, optimizer sdk.AccAddress) error {
	if err := k.Commits.Set(ctx, c.Id, c); err != nil {
		return err
	}
	if err := k.CommitsByOptimizer.Set(ctx, collections.Join(optimizer, c.Id)); err != nil {
		return err
	}
	return k.CommitsByExpiry.Set(ctx, collections.Join(c.RevealUntil, c.Id))
}

// removeCommit deletes a commit and its index entries.
func (k *Keeper) removeCommit(ctx context.Context, c types.Commit) error {
	optimizer, err := k.addressCodec.StringToBytes(c.Optimizer)
	if err != nil {
		return err
	}
	if err := k.Commits.Remove(ctx, c.Id); err != nil {
		return err
	}
	if err := k.CommitsByOptimizer.Remove(ctx, collections.Join(sdk.AccAddress(optimizer), c.Id)); err != nil {
		return err
	}
	return k.CommitsByExpiry.Remove(ctx, collections.Join(c.RevealUntil, c.Id))
}

// GetCommit returns an open commit. A commit id that was issued but is no
// longer open gives ErrCommitClosed, so a double reveal says what happened.
func (k *Keeper) GetCommit(ctx context.Context, id uint64) (types.Commit, error) {
	c, err := k.Commits.Get(ctx, id)
	if err == nil {
		return c, nil
	}
	if !errors.Is(err, collections.ErrNotFound) {
		return c, err
	}
	next, seqErr := k.CommitSeq.Peek(ctx)
	if seqErr != nil {
		return c, seqErr
	}
	if id != 0 && id < next {
		return c, errorsmod.Wrapf(types.ErrCommitClosed, "commit %d", id)
	}
	return c, errorsmod.Wrapf(types.ErrCommitNotFound, "commit %d", id)
}
