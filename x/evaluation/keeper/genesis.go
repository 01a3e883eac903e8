package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/evaluation/types"
)

// InitGenesis loads a validated genesis state and rebuilds the queues and
// the backlog count from it. A failed item stays out of its queue.
func (k *Keeper) InitGenesis(ctx context.Context, gs types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	failedDue, failedUnbonding := map[uint64]bool{}, map[string]bool{}
	for _, it := range gs.FailedItems {
		key, err := k.failedKeyOf(it)
		if err != nil {
			return err
		}
		if err := k.FailedItems.Set(ctx, key, it); err != nil {
			return err
		}
		if it.Kind == types.QUEUE_KIND_UNBONDING {
			failedUnbonding[it.Evaluator] = true
		} else {
			failedDue[it.RequestId] = true
		}
	}
	for _, ev := range gs.Evaluators {
		addr, err := k.addressCodec.StringToBytes(ev.Address)
		if err != nil {
			return err
		}
		if err := k.Evaluators.Set(ctx, addr, ev); err != nil {
			return err
		}
		if ev.UnbondingHeight > 0 && !failedUnbonding[ev.Address] {
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
		if r.DueHeight > 0 && !failedDue[r.Id] {
			if err := k.Due.Set(ctx, pairOf(r)); err != nil {
				return err
			}
		}
	}
	// The sequence holds the id the next request gets.
	if err := k.RequestSeq.Set(ctx, gs.NextRequestId); err != nil {
		return err
	}
	return k.OpenCount.Set(ctx, open)
}

// ExportGenesis exports the whole state.
func (k *Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
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
	if err := k.FailedItems.Walk(ctx, nil, func(_ FailedKey, it types.FailedItem) (bool, error) {
		gs.FailedItems = append(gs.FailedItems, it)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if gs.NextRequestId, err = k.RequestSeq.Peek(ctx); err != nil {
		return nil, err
	}
	return gs, nil
}
