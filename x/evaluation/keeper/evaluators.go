package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/evaluation/types"
)

// coins is amt of the chain's denom (x/mint's), the coin of every fee,
// collateral and bond.
func (k *Keeper) coins(ctx context.Context, amt sdkmath.Int) (sdk.Coins, error) {
	denom, err := k.mint.Denom(ctx)
	if err != nil {
		return nil, err
	}
	return sdk.NewCoins(sdk.NewCoin(denom, amt)), nil
}

// coinOf returns the maker of amounts in the chain's denom, read once for
// an event's several amounts: every amount in an event is a Coin. It
// builds the Coin as it is, without sdk.NewCoin's check, so an event can
// never panic a block.
func (k *Keeper) coinOf(ctx context.Context) (func(sdkmath.Int) sdk.Coin, error) {
	denom, err := k.mint.Denom(ctx)
	if err != nil {
		return nil, err
	}
	return func(amt sdkmath.Int) sdk.Coin { return sdk.Coin{Denom: denom, Amount: amt} }, nil
}

// GetEvaluator returns a registered evaluator or ErrEvaluatorNotFound.
func (k *Keeper) GetEvaluator(ctx context.Context, addr sdk.AccAddress) (types.Evaluator, error) {
	ev, err := k.Evaluators.Get(ctx, addr)
	if errors.Is(err, collections.ErrNotFound) {
		return ev, errorsmod.Wrapf(types.ErrEvaluatorNotFound, "%s", addr)
	}
	return ev, err
}

// escrow moves amt from an account into the module, with a specific error
// when the account cannot pay.
func (k *Keeper) escrow(ctx context.Context, from sdk.AccAddress, amt sdkmath.Int) error {
	denom, err := k.mint.Denom(ctx)
	if err != nil {
		return err
	}
	if bal := k.bank.GetBalance(ctx, from, denom); bal.Amount.LT(amt) {
		return errorsmod.Wrapf(types.ErrInsufficientFunds, "%s has %s, needs %s%s", from, bal, amt, denom)
	}
	return k.bank.SendCoinsFromAccountToModule(ctx, from, types.ModuleName, sdk.NewCoins(sdk.NewCoin(denom, amt)))
}

// pay sends amt from the module to an account (nothing for 0).
func (k *Keeper) pay(ctx context.Context, to sdk.AccAddress, amt sdkmath.Int) error {
	if !amt.IsPositive() {
		return nil
	}
	c, err := k.coins(ctx, amt)
	if err != nil {
		return err
	}
	return k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, to, c)
}

// burn destroys amt held by the module (nothing for 0).
func (k *Keeper) burn(ctx context.Context, amt sdkmath.Int) error {
	if !amt.IsPositive() {
		return nil
	}
	c, err := k.coins(ctx, amt)
	if err != nil {
		return err
	}
	return k.bank.BurnCoins(ctx, types.ModuleName, c)
}

// registerEvaluator escrows the collateral of a new evaluator.
func (k *Keeper) registerEvaluator(ctx context.Context, addr sdk.AccAddress, collateral sdkmath.Int, capacity uint32) error {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	switch has, err := k.Evaluators.Has(ctx, addr); {
	case err != nil:
		return err
	case has:
		return errorsmod.Wrapf(types.ErrEvaluatorExists, "%s", addr)
	}
	if collateral.IsNil() || collateral.LT(params.MinCollateral) {
		return errorsmod.Wrapf(types.ErrCollateralTooLow, "collateral %s < min_collateral %s", collateral, params.MinCollateral)
	}
	if capacity == 0 || capacity > params.MaxCapacity {
		return errorsmod.Wrapf(types.ErrInvalidCapacity, "capacity %d not in [1, %d]", capacity, params.MaxCapacity)
	}
	addrStr, err := k.addressCodec.BytesToString(addr)
	if err != nil {
		return err
	}
	if err := k.escrow(ctx, addr, collateral); err != nil {
		return err
	}
	ev := types.Evaluator{
		Address: addrStr, Collateral: collateral, Capacity: capacity,
		Exposure: sdkmath.ZeroInt(), Reputation: params.InitialReputation,
	}
	if err := k.Evaluators.Set(ctx, addr, ev); err != nil {
		return err
	}
	coin, err := k.coinOf(ctx)
	if err != nil {
		return err
	}
	return emit(ctx, &types.EventEvaluatorRegistered{
		Evaluator: ev.Address, Collateral: coin(collateral), Capacity: capacity,
	})
}

