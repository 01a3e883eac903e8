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
	n, sum, err := k.totals(ctx)
	if err != nil {
		return err
	}
	next, err := k.advance(params, sdkCtx.BlockHeight(), st, &s)
	if err == nil {
		sum, err = addRaw(sum, st.Raw, next.Raw)
	}
	if err != nil {
		k.Logger(sdkCtx).Error("signal dropped", "model", modelID, "err", err)
		return nil
	}
	ev := weightEvent(params, types.NewWeigher(params.Epsilon, n, sum), &next)
	if err := k.Models.Set(ctx, modelID, next); err != nil {
		return err
	}
	if err := k.SumRaw.Set(ctx, sum); err != nil {
		return err
	}
	if ev != nil {
		return sdkCtx.EventManager().EmitTypedEvent(ev)
	}
	return nil
}

// OnModelActivated adds a model to the active set with every filter at 0,
// as of the previous block (this block's signals make its first step). Its raw
// weight d0 / s0^σ joins Σraw. x/weights' params must exist: in genesis,
// x/weights initialises before x/optima registers its genesis models.
func (k *Keeper) OnModelActivated(ctx context.Context, modelID uint64) error {
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
	st.Raw = params.Raw(st)
	n, sum, err := k.totals(ctx)
	if err != nil {
		return err
	}
	n++
	sum = sum.Add(st.Raw)
	st.LastWeight = types.Weight(params.Epsilon, n, st.Raw, sum)
	if err := k.Models.Set(ctx, modelID, st); err != nil {
		return err
	}
	if err := k.Active.Set(ctx, modelID); err != nil {
		return err
	}
	if err := k.ActiveCount.Set(ctx, n); err != nil {
		return err
	}
	return k.SumRaw.Set(ctx, sum)
}

// OnModelRetired removes a model from the active set; its raw weight
// leaves Σraw and its state stays, frozen, for queries.
func (k *Keeper) OnModelRetired(ctx context.Context, modelID uint64) error {
	st, err := k.Models.Get(ctx, modelID)
	if errors.Is(err, collections.ErrNotFound) || (err == nil && !st.Active) {
		return errorsmod.Wrapf(types.ErrModelNotActive, "model %d is not active in x/weights", modelID)
	}
	if err != nil {
		return err
	}
	n, sum, err := k.totals(ctx)
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
	if err := k.ActiveCount.Set(ctx, n-1); err != nil {
		return err
	}
	return k.SumRaw.Set(ctx, sum.Sub(st.Raw))
}

// totals returns N and Σraw (0 before the first model).
func (k *Keeper) totals(ctx context.Context) (uint64, sdkmath.LegacyDec, error) {
	n, err := k.ActiveCount.Get(ctx)
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return 0, sdkmath.LegacyDec{}, err
	}
	sum, err := k.SumRaw.Get(ctx)
	if errors.Is(err, collections.ErrNotFound) {
		return n, sdkmath.LegacyZeroDec(), nil
	}
	return n, sum, err
}

func (k *Keeper) getBacklog(ctx context.Context) (types.BacklogState, error) {
	b, err := k.Backlog.Get(ctx)
	if errors.Is(err, collections.ErrNotFound) {
		return types.BacklogState{Lambda: sdkmath.LegacyZeroDec()}, nil
	}
	return b, err
}
