package keeper

import (
	"context"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/mint/types"
)

// InitGenesis loads the state; a minter without a round opens round 1 at
// the genesis time with initial_difficulty.
func (k *Keeper) InitGenesis(goCtx context.Context, gs types.GenesisState) error {
	ctx := sdk.UnwrapSDKContext(goCtx)
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	m := gs.Minter
	if m.Round == 0 {
		m.Difficulty = gs.Params.InitialDifficulty
		m.WindowStartTime = ctx.BlockTime()
		openRound(ctx, &m)
	}
	if err := k.Minter.Set(ctx, m); err != nil {
		return err
	}
	if err := k.loadWork(ctx, k.OptimizerWork, m.Round, gs.OptimizerWork); err != nil {
		return err
	}
	if err := k.loadWork(ctx, k.EvaluatorWork, m.Round, gs.EvaluatorWork); err != nil {
		return err
	}
	for _, r := range gs.Rounds {
		if err := k.Rounds.Set(ctx, r.Round, r); err != nil {
			return err
		}
	}
	for _, gp := range gs.Payouts {
		round := gp.Payout.Round
		if err := k.Payouts.Set(ctx, round, gp.Payout); err != nil {
			return err
		}
		if err := k.loadWork(ctx, k.OptimizerWork, round, gp.OptimizerWork); err != nil {
			return err
		}
		if err := k.loadWork(ctx, k.EvaluatorWork, round, gp.EvaluatorWork); err != nil {
			return err
		}
	}
	return nil
}

// loadWork stores a round's work entries.
func (k *Keeper) loadWork(ctx context.Context, entries workEntries, round uint64, list []types.WorkEntry) error {
	for _, e := range list {
		addr, err := k.addressCodec.StringToBytes(e.Address)
		if err != nil {
			return err
		}
		if err := entries.Set(ctx, collections.Join(round, sdk.AccAddress(addr)), e.Work); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis exports the whole state.
func (k *Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	p, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	m, err := k.Minter.Get(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: p, Minter: m}
	if gs.OptimizerWork, err = k.dumpWork(ctx, k.OptimizerWork, m.Round); err != nil {
		return nil, err
	}
	if gs.EvaluatorWork, err = k.dumpWork(ctx, k.EvaluatorWork, m.Round); err != nil {
		return nil, err
	}
	err = k.Rounds.Walk(ctx, nil, func(_ uint64, r types.RoundRecord) (bool, error) {
		gs.Rounds = append(gs.Rounds, r)
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	err = k.Payouts.Walk(ctx, nil, func(round uint64, po types.RoundPayout) (bool, error) {
		gp := types.GenesisPayout{Payout: po}
		if gp.OptimizerWork, err = k.dumpWork(ctx, k.OptimizerWork, round); err != nil {
			return true, err
		}
		if gp.EvaluatorWork, err = k.dumpWork(ctx, k.EvaluatorWork, round); err != nil {
			return true, err
		}
		gs.Payouts = append(gs.Payouts, gp)
		return false, nil
	})
	return gs, err
}

// dumpWork lists a round's work entries in address order.
func (k *Keeper) dumpWork(ctx context.Context, entries workEntries, round uint64) ([]types.WorkEntry, error) {
	var out []types.WorkEntry
	err := entries.Walk(ctx, collections.NewPrefixedPairRange[uint64, sdk.AccAddress](round),
		func(key collections.Pair[uint64, sdk.AccAddress], w sdkmath.LegacyDec) (bool, error) {
			addr, err := k.addressCodec.BytesToString(key.K2())
			out = append(out, types.WorkEntry{Address: addr, Work: w})
			return err != nil, err
		})
	return out, err
}