// addCollateral adds to an evaluator's collateral (also while unbonding:
// it comes back with the rest).
func (k *Keeper) addCollateral(ctx context.Context, addr sdk.AccAddress, amt sdkmath.Int) error {
	if amt.IsNil() || !amt.IsPositive() {
		return errorsmod.Wrapf(types.ErrInvalidAmount, "amount %s must be positive", amt)
	}
	ev, err := k.GetEvaluator(ctx, addr)
	if err != nil {
		return err
	}
	if err := k.escrow(ctx, addr, amt); err != nil {
		return err
	}
	ev.Collateral = ev.Collateral.Add(amt)
	if err := k.Evaluators.Set(ctx, addr, ev); err != nil {
		return err
	}
	coin, err := k.coinOf(ctx)
	if err != nil {
		return err
	}
	return emit(ctx, &types.EventCollateralAdded{
		Evaluator: ev.Address, Amount: coin(amt), Collateral: coin(ev.Collateral),
	})
}

// unbondEvaluator starts the unbonding period of an evaluator with nothing
// open; it can claim nothing more, and EndBlock returns its collateral when
// the period ends.
func (k *Keeper) unbondEvaluator(ctx context.Context, addr sdk.AccAddress) (int64, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return 0, err
	}
	ev, err := k.GetEvaluator(ctx, addr)
	if err != nil {
		return 0, err
	}
	if ev.UnbondingHeight > 0 {
		return 0, errorsmod.Wrapf(types.ErrEvaluatorUnbonding, "%s unbonds at %d", addr, ev.UnbondingHeight)
	}
	if ev.Open > 0 {
		return 0, errorsmod.Wrapf(types.ErrOpenWork, "%s has %d open assignments", addr, ev.Open)
	}
	ev.UnbondingHeight = blockHeight(ctx) + int64(params.UnbondingBlocks)
	if err := k.Evaluators.Set(ctx, addr, ev); err != nil {
		return 0, err
	}
	if err := k.Unbonding.Set(ctx, collections.Join(ev.UnbondingHeight, addr)); err != nil {
		return 0, err
	}
	return ev.UnbondingHeight, emit(ctx, &types.EventEvaluatorUnbonding{
		Evaluator: ev.Address, UnbondingHeight: ev.UnbondingHeight,
	})
}

// completeUnbonding returns an unbonded evaluator's collateral and removes
// it (EndBlock, at its unbonding height).
func (k *Keeper) completeUnbonding(ctx context.Context, addr sdk.AccAddress, ev types.Evaluator) error {
	if err := k.pay(ctx, addr, ev.Collateral); err != nil {
		return err
	}
	if err := k.Evaluators.Remove(ctx, addr); err != nil {
		return err
	}
	coin, err := k.coinOf(ctx)
	if err != nil {
		return err
	}
	return emit(ctx, &types.EventEvaluatorUnbonded{
		Evaluator: ev.Address, Collateral: coin(ev.Collateral),
	})
}

// recordOutcome updates an evaluator's reputation and counters after a
// settled (success) or failed assignment, and releases the assignment.
func (k *Keeper) recordOutcome(ctx context.Context, params types.Params, ev *types.Evaluator, maxFee sdkmath.Int, success bool) error {
	old := params.EffectiveReputation(*ev, blockHeight(ctx))
	ev.Reputation = params.UpdateReputation(old, success)
	if success {
		ev.Successes++
	} else {
		ev.Failures++
		ev.LastFailureHeight = blockHeight(ctx)
	}
	if ev.Open > 0 {
		ev.Open--
	}
	ev.Exposure = ev.Exposure.Sub(maxFee)
	if ev.Exposure.IsNegative() {
		ev.Exposure = sdkmath.ZeroInt()
	}
	return emit(ctx, &types.EventReputationChanged{
		Evaluator: ev.Address, Old: old.String(), New: ev.Reputation.String(), Success: success,
	})
}
