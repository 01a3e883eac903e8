package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/weights/types"
)

// RecordReveal records a supply signal: one reveal, and one accepted
// optimum if accepted. x/optima calls it for every verified reveal.
func (k *Keeper) RecordReveal(ctx context.Context, modelID uint64, accepted bool) error {
	s := types.Signals{Reveals: 1}
	if accepted {
		s.Accepted = 1
	}
	return k.applySignals(ctx, modelID, s)
}

// RecordRequest records a demand signal: one evaluation request paying fee
// udon.
func (k *Keeper) RecordRequest(ctx context.Context, modelID uint64, fee sdkmath.Int) error {
	if fee.IsNil() || fee.IsNegative() {
		return errorsmod.Wrapf(types.ErrInvalidSignal, "fee %s must be non-negative", fee)
	}
	return k.applySignals(ctx, modelID, types.Signals{Requests: 1, Fees: fee})
}

// RecordBacklog records the current number of open evaluation requests. It
// is a level: the last value recorded in a block wins, and it holds until
// the next record. EndBlock feeds it to the backlog filter every block.
func (k *Keeper) RecordBacklog(ctx context.Context, openRequests uint64) error {
	b, err := k.getBacklog(ctx)
	if err != nil {
		return err
	}
	b.Level = openRequests
	return k.Backlog.Set(ctx, b)
}

// applySignals updates an active model's filters, raw weight and Σraw at
// once, in the recording transaction, which pays SignalGas for the
// arithmetic (its store accesses are metered as usual). So EndBlock never
// depends on how many signals a block had.
//
// The first record of a block for a model applies its idle blocks in closed
// form and the block's step with y; a further record of the same block adds
// α·y (the step is linear in y). An arithmetic overflow drops the signal
// (logged) rather than failing the caller's transaction.
func (k *Keeper) applySignals(ctx context.Context, modelID uint64, s types.Signals) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	st, err := k.Models.Get(ctx, modelID)
	if errors.Is(err, collections.ErrNotFound) || (err == nil && !st.Active) {
		return errorsmod.Wrapf(types.ErrModelNotActive, "model %d is not active in x/weights", modelID)
	}
	if err != nil {
		return err
	}
	sdkCtx.GasMeter().ConsumeGas(types.SignalGas, "x/weights signal")
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	t, err := k.totals(ctx)
	if err != nil {
		return err
	}
	next, err := k.advance(params, sdkCtx.BlockHeight(), st, &s)
	if err == nil {
		t.SumRaw, err = addRaw(t.SumRaw, st.Raw, next.Raw)
	}
	if err != nil {
		k.Logger(ctx).Error("signal dropped", "model", modelID, "err", err)
		return nil
	}
	ev := weightEvent(params, types.NewWeigher(params.Epsilon, t), &next)
	if err := k.Models.Set(ctx, modelID, next); err != nil {
		return err
	}
	if err := k.SumRaw.Set(ctx, t.SumRaw); err != nil {
		return err
	}
	if ev != nil {
		return sdkCtx.EventManager().EmitTypedEvent(ev)
	}
	return nil
}

// OnModelActivated adds a model to the active set with every filter at 0,
// as of the previous block (this block's signals make its first step). An
// admitted model's raw weight d0 / s0^σ joins Σraw; an open model starts at
// raw 0 and weighs nothing until clients pay for it. x/weights' params must
// exist: in genesis, x/weights initialises before x/optima registers its
// genesis models.
func (k *Keeper) OnModelActivated(ctx context.Context, modelID uint64, admitted bool) error {
	if modelID == 0 {
		return errorsmod.Wrap(types.ErrModelNotFound, "model id 0")
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return errorsmod.Wrapf(err, "x/weights params (x/weights must initialise its genesis before x/optima)")
	}
	old, err := k.Models.Get(ctx, modelID)
	switch {
	case err == nil && old.Active:
		return errorsmod.Wrapf(types.ErrModelAlreadyActive, "model %d", modelID)
	case err != nil && !errors.Is(err, collections.ErrNotFound):
		return err
	}
	h := sdk.UnwrapSDKContext(ctx).BlockHeight() - 1
	if h < 0 {
		h = 0
	}
	st := types.NewModelState(modelID, h)
	st.Admitted = admitted
	st.Raw = params.Raw(st)
	t, err := k.totals(ctx)
	if err != nil {
		return err
	}
	t.Add(st)
	st.LastWeight = types.Weight(params.Epsilon, t, st)
	if err := k.Models.Set(ctx, modelID, st); err != nil {
		return err
	}
	if err := k.Active.Set(ctx, modelID); err != nil {
		return err
	}
	return k.setTotals(ctx, t)
}

