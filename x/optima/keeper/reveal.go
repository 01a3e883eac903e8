package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

// RevealResult is what a reveal decided: an accepted optimum's id, or the
// reason of a rejection, and the paired losses it was judged on.
type RevealResult struct {
	Accepted      bool
	OptimumID     uint64
	Loss          sdkmath.LegacyDec
	IncumbentLoss sdkmath.LegacyDec
	Lcb           sdkmath.LegacyDec
	Increment     sdkmath.LegacyDec
	Reason        string
}

// RevealOptimum opens a commit within its reveal window and verifies the
// params against the incumbent on fresh data seeded by the beacon of the
// commit's last seed block; the bond then comes back (accepted), is partly
// burned (rejected) or comes back whole (model retired since the commit).
func (k *Keeper) RevealOptimum(ctx context.Context, optimizer sdk.AccAddress, optimizerStr string, commitID uint64, params []int64, salt []byte) (RevealResult, error) {
	if len(salt) < types.SaltMinLength || len(salt) > types.SaltMaxLength {
		return RevealResult{}, errorsmod.Wrapf(types.ErrInvalidSalt, "salt must be %d to %d bytes, got %d", types.SaltMinLength, types.SaltMaxLength, len(salt))
	}
	c, err := k.GetCommit(ctx, commitID)
	if err != nil {
		return RevealResult{}, err
	}
	if c.Optimizer != optimizerStr {
		return RevealResult{}, errorsmod.Wrapf(types.ErrNotCommitOwner, "commit %d", c.Id)
	}
	h := sdk.UnwrapSDKContext(ctx).BlockHeight()
	if h < c.RevealFrom {
		return RevealResult{}, errorsmod.Wrapf(types.ErrRevealTooEarly, "commit %d opens at height %d, now %d", c.Id, c.RevealFrom, h)
	}
	if h > c.RevealUntil {
		return RevealResult{}, errorsmod.Wrapf(types.ErrRevealWindowClosed, "commit %d closed at height %d, now %d", c.Id, c.RevealUntil, h)
	}
	moduleParams, err := k.Params.Get(ctx)
	if err != nil {
		return RevealResult{}, err
	}
	model, err := k.GetModel(ctx, c.ModelId)
	if err != nil {
		return RevealResult{}, err
	}
	if err := types.CheckParamsLength(moduleParams, int(model.NumParams), len(params), false); err != nil {
		return RevealResult{}, err
	}
	if err := types.CheckOpening(c, optimizer, params, salt); err != nil {
		return RevealResult{}, err
	}

	// A model retired after the commit cannot be verified against: the
	// optimizer did nothing wrong, so the bond comes back whole.
	if model.Status != types.MODEL_STATUS_ACTIVE {
		return k.refundRetired(ctx, c, optimizer)
	}

	beacon, err := k.BeaconAt(ctx, c.Height+int64(model.SeedBlocks))
	if err != nil {
		return RevealResult{}, err
	}
	seed := types.EvalSeed(c.Id, beacon)
	v, err := k.verify(ctx, moduleParams, model, params, seed)
	if err != nil {
		return RevealResult{}, err
	}
	var res RevealResult
	if v.result.Accepted {
		res, err = k.accept(ctx, c, model, optimizer, params, seed, v)
	} else {
		res, err = k.reject(ctx, c, model, optimizer, moduleParams, v)
	}
	if err != nil {
		return RevealResult{}, err
	}
	// x/weights applies the supply signal at once; recording it after the
	// work was credited keeps the reveal's own signal out of its weight.
	if err := k.weights.RecordReveal(ctx, model.Id, v.result.Accepted); err != nil {
		return RevealResult{}, err
	}
	return res, nil
}
