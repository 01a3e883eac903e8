package keeper

import (
	"context"
	"errors"
	"fmt"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/weights/types"
)

// EndBlocker refreshes a bounded number of idle models, then updates the
// backlog filter and the role shares.
//
// Signals do not wait for EndBlock: they are applied when recorded, paid by
// the recording transaction (applySignals). EndBlock visits the next
// refresh_per_block active models, round robin from RefreshCursor, and
// advances the ones behind the block. Every other model is untouched: its
// idle blocks are applied later, in closed form, when it is next touched.
// So the cost grows neither with the models nor with the signals of the
// block.
//
// It never halts the chain: a model whose arithmetic overflows keeps its
// state and is logged; a failed read leaves the state as it was.
func (k *Keeper) EndBlocker(ctx context.Context) error {
	h := sdk.UnwrapSDKContext(ctx).BlockHeight()
	params, err := k.Params.Get(ctx)
	if err != nil {
		k.Logger(ctx).Error("no params", "err", err)
		return nil
	}
	if err := k.refreshModels(ctx, params); err != nil {
		k.Logger(ctx).Error("model refresh failed", "height", h, "err", err)
	}
	if err := k.updateRoleShares(ctx, params); err != nil {
		k.Logger(ctx).Error("role share update failed", "height", h, "err", err)
	}
	return nil
}

// advance brings a model state to height h with the observations s (nil:
// none): a state behind h gets its idle blocks last_height+1 … h−1 in
// closed form and block h's step; a state already at h gets α·y added.
// raw is recomputed. LegacyDec panics on overflow; that is returned as
// ErrArithmetic.
func (k *Keeper) advance(params types.Params, h int64, st types.ModelState, s *types.Signals) (out types.ModelState, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errorsmod.Wrapf(types.ErrArithmetic, "model %d: %v", st.ModelId, r)
		}
	}()
	if s == nil && st.LastHeight >= h {
		return st, nil // already current
	}
	k.decayMu.Lock()
	defer k.decayMu.Unlock()
	zero := sdkmath.LegacyZeroDec()
	for kind := 0; kind < types.NumModelKinds; kind++ {
		d := k.decayer(params.Filter(kind))
		y := zero
		if s != nil {
			y = s.Observation(kind)
		}
		lambda := st.Lambda(kind)
		if st.LastHeight >= h {
			st.SetLambda(kind, d.Add(lambda, y))
			continue
		}
		if idle := h - 1 - st.LastHeight; idle > 0 {
			lambda = d.Decay(lambda, uint64(idle))
		}
		st.SetLambda(kind, d.Step(lambda, y))
	}
	st.LastHeight = max(st.LastHeight, h)
	st.Raw = params.RawSixteenths(st, params.SigmaSixteenths())
	return st, nil
}

// addRaw returns Σraw with one model's raw replaced, refusing a negative sum
// (which only broken state could produce).
func addRaw(sum, oldRaw, newRaw sdkmath.LegacyDec) (out sdkmath.LegacyDec, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errorsmod.Wrapf(types.ErrArithmetic, "sum of raw weights: %v", r)
		}
	}()
	out = sum.Sub(oldRaw).Add(newRaw)
	if out.IsNegative() {
		return out, fmt.Errorf("sum of raw weights went negative: %s", out)
	}
	return out, nil
}

// weightEvent returns the event of a model whose weight moved by more than
// the threshold since its last event (and records the new weight in st),
// or nil.
func weightEvent(params types.Params, weigher types.Weigher, st *types.ModelState) *types.EventWeightChanged {
	w := weigher.Weight(st.Raw, st.Admitted)
	if w.Sub(st.LastWeight).Abs().LTE(params.WeightEventThreshold) {
		return nil
	}
	ev := &types.EventWeightChanged{ModelId: st.ModelId, Old: st.LastWeight.String(), New: w.String()}
	st.LastWeight = w
	return ev
}

