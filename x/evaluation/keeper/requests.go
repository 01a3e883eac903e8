package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/evaluation/types"
	"github.com/don-network/don/x/optima/domains"
	optimatypes "github.com/don-network/don/x/optima/types"
)

// GetRequest returns a request or ErrRequestNotFound.
func (k *Keeper) GetRequest(ctx context.Context, id uint64) (types.Request, error) {
	r, err := k.Requests.Get(ctx, id)
	if errors.Is(err, collections.ErrNotFound) {
		return r, errorsmod.Wrapf(types.ErrRequestNotFound, "request %d", id)
	}
	return r, err
}

// activeDomain resolves an active model's domain.
func (k *Keeper) activeDomain(ctx context.Context, modelID uint64) (optimatypes.Model, domains.Domain, domains.Config, error) {
	m, err := k.optima.GetModel(ctx, modelID)
	if err != nil {
		return m, nil, nil, errorsmod.Wrapf(types.ErrModelNotActive, "model %d: %s", modelID, err)
	}
	if m.Status != optimatypes.MODEL_STATUS_ACTIVE {
		return m, nil, nil, errorsmod.Wrapf(types.ErrModelNotActive, "model %d is %s", modelID, m.Status)
	}
	dom, cfg, err := optimatypes.ResolveDomain(m.Domain, m.Config)
	if err != nil {
		return m, nil, nil, err
	}
	return m, dom, cfg, nil
}

// queue puts a request's next due item at height h (replacing any other).
func (k *Keeper) queue(ctx context.Context, r *types.Request, h int64) error {
	if err := k.unqueue(ctx, r); err != nil {
		return err
	}
	r.DueHeight = h
	return k.Due.Set(ctx, collections.Join(h, r.Id))
}

// unqueue removes a request's due item, from the due queue or, if it
// failed, from the failed items: the request moved on, so neither its old
// step nor a retry of it may run.
func (k *Keeper) unqueue(ctx context.Context, r *types.Request) error {
	if r.DueHeight == 0 {
		return nil
	}
	if err := k.Due.Remove(ctx, collections.Join(r.DueHeight, r.Id)); err != nil {
		return err
	}
	r.DueHeight = 0
	return k.dropFailed(ctx, dueFailedKey(r.Id), false)
}

// changeOpen adds delta to the number of open requests.
func (k *Keeper) changeOpen(ctx context.Context, delta int64) error {
	n, err := k.OpenCount.Get(ctx)
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return err
	}
	if delta < 0 && n < uint64(-delta) {
		return errors.New("open request count would go negative")
	}
	return k.OpenCount.Set(ctx, uint64(int64(n)+delta))
}

// refundDue is when an unclaimed request is refunded.
func refundDue(params types.Params, r types.Request) int64 {
	return r.AuctionStart + int64(params.AuctionBlocks) + int64(params.RefundGraceBlocks)
}

// createRequest escrows max_fee and opens the auction.
func (k *Keeper) createRequest(ctx context.Context, client sdk.AccAddress, msg *types.MsgRequestEvaluation) (uint64, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return 0, err
	}
	_, dom, cfg, err := k.activeDomain(ctx, msg.ModelId)
	if err != nil {
		return 0, err
	}
	rows, err := types.CheckInputs(params, dom, cfg, msg.Inputs)
	if err != nil {
		return 0, err
	}
	if msg.MaxFee.IsNil() || msg.MaxFee.LT(params.MinFee) {
		return 0, errorsmod.Wrapf(types.ErrFeeTooLow, "max_fee %s < min_fee %s", msg.MaxFee, params.MinFee)
	}
	h := blockHeight(ctx)
	if lo, hi := h+int64(params.MinDeadlineBlocks), h+int64(params.MaxDeadlineBlocks); msg.Deadline < lo || msg.Deadline > hi {
		return 0, errorsmod.Wrapf(types.ErrInvalidDeadline, "deadline %d not in [%d, %d] at height %d", msg.Deadline, lo, hi, h)
	}
	if err := k.escrow(ctx, client, msg.MaxFee); err != nil {
		return 0, err
	}
	id, err := k.RequestSeq.Next(ctx)
	if err != nil {
		return 0, err
	}
	r := types.Request{
		Id: id, Client: msg.Client, ModelId: msg.ModelId, Rows: rows, Inputs: msg.Inputs,
		MaxFee: msg.MaxFee, Deadline: msg.Deadline, CreatedHeight: h, AuctionStart: h,
		Status: types.REQUEST_STATUS_OPEN, Price: sdkmath.ZeroInt(),
	}
	if err := k.queue(ctx, &r, refundDue(params, r)); err != nil {
		return 0, err
	}
	if err := k.Requests.Set(ctx, id, r); err != nil {
		return 0, err
	}
	if err := k.changeOpen(ctx, 1); err != nil {
		return 0, err
	}
	coin, err := k.coinOf(ctx)
	if err != nil {
		return 0, err
	}
	return id, emit(ctx, &types.EventRequestCreated{
		RequestId: id, Client: r.Client, ModelId: r.ModelId, Rows: rows, MaxFee: coin(r.MaxFee), Deadline: r.Deadline,
	})
}

