package cli

import (
	"context"
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

// The chain cannot see the params behind a commitment: a commit of params
// that can never be revealed locks its bond until it burns. So commit and
// reveal check the params file against the model (and the commit) before
// they broadcast, with the same rules as the chain (x/optima/types).

// precheckCommit checks params against an active model before a commit.
func precheckCommit(ctx context.Context, q types.QueryClient, modelID uint64, params []int64) error {
	p, m, err := paramsAndModel(ctx, q, modelID)
	if err != nil {
		return err
	}
	if err := types.CheckCommittable(p, m, params); err != nil {
		return fmt.Errorf("not committing (the bond would burn): %w", err)
	}
	return nil
}

// precheckReveal checks that params and salt open the commit and fit its
// model before a reveal pays gas.
func precheckReveal(ctx context.Context, q types.QueryClient, commitID uint64, optimizer sdk.AccAddress, params []int64, salt []byte) error {
	res, err := q.Commit(ctx, &types.QueryCommitRequest{CommitId: commitID})
	if err != nil {
		return fmt.Errorf("commit %d: %w", commitID, err)
	}
	c := res.Commit
	if c.Optimizer != optimizer.String() {
		return fmt.Errorf("not revealing: %w", types.ErrNotCommitOwner.Wrapf("commit %d belongs to %s", c.Id, c.Optimizer))
	}
	p, m, err := paramsAndModel(ctx, q, c.ModelId)
	if err != nil {
		return err
	}
	if err := types.CheckCandidate(p, m, params); err != nil {
		return fmt.Errorf("not revealing: %w", err)
	}
	if err := types.CheckOpening(c, optimizer, params, salt); err != nil {
		return fmt.Errorf("not revealing: %w", err)
	}
	return nil
}

func paramsAndModel(ctx context.Context, q types.QueryClient, modelID uint64) (types.Params, types.Model, error) {
	pr, err := q.Params(ctx, &types.QueryParamsRequest{})
	if err != nil {
		return types.Params{}, types.Model{}, fmt.Errorf("reading x/optima params: %w", err)
	}
	mr, err := q.Model(ctx, &types.QueryModelRequest{ModelId: modelID})
	if err != nil {
		return types.Params{}, types.Model{}, fmt.Errorf("model %d: %w", modelID, err)
	}
	return pr.Params, mr.Model, nil
}
