package keeper

import (
	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/evaluation/types"
)

// InitGenesis loads a validated genesis state and rebuilds the queues and
// the backlog count from it.
func (k *Keeper) InitGenesis(ctx sdk.Context, gs types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	for _, ev := range gs.Evaluators {
		addr, err := k.addressCodec.StringToBytes(ev.Address)
		if err != nil {
			return err
		}
		if err := k.Evaluators.Set(ctx, addr, ev); err != nil {
			return err
		}
		if ev.UnbondingHeight > 0 {
			if err := k.Unbonding.Set(ctx, collections.Join(ev.UnbondingHeight, sdk.AccAddress(addr))); err != nil {
				return err
			}
		}
	}
	var open uint64
	for _, r := range gs.Requests {
		if err := k.Requests.Set(ctx, r.Id, r); err != nil {
			return err
		}
		if !r.Status.IsFinal() {
			open++
		}
		if r.DueHeight > 0 {
			if err := k.Due.Set(ctx, collections.Join(r.DueHeight, r.Id)); err != nil {
				return err
			}
		}
	}
	// The sequence holds the number of ids issued: ids start at 1.
	if err := k.RequestSeq.Set(ctx, gs.NextRequestId-1); err != nil {
		return err
	}
	return k.OpenCount.Set(ctx, open)
}

// ExportGenesis exports the whole state.
func (k *Keeper) ExportGenesis(ctx sdk.Context) (*types.GenesisState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params}
	if err := k.Evaluators.Walk(ctx, nil, func(_ sdk.AccAddress, ev types.Evaluator) (bool, error) {
		gs.Evaluators = append(gs.Evaluators, ev)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Requests.Walk(ctx, nil, func(_ uint64, r types.Request) (bool, error) {
		gs.Requests = append(gs.Requests, r)
		return false, nil
	}); err != nil {
		return nil, err
	}
	issued, err := k.RequestSeq.Peek(ctx)
	if err != nil {
		return nil, err
	}
	gs.NextRequestId = issued + 1
	return gs, nil
}
