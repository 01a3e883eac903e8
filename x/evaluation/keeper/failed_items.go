package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/collections/indexes"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/evaluation/types"
)

// A queue item that fails is set aside: out of its queue, into
// FailedItems, so the items behind it proceed; EndBlock retries it later
// with the budget the due items left (docs/evaluation.md, "Failed queue
// items"). An item is never both queued and set aside.

// FailedKey identifies a failed item: its kind and the bytes of its id (a
// request id big-endian, an evaluator's address). One store holds both
// queues' items, ordered by kind, then id.
type FailedKey = collections.Pair[int32, []byte]

var failedKeyCodec = collections.PairKeyCodec(collections.Int32Key, collections.BytesKey)

// FailedIndexes order the failed items by retry height, oldest first.
type FailedIndexes struct {
	Retry *indexes.Multi[int64, FailedKey, types.FailedItem]
}

// IndexesList implements collections.Indexes.
func (i FailedIndexes) IndexesList() []collections.Index[FailedKey, types.FailedItem] {
	return []collections.Index[FailedKey, types.FailedItem]{i.Retry}
}

func newFailedIndexes(sb *collections.SchemaBuilder) FailedIndexes {
	return FailedIndexes{
		Retry: indexes.NewMulti(sb, types.FailedItemsByRetry, "failed_items_by_retry", collections.Int64Key, failedKeyCodec,
			func(_ FailedKey, it types.FailedItem) (int64, error) { return it.RetryHeight, nil }),
	}
}

// queueItem is one item of a height-indexed queue: a request's due item or
// an evaluator's collateral return, due at height.
type queueItem struct {
	kind      types.QueueKind
	height    int64
	requestID uint64
	evaluator sdk.AccAddress
}

func dueItem(key pairKey) queueItem {
	return queueItem{kind: types.QUEUE_KIND_DUE, height: key.K1(), requestID: key.K2()}
}

func unbondingItem(key collections.Pair[int64, sdk.AccAddress]) queueItem {
	return queueItem{kind: types.QUEUE_KIND_UNBONDING, height: key.K1(), evaluator: key.K2()}
}

func dueFailedKey(id uint64) FailedKey {
	return collections.Join(int32(types.QUEUE_KIND_DUE), sdk.Uint64ToBigEndian(id))
}

func (it queueItem) failedKey() FailedKey {
	if it.kind == types.QUEUE_KIND_UNBONDING {
		return collections.Join(int32(types.QUEUE_KIND_UNBONDING), []byte(it.evaluator))
	}
	return dueFailedKey(it.requestID)
}

// failedItemOf rebuilds the queue item of a failed item from its key, not
// from its stored address text, so a retry never fails to start.
func failedItemOf(key FailedKey, dueHeight int64) (queueItem, error) {
	switch kind := types.QueueKind(key.K1()); kind {
	case types.QUEUE_KIND_DUE:
		if len(key.K2()) != 8 {
			return queueItem{}, fmt.Errorf("failed due item with a %d-byte id", len(key.K2()))
		}
		return queueItem{kind: kind, height: dueHeight, requestID: sdk.BigEndianToUint64(key.K2())}, nil
	case types.QUEUE_KIND_UNBONDING:
		return queueItem{kind: kind, height: dueHeight, evaluator: sdk.AccAddress(key.K2())}, nil
	default:
		return queueItem{}, fmt.Errorf("failed item of unknown kind %d", kind)
	}
}

// failedKeyOf is the key of a genesis failed item.
func (k *Keeper) failedKeyOf(it types.FailedItem) (FailedKey, error) {
	if it.Kind != types.QUEUE_KIND_UNBONDING {
		return dueFailedKey(it.RequestId), nil
	}
	addr, err := k.addressCodec.StringToBytes(it.Evaluator)
	if err != nil {
		return FailedKey{}, err
	}
	return queueItem{kind: it.Kind, evaluator: addr}.failedKey(), nil
}

// retrying is a failed item due for a retry.
type retrying struct {
	item queueItem
	rec  types.FailedItem
}

