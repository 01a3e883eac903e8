package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

// InitGenesis loads an exported state, then registers the genesis models
// (deposit-free, owned by the authority, measured on a chain-id seed).
func (k *Keeper) InitGenesis(ctx context.Context, gs types.GenesisState) error {
	if err := k.checkDenom(ctx, gs.Coins()...); err != nil {
		return errorsmod.Wrap(types.ErrInvalidGenesis, err.Error())
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	if err := k.ModelSeq.Set(ctx, gs.NextModelId); err != nil {
		return err
	}
	if err := k.CommitSeq.Set(ctx, gs.NextCommitId); err != nil {
		return err
	}
	for _, m := range gs.Models {
		if err := k.Models.Set(ctx, m.Id, m); err != nil {
			return err
		}
		if err := k.activateImported(ctx, m); err != nil {
			return err
		}
	}
	for _, o := range gs.Optima {
		if err := k.Optima.Set(ctx, collections.Join(o.ModelId, o.Id), o); err != nil {
			return err
		}
	}
	for _, c := range gs.Commits {
		optimizer, err := k.addressCodec.StringToBytes(c.Optimizer)
		if err != nil {
			return err
		}
		if err := k.addCommit(ctx, c, optimizer); err != nil {
			return err
		}
	}
	for _, b := range gs.Beacons {
		if err := k.Beacons.Set(ctx, b.Height, b.Value); err != nil {
			return err
		}
	}
	zero := sdk.NewInt64Coin(gs.Params.MinModelDeposit.Denom, 0)
	for _, g := range gs.GenesisModels {
		if _, _, err := k.createModel(ctx, k.authority, g.Spec(), zero, []byte(sdk.UnwrapSDKContext(ctx).ChainID())); err != nil {
			return err
		}
	}
	return nil
}

// activateImported makes an imported active model active in x/weights when
// x/weights' own genesis did not carry it (a genesis written by hand or by
// another tool), so no active model goes unweighed. A model x/weights
// already holds must agree on admission.
func (k *Keeper) activateImported(ctx context.Context, m types.Model) error {
	if m.Status != types.MODEL_STATUS_ACTIVE {
		return nil
	}
	active, admitted, err := k.weights.ModelActivity(ctx, m.Id)
	switch {
	case err != nil:
		return err
	case !active:
		return k.weights.OnModelActivated(ctx, m.Id, m.Admitted)
	case admitted != m.Admitted:
		return errorsmod.Wrapf(types.ErrInvalidGenesis, "model %d: admitted %t in x/optima, %t in x/weights", m.Id, m.Admitted, admitted)
	}
	return nil
}

// ExportGenesis exports the whole state; import gives it back unchanged.
func (k *Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params}
	if gs.NextModelId, err = k.ModelSeq.Peek(ctx); err != nil {
		return nil, err
	}
	if gs.NextCommitId, err = k.CommitSeq.Peek(ctx); err != nil {
		return nil, err
	}
	if err := k.Models.Walk(ctx, nil, func(_ uint64, m types.Model) (bool, error) {
		gs.Models = append(gs.Models, m)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Optima.Walk(ctx, nil, func(_ collections.Pair[uint64, uint64], o types.Optimum) (bool, error) {
		gs.Optima = append(gs.Optima, o)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Commits.Walk(ctx, nil, func(_ uint64, c types.Commit) (bool, error) {
		gs.Commits = append(gs.Commits, c)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Beacons.Walk(ctx, nil, func(h int64, v []byte) (bool, error) {
		gs.Beacons = append(gs.Beacons, types.Beacon{Height: h, Value: v})
		return false, nil
	}); err != nil && !errors.Is(err, collections.ErrNotFound) {
		return nil, err
	}
	return gs, nil
}
