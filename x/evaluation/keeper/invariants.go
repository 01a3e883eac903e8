package keeper

import (
	"bytes"
	"context"
	"fmt"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/don-network/don/x/evaluation/types"
)

// CheckInvariants runs x/evaluation's invariants (docs/invariants.md). They walk
// the whole state: for tests and audits, never for a block.
func (k *Keeper) CheckInvariants(ctx context.Context) error {
	if err := k.CheckModuleBalance(ctx); err != nil {
		return err
	}
	if err := k.CheckQueues(ctx); err != nil {
		return err
	}
	return k.CheckFailedItems(ctx)
}

// CheckModuleBalance: the module account holds exactly the open escrows
// (max_fee of every request not final) plus every evaluator's collateral
// plus the challenge bonds held (none: a challenge resolves in its
// transaction).
func (k *Keeper) CheckModuleBalance(ctx context.Context) error {
	escrows, collateral := sdkmath.ZeroInt(), sdkmath.ZeroInt()
	if err := k.Requests.Walk(ctx, nil, func(_ uint64, r types.Request) (bool, error) {
		if !r.Status.IsFinal() {
			escrows = escrows.Add(r.MaxFee)
		}
		return false, nil
	}); err != nil {
		return err
	}
	if err := k.Evaluators.Walk(ctx, nil, func(_ sdk.AccAddress, ev types.Evaluator) (bool, error) {
		collateral = collateral.Add(ev.Collateral)
		return false, nil
	}); err != nil {
		return err
	}
	denom, err := k.mint.Denom(ctx)
	if err != nil {
		return err
	}
	held := k.bank.GetBalance(ctx, authtypes.NewModuleAddress(types.ModuleName), denom).Amount
	if want := escrows.Add(collateral); !held.Equal(want) {
		return fmt.Errorf("module balance %s ≠ open escrows %s + collateral %s", held, escrows, collateral)
	}
	return nil
}