// collectRetries returns up to limit failed items whose retry height is at
// or before h, earliest first. An entry it cannot read is logged and
// counted, so the walk stays bounded.
func (k *Keeper) collectRetries(ctx context.Context, h int64, limit int) ([]retrying, error) {
	if limit <= 0 {
		return nil, nil
	}
	var out []retrying
	seen := 0
	err := k.FailedItems.Indexes.Retry.Walk(ctx, collections.NewPrefixUntilPairRange[int64, FailedKey](h),
		func(_ int64, key FailedKey) (bool, error) {
			seen++
			rec, err := k.FailedItems.Get(ctx, key)
			if err == nil {
				var it queueItem
				if it, err = failedItemOf(key, rec.DueHeight); err == nil {
					out = append(out, retrying{item: it, rec: rec})
				}
			}
			if err != nil {
				k.Logger(ctx).Error("unreadable failed item: not retried", "key", key, "err", err)
			}
			return seen >= limit, nil
		})
	return out, err
}

// setAside records that it failed with cause: out of its queue, into the
// failed items with its error, retried from retry_interval_blocks later
// (prev is its record when this was a retry). The move runs in its own
// cached context: if even it fails, nothing changes, the item is logged
// and skipped for this block.
func (k *Keeper) setAside(ctx context.Context, params types.Params, it queueItem, prev *types.FailedItem, cause error) {
	h := blockHeight(ctx)
	rec := types.FailedItem{
		Kind: it.kind, RequestId: it.requestID, DueHeight: it.height, FailedHeight: h,
		// At least one block later: a retry never runs again in the block it failed in.
		RetryHeight: h + int64(max(params.RetryIntervalBlocks, 1)),
		Attempts:    1, Error: types.FailedErrorText(cause),
	}
	if prev != nil && prev.Attempts < ^uint32(0) {
		rec.Attempts = prev.Attempts + 1
	}
	cache, write := sdk.UnwrapSDKContext(ctx).CacheContext()
	if err := k.moveAside(cache, it, &rec); err != nil {
		k.Logger(ctx).Error("queue item failed and could not be set aside: skipped for this block",
			"item", rec.Name(), "due_height", it.height, "err", cause, "set_aside_err", err)
		return
	}
	write()
	k.Logger(ctx).Error("queue item failed: set aside", "item", rec.Name(), "due_height", it.height,
		"attempts", rec.Attempts, "retry_height", rec.RetryHeight, "err", cause)
}

func (k *Keeper) moveAside(ctx context.Context, it queueItem, rec *types.FailedItem) error {
	var err error
	if it.kind == types.QUEUE_KIND_UNBONDING {
		if rec.Evaluator, err = k.addressCodec.BytesToString(it.evaluator); err != nil {
			return err
		}
		err = k.Unbonding.Remove(ctx, collections.Join(it.height, it.evaluator))
	} else {
		err = k.Due.Remove(ctx, collections.Join(it.height, it.requestID))
	}
	if err != nil {
		return err
	}
	if err := k.FailedItems.Set(ctx, it.failedKey(), *rec); err != nil {
		return err
	}
	return emit(ctx, &types.EventQueueItemSetAside{
		Kind: rec.Kind, RequestId: rec.RequestId, Evaluator: rec.Evaluator, DueHeight: rec.DueHeight,
		FailedHeight: rec.FailedHeight, RetryHeight: rec.RetryHeight, Attempts: rec.Attempts, Error: rec.Error,
	})
}

// dropFailed removes a failed item, if there is one under key: its retry is
// under way (retried) or a message moved its request on.
func (k *Keeper) dropFailed(ctx context.Context, key FailedKey, retried bool) error {
	rec, err := k.FailedItems.Get(ctx, key)
	if isNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if err := k.FailedItems.Remove(ctx, key); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventQueueItemRecovered{
		Kind: rec.Kind, RequestId: rec.RequestId, Evaluator: rec.Evaluator, DueHeight: rec.DueHeight,
		Attempts: rec.Attempts, Retried: retried,
	})
}
