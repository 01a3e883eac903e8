package keeper

import (
	"fmt"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/don-network/don/x/evaluation/types"
)

// CheckInvariants runs x/evaluation's invariants (docs/invariants.md). They walk
// the whole state: for tests and audits, never for a block.
func (k *Keeper) CheckInvariants(ctx sdk.Context) error {
	if err := k.CheckModuleBalance(ctx); err != nil {
		return err
	}
	return k.CheckQueues(ctx)
}

// CheckModuleBalance: the module account holds exactly the open escrows
// (max_fee of every request not final) plus every evaluator's collateral
// plus the challenge bonds held (none: a challenge resolves in its
// transaction).
func (k *Keeper) CheckModuleBalance(ctx sdk.Context) error {
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
// deletion, has exactly its due item; the open count matches; and every evaluator's open count and exposure match its
// open assignments.
func (k *Keeper) CheckQueues(ctx sdk.Context) error {
	var open, queuedRequests uint64
	assigned := map[string]uint32{}
	exposure := map[string]sdkmath.Int{}
	err := k.Requests.Walk(ctx, nil, func(id uint64, r types.Request) (bool, error) {
		if r.DueHeight > 0 {
			queuedRequests++
			if ok, err := k.Due.Has(ctx, pairOf(r)); err != nil || !ok {
				return true, fmt.Errorf("request %d (%s) not queued at %d (err %v)", id, r.Status, r.DueHeight, err)
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
	queued := uint64(0)
	if err := k.Due.Walk(ctx, nil, func(_ pairKey) (bool, error) { queued++; return false, nil }); err != nil {
		return err
	}
	if queued != queuedRequests {
		return fmt.Errorf("%d due items for %d queued requests", queued, queuedRequests)
	}
	return k.Evaluators.Walk(ctx, nil, func(_ sdk.AccAddress, ev types.Evaluator) (bool, error) {
		want, ok := exposure[ev.Address]
		if !ok {
			want = sdkmath.ZeroInt()
		}
		if ev.Open != assigned[ev.Address] || !ev.Exposure.Equal(want) {
			return true, fmt.Errorf("evaluator %s: open %d exposure %s, assignments %d exposure %s",
				ev.Address, ev.Open, ev.Exposure, assigned[ev.Address], want)
		}
		return false, nil
	})
}