// CheckQueues: every request not final, and every ended one awaiting
// deletion, has exactly one due item, queued or set aside (never both),
// and so has every unbonding evaluator its collateral return; the queues
// hold nothing else; the open count matches; and every evaluator's open
// count and exposure match its open assignments.
func (k *Keeper) CheckQueues(ctx context.Context) error {
	var open, queuedRequests, queuedUnbondings uint64
	assigned := map[string]uint32{}
	exposure := map[string]sdkmath.Int{}
	err := k.Requests.Walk(ctx, nil, func(id uint64, r types.Request) (bool, error) {
		if r.DueHeight > 0 {
			queued, err := queuedOnce(ctx, k, k.Due.Has, pairOf(r), dueFailedKey(id), fmt.Sprintf("request %d (%s) due at %d", id, r.Status, r.DueHeight))
			if err != nil {
				return true, err
			}
			if queued {
				queuedRequests++
			}
		}
		if r.Status.IsFinal() {
			return false, nil
		}
		open++
		if r.DueHeight == 0 {
			return true, fmt.Errorf("open request %d (%s) not queued", id, r.Status)
		}
		if r.Status == types.REQUEST_STATUS_CLAIMED || r.Status == types.REQUEST_STATUS_SUBMITTED {
			assigned[r.Evaluator]++
			if e, ok := exposure[r.Evaluator]; ok {
				exposure[r.Evaluator] = e.Add(r.MaxFee)
			} else {
				exposure[r.Evaluator] = r.MaxFee
			}
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	n, err := k.OpenCount.Get(ctx)
	if err != nil && !isNotFound(err) {
		return err
	}
	if n != open {
		return fmt.Errorf("open count %d ≠ %d open requests", n, open)
	}
	if err := k.Evaluators.Walk(ctx, nil, func(addr sdk.AccAddress, ev types.Evaluator) (bool, error) {
		want, ok := exposure[ev.Address]
		if !ok {
			want = sdkmath.ZeroInt()
		}
		if ev.Open != assigned[ev.Address] || !ev.Exposure.Equal(want) {
			return true, fmt.Errorf("evaluator %s: open %d exposure %s, assignments %d exposure %s",
				ev.Address, ev.Open, ev.Exposure, assigned[ev.Address], want)
		}
		if ev.UnbondingHeight > 0 {
			key := collections.Join(ev.UnbondingHeight, addr)
			queued, err := queuedOnce(ctx, k, k.Unbonding.Has, key, unbondingItem(key).failedKey(),
				fmt.Sprintf("evaluator %s unbonding at %d", ev.Address, ev.UnbondingHeight))
			if err != nil {
				return true, err
			}
			if queued {
				queuedUnbondings++
			}
		}
		return false, nil
	}); err != nil {
		return err
	}
	if n, err := countKeys(ctx, k.Due); err != nil || n != queuedRequests {
		return fmt.Errorf("%d due items for %d queued requests (err %v)", n, queuedRequests, err)
	}
	if n, err := countKeys(ctx, k.Unbonding); err != nil || n != queuedUnbondings {
		return fmt.Errorf("%d unbonding items for %d queued unbondings (err %v)", n, queuedUnbondings, err)
	}
	return nil
}

// queuedOnce tells whether an item that must exist is queued; it is an
// error for it to be both queued and set aside, or neither.
func queuedOnce[K any](ctx context.Context, k *Keeper, has func(context.Context, K) (bool, error), key K, failed FailedKey, what string) (bool, error) {
	queued, err := has(ctx, key)
	if err != nil {
		return false, err
	}
	setAside, err := k.FailedItems.Has(ctx, failed)
	if err != nil {
		return false, err
	}
	switch {
	case queued && setAside:
		return false, fmt.Errorf("%s: both queued and set aside", what)
	case !queued && !setAside:
		return false, fmt.Errorf("%s: neither queued nor set aside", what)
	}
	return queued, nil
}

func countKeys[K any](ctx context.Context, q collections.KeySet[K]) (uint64, error) {
	var n uint64
	err := q.Walk(ctx, nil, func(K) (bool, error) { n++; return false, nil })
	return n, err
}

// CheckFailedItems: every failed item is stored under its own kind and id
// and belongs to a request (evaluator) due (unbonding) at its due height,
// which is not queued: an item is never both queued and set aside.
func (k *Keeper) CheckFailedItems(ctx context.Context) error {
	return k.FailedItems.Walk(ctx, nil, func(key FailedKey, rec types.FailedItem) (bool, error) {
		it, err := failedItemOf(key, rec.DueHeight)
		if err != nil {
			return true, err
		}
		if want, err := k.failedKeyOf(rec); err != nil || want.K1() != key.K1() || !bytes.Equal(want.K2(), key.K2()) {
			return true, fmt.Errorf("failed item %s stored under another item's key (err %v)", rec.Name(), err)
		}
		var due int64
		var queued bool
		if it.kind == types.QUEUE_KIND_DUE {
			r, err := k.Requests.Get(ctx, it.requestID)
			if err != nil {
				return true, fmt.Errorf("failed item %s: %w", rec.Name(), err)
			}
			due = r.DueHeight
			queued, err = k.Due.Has(ctx, collections.Join(rec.DueHeight, it.requestID))
			if err != nil {
				return true, err
			}
		} else {
			ev, err := k.Evaluators.Get(ctx, it.evaluator)
			if err != nil {
				return true, fmt.Errorf("failed item %s: %w", rec.Name(), err)
			}
			due = ev.UnbondingHeight
			queued, err = k.Unbonding.Has(ctx, collections.Join(rec.DueHeight, it.evaluator))
			if err != nil {
				return true, err
			}
		}
		switch {
		case due != rec.DueHeight:
			return true, fmt.Errorf("failed item %s due at %d, its owner at %d", rec.Name(), rec.DueHeight, due)
		case queued:
			return true, fmt.Errorf("failed item %s is also queued", rec.Name())
		}
		return false, nil
	})
}