// claimRequest assigns an open request to an evaluator at its personalised
// price and pins the model's best optimum.
func (k *Keeper) claimRequest(ctx context.Context, addr sdk.AccAddress, id uint64) (sdkmath.Int, uint64, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return sdkmath.Int{}, 0, err
	}
	r, err := k.GetRequest(ctx, id)
	if err != nil {
		return sdkmath.Int{}, 0, err
	}
	if r.Status != types.REQUEST_STATUS_OPEN {
		return sdkmath.Int{}, 0, errorsmod.Wrapf(types.ErrWrongStatus, "request %d is %s, not open", id, r.Status)
	}
	h := blockHeight(ctx)
	if h > r.Deadline {
		return sdkmath.Int{}, 0, errorsmod.Wrapf(types.ErrDeadlinePassed, "request %d: deadline %d", id, r.Deadline)
	}
	ev, err := k.GetEvaluator(ctx, addr)
	if err != nil {
		return sdkmath.Int{}, 0, err
	}
	if err := params.CheckClaim(ev, r.MaxFee, h); err != nil {
		return sdkmath.Int{}, 0, err
	}
	m, _, _, err := k.activeDomain(ctx, r.ModelId)
	if err != nil {
		return sdkmath.Int{}, 0, err
	}
	best, err := k.optima.BestOptimum(ctx, m)
	if err != nil {
		return sdkmath.Int{}, 0, errorsmod.Wrapf(types.ErrNoOptimum, "model %d: %s", m.Id, err)
	}
	price := params.EvaluatorPrice(r, ev, h)
	ev.Reputation = params.EffectiveReputation(ev, h)
	ev.Open++
	ev.Exposure = ev.Exposure.Add(r.MaxFee)
	r.Status = types.REQUEST_STATUS_CLAIMED
	r.Evaluator = ev.Address
	r.Price = price
	r.ClaimHeight = h
	r.OptimumId = best.Id
	if err := k.queue(ctx, &r, r.Deadline+int64(params.TimeoutGraceBlocks)); err != nil {
		return sdkmath.Int{}, 0, err
	}
	if err := k.Requests.Set(ctx, id, r); err != nil {
		return sdkmath.Int{}, 0, err
	}
	if err := k.Evaluators.Set(ctx, addr, ev); err != nil {
		return sdkmath.Int{}, 0, err
	}
	coin, err := k.coinOf(ctx)
	if err != nil {
		return sdkmath.Int{}, 0, err
	}
	return price, best.Id, emit(ctx, &types.EventRequestClaimed{
		RequestId: id, Evaluator: ev.Address, Price: coin(price), OptimumId: best.Id,
	})
}

// outputWidth is the pinned model's output width.
func (k *Keeper) outputWidth(ctx context.Context, r types.Request) (domains.Domain, domains.Config, int, error) {
	m, err := k.optima.GetModel(ctx, r.ModelId)
	if err != nil {
		return nil, nil, 0, err
	}
	dom, cfg, err := optimatypes.ResolveDomain(m.Domain, m.Config)
	if err != nil {
		return nil, nil, 0, err
	}
	return dom, cfg, dom.OutputDim(cfg), nil
}

