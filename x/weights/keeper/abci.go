package keeper

import (
	"errors"
	"fmt"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/weights/types"
)

// EndBlocker applies this block's signals and refreshes a bounded number of
// idle models, then updates the backlog filter and the role shares.
//
// Cost: it touches (a) the models with buffered signals, found from the
// Pending collection (no scan), and (b) at most refresh_per_block idle
// active models, round robin from RefreshCursor. Every other model is
// untouched: its idle blocks are applied later, in closed form, when it is
// next touched. So the cost does not grow with models that saw no signal.
//
// It never halts the chain: a model whose arithmetic overflows keeps its
// state (its signals of the block are dropped) and is logged. The model
// update reads everything it needs before it writes anything, so a failed
// read leaves the state as it was (the signals stay buffered for the next
// block); the failure is logged.
func (k *Keeper) EndBlocker(ctx sdk.Context) error {
	params, err := k.Params.Get(ctx)
	if err != nil {
		k.Logger(ctx).Error("no params", "err", err)
		return nil
	}
	if err := k.updateModels(ctx, params); err != nil {
		k.Logger(ctx).Error("model weight update failed", "height", ctx.BlockHeight(), "err", err)
	}
	if err := k.updateRoleShares(ctx, params); err != nil {
		k.Logger(ctx).Error("role share update failed", "height", ctx.BlockHeight(), "err", err)
	}
	return nil
}

// updater advances model states to the current height.
type updater struct {
	params  types.Params
	sigma16 uint32
	h       int64
	decay   [types.NumModelKinds]*types.Decayer
}

// newUpdater returns the updater of height h; the caller holds k.decayMu.
func (k *Keeper) newUpdater(params types.Params, h int64) *updater {
	u := &updater{params: params, sigma16: params.SigmaSixteenths(), h: h}
	for kind := 0; kind < types.NumModelKinds; kind++ {
		u.decay[kind] = k.decayer(params.Filter(kind))
	}
	return u
}

// advance applies the idle blocks last_height+1 … h−1 in closed form, then
// block h with the observations ps (nil: a block without signals), and
// recomputes raw. LegacyDec panics on overflow; that is returned as
// ErrArithmetic.
func (u *updater) advance(st types.ModelState, ps *types.PendingSignals) (out types.ModelState, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errorsmod.Wrapf(types.ErrArithmetic, "model %d: %v", st.ModelId, r)
		}
	}()
	if ps == nil && st.LastHeight >= u.h {
		return st, nil // already current
	}
	idle := u.h - 1 - st.LastHeight
	zero := sdkmath.LegacyZeroDec()
	for kind := 0; kind < types.NumModelKinds; kind++ {
		lambda := st.Lambda(kind)
		if idle > 0 {
			lambda = u.decay[kind].Decay(lambda, uint64(idle))
		}
		y := zero
		if ps != nil {
			y = ps.Observation(kind)
		}
		st.SetLambda(kind, u.decay[kind].Step(lambda, y))
	}
	if st.LastHeight < u.h {
		st.LastHeight = u.h
	}
	st.Raw = u.params.RawSixteenths(st, u.sigma16)
	return st, nil
}