// refreshModels is the model half of EndBlock. Phase 1 reads the refresh
// candidates and the totals; phase 2 computes the new states, Σraw, weights
// and events in memory; phase 3 writes. A store error or an overflow of
// Σraw returns before anything is written.
func (k *Keeper) refreshModels(ctx context.Context, params types.Params) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	h := sdkCtx.BlockHeight()
	states, cursor, err := k.refreshCandidates(ctx, int(params.RefreshPerBlock), h)
	if err != nil || len(states) == 0 {
		return err
	}
	t, err := k.totals(ctx)
	if err != nil {
		return err
	}
	touched := make([]types.ModelState, 0, len(states))
	for _, st := range states {
		next, err := k.advance(params, h, st, nil)
		if err != nil {
			k.Logger(ctx).Error("model skipped", "model", st.ModelId, "err", err)
			continue // out-of-range arithmetic in one model: it keeps its state
		}
		if t.SumRaw, err = addRaw(t.SumRaw, st.Raw, next.Raw); err != nil {
			return err
		}
		touched = append(touched, next)
	}
	// Events with the final Σraw.
	weigher := types.NewWeigher(params.Epsilon, t)
	var events []*types.EventWeightChanged
	for i := range touched {
		if ev := weightEvent(params, weigher, &touched[i]); ev != nil {
			events = append(events, ev)
		}
	}

	// Phase 3: writes.
	for i := range touched {
		if err := k.Models.Set(ctx, touched[i].ModelId, touched[i]); err != nil {
			return err
		}
	}
	if err := k.SumRaw.Set(ctx, t.SumRaw); err != nil {
		return err
	}
	if err := k.RefreshCursor.Set(ctx, cursor); err != nil {
		return err
	}
	for _, ev := range events {
		if err := sdkCtx.EventManager().EmitTypedEvent(ev); err != nil {
			return err
		}
	}
	return nil
}

// refreshCandidates visits the next limit active models in round-robin
// order after the stored cursor (wrapping around once) and returns the ones
// behind height h, and the new cursor: the last id visited. Models already
// at h (signalled this block) need no refresh and are passed over, so
// EndBlock reads at most limit states whatever the block's signals, and
// every active model is visited within ⌈N / limit⌉ blocks.
//
// It reads the states with one iterator over Models (sequential reads from
// the database rather than one lookup per id), passing over retired ones
// without counting them; the Active set bounds how many those can be
// between two active models only through retirement, which is rare and
// paid by its transaction.
func (k *Keeper) refreshCandidates(ctx context.Context, limit int, h int64) ([]types.ModelState, uint64, error) {
	cursor, err := k.RefreshCursor.Get(ctx)
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return nil, 0, err
	}
	out := make([]types.ModelState, 0, limit)
	last, visited := cursor, 0
	walk := func(r *collections.Range[uint64]) (bool, error) {
		done := false
		err := k.Models.Walk(ctx, r, func(id uint64, st types.ModelState) (bool, error) {
			last = id
			if !st.Active {
				return false, nil
			}
			visited++
			if st.LastHeight < h {
				out = append(out, st)
			}
			done = visited >= limit
			return done, nil
		})
		return done, err
	}
	done, err := walk(new(collections.Range[uint64]).StartExclusive(cursor))
	if err != nil || done || cursor == 0 {
		return out, last, err
	}
	_, err = walk(new(collections.Range[uint64]).EndInclusive(cursor))
	return out, last, err
}

// updateRoleShares is the backlog half of EndBlock: one filter step with
// the current backlog level, then the shares, with an event when a share
// moved by more than the threshold since the last event.
func (k *Keeper) updateRoleShares(ctx context.Context, params types.Params) (err error) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	defer func() {
		if r := recover(); r != nil {
			err = errorsmod.Wrapf(types.ErrArithmetic, "backlog: %v", r)
		}
	}()
	b, err := k.getBacklog(ctx)
	if err != nil {
		return err
	}
	if h := sdkCtx.BlockHeight(); b.LastHeight < h {
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
	if err := sdkCtx.EventManager().EmitTypedEvent(&types.EventRoleSharesChanged{
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