// submitResult stores the assigned evaluator's outputs and opens the
// challenge window.
func (k *Keeper) submitResult(ctx context.Context, addr sdk.AccAddress, evaluator string, id uint64, outputs []int64) (int64, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return 0, err
	}
	r, err := k.GetRequest(ctx, id)
	if err != nil {
		return 0, err
	}
	if r.Status != types.REQUEST_STATUS_CLAIMED {
		return 0, errorsmod.Wrapf(types.ErrWrongStatus, "request %d is %s, not claimed", id, r.Status)
	}
	if r.Evaluator != evaluator {
		return 0, errorsmod.Wrapf(types.ErrNotAssigned, "request %d is assigned to %s", id, r.Evaluator)
	}
	// The grace lets a submission sent at the deadline land a few blocks
	// late (docs/evaluation.md, "Timeouts and refunds": one flaky
	// submission does not slash); the
	// timeout runs at the end of the grace, after this block's transactions.
	h := blockHeight(ctx)
	if last := r.Deadline + int64(params.TimeoutGraceBlocks); h > last {
		return 0, errorsmod.Wrapf(types.ErrDeadlinePassed, "request %d: deadline %d + grace %d, now %d", id, r.Deadline, params.TimeoutGraceBlocks, h)
	}
	_, _, width, err := k.outputWidth(ctx, r)
	if err != nil {
		return 0, err
	}
	if want := int(r.Rows) * width; len(outputs) != want {
		return 0, errorsmod.Wrapf(types.ErrInvalidOutputs, "%d outputs, want %d rows × %d = %d", len(outputs), r.Rows, width, want)
	}
	r.Outputs = outputs
	r.SubmitHeight = h
	r.Status = types.REQUEST_STATUS_SUBMITTED
	settle := h + int64(params.ChallengeBlocks)
	if err := k.queue(ctx, &r, settle); err != nil {
		return 0, err
	}
	if err := k.Requests.Set(ctx, id, r); err != nil {
		return 0, err
	}
	return settle, emit(ctx, &types.EventResultSubmitted{
		RequestId: id, Evaluator: evaluator, SettleHeight: settle,
	})
}

// cancelRequest refunds an unclaimed request to its client.
func (k *Keeper) cancelRequest(ctx context.Context, client sdk.AccAddress, clientStr string, id uint64) error {
	r, err := k.GetRequest(ctx, id)
	if err != nil {
		return err
	}
	if r.Client != clientStr {
		return errorsmod.Wrapf(types.ErrNotClient, "request %d belongs to %s", id, r.Client)
	}
	if r.Status != types.REQUEST_STATUS_OPEN {
		return errorsmod.Wrapf(types.ErrWrongStatus, "request %d is %s: only an open (unclaimed) request can be cancelled", id, r.Status)
	}
	return k.refund(ctx, &r, client, types.REQUEST_STATUS_CANCELLED, "cancelled by the client")
}

// refund returns the whole escrow to the client and ends the request.
func (k *Keeper) refund(ctx context.Context, r *types.Request, client sdk.AccAddress, status types.RequestStatus, reason string) error {
	if err := k.pay(ctx, client, r.MaxFee); err != nil {
		return err
	}
	if err := k.finish(ctx, r, status); err != nil {
		return err
	}
	coin, err := k.coinOf(ctx)
	if err != nil {
		return err
	}
	return emit(ctx, &types.EventRequestRefunded{
		RequestId: r.Id, Client: r.Client, Amount: coin(r.MaxFee), Status: status, Reason: reason,
	})
}

// finish puts a request in a final state: out of the backlog, and queued
// for deletion after request_retention_blocks (0: kept).
func (k *Keeper) finish(ctx context.Context, r *types.Request, status types.RequestStatus) error {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	if params.RequestRetentionBlocks > 0 {
		err = k.queue(ctx, r, blockHeight(ctx)+int64(params.RequestRetentionBlocks))
	} else {
		err = k.unqueue(ctx, r)
	}
	if err != nil {
		return err
	}
	r.Status = status
	if err := k.Requests.Set(ctx, r.Id, *r); err != nil {
		return err
	}
	return k.changeOpen(ctx, -1)
}
