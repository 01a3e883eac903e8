package keeper

import (
	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/mint/types"
)

// InitGenesis loads the state; a minter without a round opens round 1 at
// the genesis time with initial_difficulty.
func (k *Keeper) InitGenesis(ctx sdk.Context, gs types.GenesisState) error {
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
	load := func(entries collections.Map[collections.Pair[uint64, sdk.AccAddress], sdkmath.LegacyDec], list []types.WorkEntry) error {
		for _, e := range list {
			addr, err := k.addressCodec.StringToBytes(e.Address)
			if err != nil {
				return err
			}
			if err := entries.Set(ctx, collections.Join(m.Round, sdk.AccAddress(addr)), e.Work); err != nil {
				return err
			}
		}
		return nil
	}
	if err := load(k.OptimizerWork, gs.OptimizerWork); err != nil {
		return err
	}
	if err := load(k.EvaluatorWork, gs.EvaluatorWork); err != nil {
		return err
	}
	for _, r := range gs.Rounds {
		if err := k.Rounds.Set(ctx, r.Round, r); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis exports the whole state.
func (k *Keeper) ExportGenesis(ctx sdk.Context) (*types.GenesisState, error) {
	p, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	m, err := k.Minter.Get(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: p, Minter: m}
	dump := func(entries collections.Map[collections.Pair[uint64, sdk.AccAddress], sdkmath.LegacyDec]) ([]types.WorkEntry, error) {
		var out []types.WorkEntry
		err := entries.Walk(ctx, collections.NewPrefixedPairRange[uint64, sdk.AccAddress](m.Round),
			func(key collections.Pair[uint64, sdk.AccAddress], w sdkmath.LegacyDec) (bool, error) {
				addr, err := k.addressCodec.BytesToString(key.K2())
				out = append(out, types.WorkEntry{Address: addr, Work: w})
				return false, err
			})
		return out, err
	}
	if gs.OptimizerWork, err = dump(k.OptimizerWork); err != nil {
		return nil, err
	}
	if gs.EvaluatorWork, err = dump(k.EvaluatorWork); err != nil {
		return nil, err
	}
	err = k.Rounds.Walk(ctx, nil, func(_ uint64, r types.RoundRecord) (bool, error) {
		gs.Rounds = append(gs.Rounds, r)
		return false, nil
	})
	return gs, err
}