// updateModels is the model half of EndBlock. Phase 1 reads the buffered
// signals, the touched states and the totals; phase 2 computes the new
// states, Σraw, weights and events in memory; phase 3 writes. A store error
// or an arithmetic panic in phases 1–2 returns before anything is written.
func (k *Keeper) updateModels(ctx sdk.Context, params types.Params) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errorsmod.Wrapf(types.ErrArithmetic, "%v", r)
		}
	}()
	k.decayMu.Lock()
	defer k.decayMu.Unlock()
	u := k.newUpdater(params, ctx.BlockHeight())
	var pending []types.PendingSignals
	if err := k.Pending.Walk(ctx, nil, func(_ uint64, ps types.PendingSignals) (bool, error) {
		pending = append(pending, ps)
		return false, nil
	}); err != nil {
		return err
	}
	n, sum, err := k.totals(ctx)
	if err != nil {
		return err
	}
	touched := make([]types.ModelState, 0, len(pending)+int(params.RefreshPerBlock))
	signalled := make(map[uint64]bool, len(pending))
	apply := func(id uint64, ps *types.PendingSignals) error {
		st, err := k.Models.Get(ctx, id)
		if errors.Is(err, collections.ErrNotFound) || (err == nil && !st.Active) {
			return nil // retired after its signals were recorded: they are dropped
		}
		if err != nil {
			return err
		}
		next, err := u.advance(st, ps)
		if err != nil {
			// Out-of-range arithmetic in one model: it keeps its state (its
			// signals of this block are dropped) and the others go on.
			k.Logger(ctx).Error("model skipped", "model", id, "err", err)
			return nil
		}
		sum = sum.Sub(st.Raw).AddMut(next.Raw)
		touched = append(touched, next)
		return nil
	}
	for i := range pending {
		signalled[pending[i].ModelId] = true
		if err := apply(pending[i].ModelId, &pending[i]); err != nil {
			return err
		}
	}
	ids, cursor, err := k.refreshIDs(ctx, int(params.RefreshPerBlock), signalled)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := apply(id, nil); err != nil {
			return err
		}
	}
	if sum.IsNegative() {
		return fmt.Errorf("sum of raw weights went negative: %s", sum)
	}
	// Weights with the final Σraw; an event only for a touched model whose
	// weight moved by more than the threshold since its last event.
	weigher := types.NewWeigher(params.Epsilon, n, sum)
	var events []*types.EventWeightChanged
	for i := range touched {
		st := &touched[i]
		w := weigher.Weight(st.Raw)
		if w.Sub(st.LastWeight).Abs().GT(params.WeightEventThreshold) {
			events = append(events, &types.EventWeightChanged{ModelId: st.ModelId, Old: st.LastWeight.String(), New: w.String()})
			st.LastWeight = w
		}
	}

	// Phase 3: writes.
	for _, ps := range pending {
		if err := k.Pending.Remove(ctx, ps.ModelId); err != nil {
			return err
		}
	}
	for i := range touched {
		if err := k.Models.Set(ctx, touched[i].ModelId, touched[i]); err != nil {
			return err
		}
	}
	if err := k.SumRaw.Set(ctx, sum); err != nil {
		return err
	}
	if len(ids) > 0 {
		if err := k.RefreshCursor.Set(ctx, cursor); err != nil {
			return err
		}
	}
	for _, ev := range events {
		if err := ctx.EventManager().EmitTypedEvent(ev); err != nil {
			return err
		}
	}
	return nil
}

// refreshIDs returns up to limit active model ids without signals this
// block, in round-robin order after the stored cursor (wrapping around
// once), and the new cursor: the last id it passed. It reads at most
// limit + |skip| keys.
func (k *Keeper) refreshIDs(ctx sdk.Context, limit int, skip map[uint64]bool) ([]uint64, uint64, error) {
	cursor, err := k.RefreshCursor.Get(ctx)
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return nil, 0, err
	}
	ids := make([]uint64, 0, limit)
	last := cursor
	walk := func(r *collections.Range[uint64]) (bool, error) {
		done := false
		err := k.Active.Walk(ctx, r, func(id uint64) (bool, error) {
			last = id
			if !skip[id] {
				ids = append(ids, id)
			}
			done = len(ids) >= limit
			return done, nil
		})
		return done, err
	}
	done, err := walk(new(collections.Range[uint64]).StartExclusive(cursor))
	if err != nil || done || cursor == 0 {
		return ids, last, err
	}
	_, err = walk(new(collections.Range[uint64]).EndInclusive(cursor))
	return ids, last, err
}

// updateRoleShares is the backlog half of EndBlock: one filter step with
// the current backlog level, then the shares, with an event when a share
// moved by more than the threshold since the last event.
func (k *Keeper) updateRoleShares(ctx sdk.Context, params types.Params) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errorsmod.Wrapf(types.ErrArithmetic, "backlog: %v", r)
		}
	}()
	b, err := k.getBacklog(ctx)
	if err != nil {
		return err
	}
	if h := ctx.BlockHeight(); b.LastHeight < h {
		b.Lambda = params.Backlog.Step(b.Lambda, sdkmath.LegacyNewDecFromInt(sdkmath.NewIntFromUint64(b.Level)))
		b.LastHeight = h
		if err := k.Backlog.Set(ctx, b); err != nil {
			return err
		}
	}
	shares, pressure := params.Shares(b.Lambda)
	last, err := k.LastRoleShares.Get(ctx)
	switch {
	case errors.Is(err, collections.ErrNotFound):
		return k.LastRoleShares.Set(ctx, shares)
	case err != nil:
		return err
	case shares.MaxDiff(last).LTE(params.WeightEventThreshold):
		return nil
	}
	if err := ctx.EventManager().EmitTypedEvent(&types.EventRoleSharesChanged{
		Optimizer: shares.Optimizer.String(),
		Evaluator: shares.Evaluator.String(),
		Validator: shares.Validator.String(),
		Community: shares.Community.String(),
		Backlog:   b.Lambda.String(),
		Pressure:  pressure.String(),
	}); err != nil {
		return err
	}
	return k.LastRoleShares.Set(ctx, shares)
}
