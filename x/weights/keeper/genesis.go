package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	"github.com/don-network/don/x/weights/types"
)

// InitGenesis validates and loads a genesis state (InitChain does not call
// ValidateGenesis, so an inconsistent file must not reach the state). It
// must run before x/optima's InitGenesis, whose genesis models call
// OnModelActivated.
func (k *Keeper) InitGenesis(ctx context.Context, gs types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	t := types.Totals{SumRaw: sdkmath.LegacyZeroDec()}
	for _, m := range gs.Models {
		if err := k.Models.Set(ctx, m.ModelId, m); err != nil {
			return err
		}
		if m.Active {
			if err := k.Active.Set(ctx, m.ModelId); err != nil {
				return err
			}
			t.Add(m)
		}
	}
	if err := k.setTotals(ctx, t); err != nil { // Validate checked Σraw = gs.SumRaw
		return err
	}
	if err := k.RefreshCursor.Set(ctx, gs.RefreshCursor); err != nil {
		return err
	}
	if err := k.Backlog.Set(ctx, gs.Backlog); err != nil {
		return err
	}
	shares, _ := gs.Params.Shares(gs.Backlog.Lambda)
	if gs.LastRoleShares != nil {
		shares = *gs.LastRoleShares
	}
	return k.LastRoleShares.Set(ctx, shares)
}

// ExportGenesis exports the whole state; import gives it back unchanged.
func (k *Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params}
	if err := k.Models.Walk(ctx, nil, func(_ uint64, m types.ModelState) (bool, error) {
		gs.Models = append(gs.Models, m)
		return false, nil
	}); err != nil {
		return nil, err
	}
	t, err := k.totals(ctx)
	if err != nil {
		return nil, err
	}
	gs.SumRaw = t.SumRaw
	if gs.RefreshCursor, err = k.RefreshCursor.Get(ctx); err != nil && !errors.Is(err, collections.ErrNotFound) {
		return nil, err
	}
	if gs.Backlog, err = k.getBacklog(ctx); err != nil {
		return nil, err
	}
	shares, err := k.LastRoleShares.Get(ctx)
	switch {
	case err == nil:
		gs.LastRoleShares = &shares
	case !errors.Is(err, collections.ErrNotFound):
		return nil, err
	}
	return gs, nil
}
