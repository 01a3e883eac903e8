package keeper

import (
	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/evaluation/types"
)

// EndBlocker works through the due items of the height-indexed queues —
// refunds of unclaimed requests, timeouts, settlements, deletions of ended
// requests past their retention, then collateral returns — at most max_due_per_block in all, oldest first; the rest wait
// for the next block. It never scans the open requests: its cost is set by
// the items it processes. Each item runs in its own cached context, so a
// failing item changes nothing, stays queued and is logged. Finally it
// reports the backlog (open requests) to x/weights.
func (k *Keeper) EndBlocker(ctx sdk.Context) error {
	params, err := k.Params.Get(ctx)
	if err != nil {
		k.Logger(ctx).Error("no params", "err", err)
		return nil
	}
	h := ctx.BlockHeight()
	budget := int(params.MaxDuePerBlock)
	due, err := collectDue(ctx, k.Due, h, budget)
	if err != nil {
		k.Logger(ctx).Error("reading the due queue", "err", err)
		return nil
	}
	for _, key := range due {
		k.runItem(ctx, "request", key.K2(), func(c sdk.Context) error { return k.processDue(c, params, key) })
	}
	unbonding, err := collectDue(ctx, k.Unbonding, h, budget-len(due))
	if err != nil {
		k.Logger(ctx).Error("reading the unbonding queue", "err", err)
		return nil
	}
	for _, key := range unbonding {
		k.runItem(ctx, "unbonding", key.K2().String(), func(c sdk.Context) error {
			if err := k.Unbonding.Remove(c, key); err != nil {
				return err
			}
			return k.completeUnbonding(c, key.K2())
		})
	}
	open, err := k.OpenCount.Get(ctx)
	if err != nil && !isNotFound(err) {
		k.Logger(ctx).Error("open count", "err", err)
		return nil
	}
	if err := k.weights.RecordBacklog(ctx, open); err != nil {
		k.Logger(ctx).Error("backlog report", "err", err)
	}
	return nil
}

// collectDue returns up to limit keys of a height-indexed queue due at or
// before h, oldest first.
func collectDue[K any](ctx sdk.Context, q collections.KeySet[collections.Pair[int64, K]], h int64, limit int) ([]collections.Pair[int64, K], error) {
	if limit <= 0 {
		return nil, nil
	}
	var out []collections.Pair[int64, K]
	err := q.Walk(ctx, collections.NewPrefixUntilPairRange[int64, K](h), func(key collections.Pair[int64, K]) (bool, error) {
		out = append(out, key)
		return len(out) >= limit, nil
	})
	return out, err
}

// runItem runs one queue item in a cached context and writes it only if it
// succeeded.
func (k *Keeper) runItem(ctx sdk.Context, kind string, id any, f func(sdk.Context) error) {
	cache, write := ctx.CacheContext()
	if err := f(cache); err != nil {
		k.Logger(ctx).Error("queue item failed; it stays queued", "kind", kind, "id", id, "err", err)
		return
	}
	write()
}

// processDue dispatches a request's due item by its status.
func (k *Keeper) processDue(ctx sdk.Context, params types.Params, key collections.Pair[int64, uint64]) error {
	r, err := k.GetRequest(ctx, key.K2())
	if err != nil {
		return err
	}
	if r.DueHeight != key.K1() { // stale entry (cannot happen: queue replaces)
		return k.Due.Remove(ctx, key)
	}
	switch r.Status {
	case types.REQUEST_STATUS_OPEN:
		client, err := k.addressCodec.StringToBytes(r.Client)
		if err != nil {
			return err
		}
		return k.refund(ctx, &r, client, types.REQUEST_STATUS_REFUNDED, "unclaimed after the auction and its grace")
	case types.REQUEST_STATUS_CLAIMED:
		return k.timeout(ctx, params, r)
	case types.REQUEST_STATUS_SUBMITTED:
		return k.settle(ctx, params, r)
	default: // ended: its retention is over
		return k.prune(ctx, r)
	}
}

// prune deletes an ended request and its queue item.
func (k *Keeper) prune(ctx sdk.Context, r types.Request) error {
	if err := k.unqueue(ctx, &r); err != nil {
		return err
	}
	if err := k.Requests.Remove(ctx, r.Id); err != nil {
		return err
	}
	return ctx.EventManager().EmitTypedEvent(&types.EventRequestPruned{RequestId: r.Id, Status: r.Status})
}
