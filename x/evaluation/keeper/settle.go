package keeper

import (
	"context"
	"errors"

	sdkmath "cosmossdk.io/math"

	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/don-network/don/x/evaluation/types"
	weightstypes "github.com/don-network/don/x/weights/types"
)

// Split is how a settled price is divided.
type Split struct {
	Burned, Royalty, EvaluatorFee, ClientRefund sdkmath.Int
}

// SplitPrice divides a price (docs/evaluation.md, "Settlement"):
// burned = ⌊price·burn⌋,
// royalty = ⌊price·royalty⌋, the evaluator gets the rest of the price and
// the client max_fee − price.
func SplitPrice(params types.Params, price, maxFee sdkmath.Int) Split {
	burned := params.DemandBurnFraction.MulInt(price).TruncateInt()
	royalty := params.RoyaltyFraction.MulInt(price).TruncateInt()
	return Split{
		Burned: burned, Royalty: royalty,
		EvaluatorFee: price.Sub(burned).Sub(royalty),
		ClientRefund: maxFee.Sub(price),
	}
}

// EvaluatorWork is a settled request's evaluator work: burned × reputation.
func EvaluatorWork(burned sdkmath.Int, reputation sdkmath.LegacyDec) sdkmath.LegacyDec {
	return reputation.MulInt(burned)
}

// settle pays a request whose challenge window ended: the evaluator's fee,
// the optimizer's royalty, the burn and the client's change; then records
// the usage, the demand signal and the evaluator work (burned × reputation).
func (k *Keeper) settle(ctx context.Context, params types.Params, r types.Request) error {
	evAddr, err := k.addressCodec.StringToBytes(r.Evaluator)
	if err != nil {
		return err
	}
	client, err := k.addressCodec.StringToBytes(r.Client)
	if err != nil {
		return err
	}
	ev, err := k.GetEvaluator(ctx, evAddr)
	if err != nil {
		return err
	}
	optimum, err := k.optima.GetOptimum(ctx, r.ModelId, r.OptimumId)
	if err != nil {
		return err
	}
	s := SplitPrice(params, r.Price, r.MaxFee)
	if err := k.pay(ctx, evAddr, s.EvaluatorFee); err != nil {
		return err
	}
	if err := k.pay(ctx, client, s.ClientRefund); err != nil {
		return err
	}
	if err := k.payRoyalty(ctx, optimum.Optimizer, s.Royalty); err != nil {
		return err
	}
	if err := k.burn(ctx, s.Burned); err != nil {
		return err
	}
	if err := k.optima.RecordUsage(ctx, r.ModelId, r.OptimumId); err != nil {
		return err
	}
	// Demand of a model retired since the claim is not recorded.
	if err := k.weights.RecordRequest(ctx, r.ModelId, r.Price); err != nil && !errors.Is(err, weightstypes.ErrModelNotActive) {
		return err
	}
	if err := k.recordOutcome(ctx, params, &ev, r.MaxFee, true); err != nil {
		return err
	}
	// Evaluator work for x/mint's evaluator pool (docs/mint.md, "Evaluator
	// pool"): the udon this request burned × the reputation after this
	// success. Paid by the burn, it cannot be farmed with free requests:
	// x/mint returns at most evaluator_mint_per_burn of it.
	if err := k.mint.AddEvaluatorWork(ctx, evAddr, EvaluatorWork(s.Burned, ev.Reputation)); err != nil {
		return err
	}
	if err := k.Evaluators.Set(ctx, evAddr, ev); err != nil {
		return err
	}
	if err := k.finish(ctx, &r, types.REQUEST_STATUS_SETTLED); err != nil {
		return err
	}
	coin, err := k.coinOf(ctx)
	if err != nil {
		return err
	}
	return emit(ctx, &types.EventRequestSettled{
		RequestId: r.Id, Evaluator: r.Evaluator, Price: coin(r.Price), EvaluatorFee: coin(s.EvaluatorFee),
		Royalty: coin(s.Royalty), Optimizer: optimum.Optimizer, Burned: coin(s.Burned), ClientRefund: coin(s.ClientRefund),
	})
}

// timeout handles a claimed request without a result after its deadline
// and grace: the evaluator loses slash_fraction_timeout of its collateral
// (burned) and records a failure; the request goes back to auction once,
// with a response window as long as the first, else is refunded.
func (k *Keeper) timeout(ctx context.Context, params types.Params, r types.Request) error {
	evAddr, err := k.addressCodec.StringToBytes(r.Evaluator)
	if err != nil {
		return err
	}
	ev, err := k.GetEvaluator(ctx, evAddr)
	if err != nil {
		return err
	}
	slash := params.SlashFractionTimeout.MulInt(ev.Collateral).TruncateInt()
	ev.Collateral = ev.Collateral.Sub(slash)
	if err := k.burn(ctx, slash); err != nil {
		return err
	}
	if err := k.recordOutcome(ctx, params, &ev, r.MaxFee, false); err != nil {
		return err
	}
	if err := k.Evaluators.Set(ctx, evAddr, ev); err != nil {
		return err
	}
	coin, err := k.coinOf(ctx)
	if err != nil {
		return err
	}
	event := &types.EventRequestTimedOut{RequestId: r.Id, Evaluator: r.Evaluator, Slashed: coin(slash), Reauctioned: !r.Reauctioned}
	if err := emit(ctx, event); err != nil {
		return err
	}
	if r.Reauctioned {
		client, err := k.addressCodec.StringToBytes(r.Client)
		if err != nil {
			return err
		}
		return k.refund(ctx, &r, client, types.REQUEST_STATUS_REFUNDED, "timed out after its re-auction")
	}
	h := blockHeight(ctx)
	window := r.Deadline - r.AuctionStart
	r.Reauctioned = true
	r.AuctionStart = h
	r.Deadline = h + window
	r.Status = types.REQUEST_STATUS_OPEN
	r.Evaluator, r.Price, r.ClaimHeight, r.OptimumId = "", sdkmath.ZeroInt(), 0, 0
	if err := k.queue(ctx, &r, refundDue(params, r)); err != nil {
		return err
	}
	return k.Requests.Set(ctx, r.Id, r)
}

// payRoyalty pays the optimizer of the pinned optimum. Optimum 0 of a
// model is its creator's; a genesis model's creator is the gov authority,
// a module account that must not receive coins outside its own logic, so
// that royalty goes to the community pool.
func (k *Keeper) payRoyalty(ctx context.Context, optimizer string, amt sdkmath.Int) error {
	if !amt.IsPositive() {
		return nil
	}
	addr, err := k.addressCodec.StringToBytes(optimizer)
	if err != nil {
		return err
	}
	if optimizer == k.authority {
		c, err := k.coins(ctx, amt)
		if err != nil {
			return err
		}
		return k.distr.FundCommunityPool(ctx, c, authtypes.NewModuleAddress(types.ModuleName))
	}
	return k.pay(ctx, addr, amt)
}
