package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/evaluation/types"
)

// EndBlocker works through the due items of the height-indexed queues —
// refunds of unclaimed requests, timeouts, settlements, deletions of ended
// requests past their retention, then collateral returns — and, with the
// budget they leave, retries of failed items: at most max_due_per_block in
// all, oldest first; the rest wait for the next block. It never scans the
// open requests: its cost is set by the items it processes. Each item runs
// in its own cached context, so a failing item changes nothing; it is set
// aside (failed_items.go) and the queue moves on. Finally it reports the
// backlog (open requests) to x/weights.
func (k *Keeper) EndBlocker(ctx context.Context) error {
	sctx := sdk.UnwrapSDKContext(ctx)
	params, err := k.Params.Get(ctx)
	if err != nil {
		k.Logger(ctx).Error("no params", "err", err)
		return nil
	}
	h := sctx.BlockHeight()
	budget := int(params.MaxDuePerBlock)
	due, err := collectDue(ctx, k.Due, h, budget)
	if err != nil {
		k.Logger(ctx).Error("reading the due queue", "err", err)
		return nil
	}
	for _, key := range due {
		k.runItem(sctx, params, dueItem(key), nil)
	}
	budget -= len(due)
	unbonding, err := collectDue(ctx, k.Unbonding, h, budget)
	if err != nil {
		k.Logger(ctx).Error("reading the unbonding queue", "err", err)
		return nil
	}
	for _, key := range unbonding {
		k.runItem(sctx, params, unbondingItem(key), nil)
	}
	budget -= len(unbonding)
	retries, err := k.collectRetries(ctx, h, budget)
	if err != nil {
		k.Logger(ctx).Error("reading the failed items", "err", err)
		return nil
	}
	for _, r := range retries {
		k.runItem(sctx, params, r.item, &r.rec)
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
func collectDue[K any](ctx context.Context, q collections.KeySet[collections.Pair[int64, K]], h int64, limit int) ([]collections.Pair[int64, K], error) {
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
// succeeded; a failed item is set aside, so it cannot hold up the items
// behind it. rec is the item's failed record when this is a retry: it
// leaves the failed items with the success.
func (k *Keeper) runItem(ctx context.Context, params types.Params, it queueItem, rec *types.FailedItem) {
	cache, write := sdk.UnwrapSDKContext(ctx).CacheContext()
	var err error
	if rec != nil {
		err = k.dropFailed(cache, it.failedKey(), true)
	}
	if err == nil {
		err = k.processItem(cache, params, it)
	}
	if err != nil {
		k.setAside(ctx, params, it, rec, err)
		return
	}
	write()
}

// processItem does an item's work.
func (k *Keeper) processItem(ctx context.Context, params types.Params, it queueItem) error {
	switch it.kind {
	case types.QUEUE_KIND_DUE:
		return k.processDue(ctx, params, collections.Join(it.height, it.requestID))
	case types.QUEUE_KIND_UNBONDING:
		return k.processUnbonding(ctx, collections.Join(it.height, it.evaluator))
	default:
		return fmt.Errorf("queue item of unknown kind %d", it.kind)
	}
}

// processDue dispatches a request's due item by its status.
func (k *Keeper) processDue(ctx context.Context, params types.Params, key collections.Pair[int64, uint64]) error {
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

// processUnbonding returns an evaluator's collateral at the end of its
// unbonding.
func (k *Keeper) processUnbonding(ctx context.Context, key collections.Pair[int64, sdk.AccAddress]) error {
	if err := k.Unbonding.Remove(ctx, key); err != nil {
		return err
	}
	ev, err := k.GetEvaluator(ctx, key.K2())
	if err != nil {
		return err
	}
	if ev.UnbondingHeight != key.K1() { // stale entry (cannot happen: unbonding is once)
		return nil
	}
	return k.completeUnbonding(ctx, key.K2(), ev)
}

// prune deletes an ended request and its queue item.
func (k *Keeper) prune(ctx context.Context, r types.Request) error {
	if err := k.unqueue(ctx, &r); err != nil {
		return err
	}
	if err := k.Requests.Remove(ctx, r.Id); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventRequestPruned{RequestId: r.Id, Status: r.Status})
}
