package simulation

import (
	"context"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/testutil/simkit"
	"github.com/don-network/don/x/evaluation/keeper"
	"github.com/don-network/don/x/evaluation/types"
)

const (
	// invalidOneIn is the share of messages built to be refused.
	invalidOneIn = 10
	// accountRetries is how many random accounts a factory tries against
	// its filters before it skips.
	accountRetries = 5
)

// coin is amt of x/mint's denom, the coin of every amount here, which
// x/mint's simulated genesis sets to the simulation's bond denom.
func coin(amt sdkmath.Int) sdk.Coin { return sdk.NewCoin(sdk.DefaultBondDenom, amt) }

func height(ctx context.Context) int64 { return sdk.UnwrapSDKContext(ctx).BlockHeight() }

// reserve sets amt of acc's liquid balance aside for the message, so the
// random fee is drawn from the rest and cannot leave too little for it;
// false when acc does not hold amt. acc must be the very value returned
// as the signer (it carries the balance it was reserved from).
func reserve(acc *simsx.SimAccount, amt sdkmath.Int) bool {
	return !amt.IsPositive() || acc.LiquidBalance().BlockAmount(coin(amt))
}

// notEvaluator accepts the accounts that are not registered evaluators.
func notEvaluator(ctx context.Context, k *keeper.Keeper) simsx.SimAccountFilter {
	return simsx.SimAccountFilterFn(func(a simsx.SimAccount) bool {
		has, err := k.Evaluators.Has(ctx, a.Address)
		return err == nil && !has
	})
}

// params reads the params or skips.
func params(ctx context.Context, k *keeper.Keeper, reporter simsx.SimulationReporter) (types.Params, bool) {
	p, err := k.Params.Get(ctx)
	if err != nil {
		reporter.Skip(err.Error())
		return p, false
	}
	return p, true
}

// simEvaluators returns the evaluators that are simulation accounts (whose
// keys the simulation holds) and that keep accepts, or skips when none.
func simEvaluators(ctx context.Context, k *keeper.Keeper, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter, keep func(types.Evaluator) bool) []types.Evaluator {
	evs, err := evaluators(ctx, k, func(ev types.Evaluator) bool { return testData.HasAccount(ev.Address) && keep(ev) })
	if err != nil {
		reporter.Skip(err.Error())
		return nil
	}
	if len(evs) == 0 {
		reporter.Skip("no evaluator for this message")
	}
	return evs
}

// MsgRegisterEvaluatorFactory registers an account that is not an
// evaluator with one to ten times the minimum collateral; one in ten is
// refused for a collateral below the minimum or a capacity of 0.
func MsgRegisterEvaluatorFactory(k *keeper.Keeper) *simsx.ResultHandlingSimMsgFactory[*types.MsgRegisterEvaluator] {
	return simsx.NewSimMsgFactoryWithDeliveryResultHandler(func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRegisterEvaluator, simsx.SimDeliveryResultHandler) {
		r := testData.Rand().Rand
		p, ok := params(ctx, k, reporter)
		if !ok {
			return nil, nil, nil
		}
		collateral := p.MinCollateral.MulRaw(int64(1 + r.Intn(10)))
		acc := testData.AnyAccountN(accountRetries, reporter, notEvaluator(ctx, k), simsx.WithLiquidBalanceGTE(coin(collateral)))
		if reporter.IsSkipped() {
			return nil, nil, nil
		}
		msg := &types.MsgRegisterEvaluator{Evaluator: acc.AddressBech32, Collateral: collateral, Capacity: uint32(1 + r.Intn(int(p.MaxCapacity)))}
		if simkit.Invalid(r, invalidOneIn) {
			if r.Intn(2) == 0 {
				msg.Collateral = p.MinCollateral.SubRaw(1)
				return []simsx.SimAccount{acc}, msg, simkit.ExpectError(types.ErrCollateralTooLow)
			}
			msg.Capacity = 0
			return []simsx.SimAccount{acc}, msg, simkit.ExpectError(types.ErrInvalidCapacity)
		}
		if !reserve(&acc, collateral) {
			reporter.Skip("collateral not spendable")
			return nil, nil, nil
		}
		return []simsx.SimAccount{acc}, msg, nil
	})
}

// MsgAddCollateralFactory adds up to the minimum collateral to an
// evaluator (unbonding ones too: it comes back with the rest); one in ten
// is sent by an account that is no evaluator.
func MsgAddCollateralFactory(k *keeper.Keeper) *simsx.ResultHandlingSimMsgFactory[*types.MsgAddCollateral] {
	return simsx.NewSimMsgFactoryWithDeliveryResultHandler(func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgAddCollateral, simsx.SimDeliveryResultHandler) {
		r := testData.Rand().Rand
		p, ok := params(ctx, k, reporter)
		if !ok {
			return nil, nil, nil
		}
		amount := p.MinCollateral.QuoRaw(int64(1 + r.Intn(4))).AddRaw(1)
		if simkit.Invalid(r, invalidOneIn) {
			acc := testData.AnyAccountN(accountRetries, reporter, notEvaluator(ctx, k))
			if reporter.IsSkipped() {
				return nil, nil, nil
			}
			msg := &types.MsgAddCollateral{Evaluator: acc.AddressBech32, Amount: amount}
			return []simsx.SimAccount{acc}, msg, simkit.ExpectError(types.ErrEvaluatorNotFound)
		}
		evs := simEvaluators(ctx, k, testData, reporter, func(types.Evaluator) bool { return true })
		if reporter.IsSkipped() {
			return nil, nil, nil
		}
		acc := testData.GetAccount(reporter, simkit.Pick(r, evs).Address)
		if !reserve(&acc, amount) {
			reporter.Skip("evaluator cannot pay the collateral")
			return nil, nil, nil
		}
		return []simsx.SimAccount{acc}, &types.MsgAddCollateral{Evaluator: acc.AddressBech32, Amount: amount}, nil
	})
}

// MsgUnbondEvaluatorFactory unbonds an evaluator with no open work; one in
// ten tries an evaluator that is busy or already unbonding.
func MsgUnbondEvaluatorFactory(k *keeper.Keeper) *simsx.ResultHandlingSimMsgFactory[*types.MsgUnbondEvaluator] {
	return simsx.NewSimMsgFactoryWithDeliveryResultHandler(func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgUnbondEvaluator, simsx.SimDeliveryResultHandler) {
		r := testData.Rand().Rand
		idle := func(ev types.Evaluator) bool { return ev.UnbondingHeight == 0 && ev.Open == 0 }
		if simkit.Invalid(r, invalidOneIn) {
			evs := simEvaluators(ctx, k, testData, reporter, func(ev types.Evaluator) bool { return !idle(ev) })
			if reporter.IsSkipped() {
				return nil, nil, nil
			}
			ev := simkit.Pick(r, evs)
			acc := testData.GetAccount(reporter, ev.Address)
			want := types.ErrOpenWork
			if ev.UnbondingHeight > 0 { // checked first
				want = types.ErrEvaluatorUnbonding
			}
			return []simsx.SimAccount{acc}, &types.MsgUnbondEvaluator{Evaluator: acc.AddressBech32}, simkit.ExpectError(want)
		}
		evs := simEvaluators(ctx, k, testData, reporter, idle)
		if reporter.IsSkipped() {
			return nil, nil, nil
		}
		acc := testData.GetAccount(reporter, simkit.Pick(r, evs).Address)
		return []simsx.SimAccount{acc}, &types.MsgUnbondEvaluator{Evaluator: acc.AddressBech32}, nil
	})
}