// OnModelAdmitted makes an active open model admitted: it gets the prior
// demand d0 (its filters are first brought to this block, so the new raw
// weight is current) and the ε floor.
func (k *Keeper) OnModelAdmitted(ctx context.Context, modelID uint64) error {
	st, err := k.activeState(ctx, modelID)
	if err != nil {
		return err
	}
	if st.Admitted {
		return errorsmod.Wrapf(types.ErrModelAlreadyAdmitted, "model %d", modelID)
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	t, err := k.totals(ctx)
	if err != nil {
		return err
	}
	// An empty observation brings the filters to this block (or leaves a
	// current model's as they are) and recomputes raw with the prior.
	admitted := st
	admitted.Admitted = true
	next, err := k.advance(params, sdk.UnwrapSDKContext(ctx).BlockHeight(), admitted, &types.Signals{})
	if err != nil {
		return err
	}
	if t.SumRaw, err = addRaw(t.SumRaw, st.Raw, next.Raw); err != nil {
		return err
	}
	t.Admitted++
	next.LastWeight = types.Weight(params.Epsilon, t, next)
	if err := k.Models.Set(ctx, modelID, next); err != nil {
		return err
	}
	return k.setTotals(ctx, t)
}

// OnModelRetired removes a model from the active set; its raw weight
// leaves Σraw and its state stays, frozen, for queries.
func (k *Keeper) OnModelRetired(ctx context.Context, modelID uint64) error {
	st, err := k.activeState(ctx, modelID)
	if err != nil {
		return err
	}
	t, err := k.totals(ctx)
	if err != nil {
		return err
	}
	st.Active = false
	st.LastWeight = sdkmath.LegacyZeroDec()
	if err := k.Models.Set(ctx, modelID, st); err != nil {
		return err
	}
	if err := k.Active.Remove(ctx, modelID); err != nil {
		return err
	}
	t.N--
	if st.Admitted {
		t.Admitted--
	}
	t.SumRaw = t.SumRaw.Sub(st.Raw)
	return k.setTotals(ctx, t)
}

// activeState returns the state of an active model, or ErrModelNotActive.
func (k *Keeper) activeState(ctx context.Context, modelID uint64) (types.ModelState, error) {
	st, err := k.Models.Get(ctx, modelID)
	if errors.Is(err, collections.ErrNotFound) || (err == nil && !st.Active) {
		return st, errorsmod.Wrapf(types.ErrModelNotActive, "model %d is not active in x/weights", modelID)
	}
	return st, err
}

// totals returns N, N_a and Σraw (0 before the first model).
func (k *Keeper) totals(ctx context.Context) (types.Totals, error) {
	var t types.Totals
	var err error
	if t.N, err = k.ActiveCount.Get(ctx); err != nil && !errors.Is(err, collections.ErrNotFound) {
		return t, err
	}
	if t.Admitted, err = k.AdmittedCount.Get(ctx); err != nil && !errors.Is(err, collections.ErrNotFound) {
		return t, err
	}
	t.SumRaw, err = k.SumRaw.Get(ctx)
	if errors.Is(err, collections.ErrNotFound) {
		t.SumRaw = sdkmath.LegacyZeroDec()
		return t, nil
	}
	return t, err
}

// setTotals stores N, N_a and Σraw.
func (k *Keeper) setTotals(ctx context.Context, t types.Totals) error {
	if err := k.ActiveCount.Set(ctx, t.N); err != nil {
		return err
	}
	if err := k.AdmittedCount.Set(ctx, t.Admitted); err != nil {
		return err
	}
	return k.SumRaw.Set(ctx, t.SumRaw)
}

func (k *Keeper) getBacklog(ctx context.Context) (types.BacklogState, error) {
	b, err := k.Backlog.Get(ctx)
	if errors.Is(err, collections.ErrNotFound) {
		return types.BacklogState{Lambda: sdkmath.LegacyZeroDec()}, nil
	}
	return b, err
}
