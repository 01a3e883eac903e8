package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/don-network/don/x/mint/types"
)

// CheckInvariants: every minted coin was paid out, to the last unit, or is
// owed by a pending round payout (minted_total = paid_total + what the
// payouts owe), and issuance stays within max_supply; the module account
// holds exactly what the payouts owe; every kept round record balances and
// paid its evaluators at most evaluator_mint_per_burn × their work (per
// evaluator, the payout refuses a payment above its own bound); a record
// still paying has its payout and agrees with it; the work entries are
// positive, of the open round or of a pending payout, and sum to the open
// round's totals and to the work each payout has left to pay.
func (k *Keeper) CheckInvariants(ctx context.Context) error {
	p, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	m, err := k.Minter.Get(ctx)
	if err != nil {
		return err
	}
	payouts, err := k.checkPayouts(ctx)
	if err != nil {
		return err
	}
	unpaid := sdkmath.ZeroInt()
	owed := []sdk.Coin{sdk.NewCoin(p.MintDenom, sdkmath.ZeroInt())} // by denom, in payout order
	for _, po := range payouts {
		unpaid = unpaid.Add(po.Unpaid())
		i := 0
		for i < len(owed) && owed[i].Denom != po.Denom {
			i++
		}
		if i == len(owed) {
			owed = append(owed, sdk.NewCoin(po.Denom, sdkmath.ZeroInt()))
		}
		owed[i].Amount = owed[i].Amount.Add(po.Unpaid())
	}
	if !m.MintedTotal.Equal(m.PaidTotal.Add(unpaid)) {
		return fmt.Errorf("minted %s but paid %s with %s pending", m.MintedTotal, m.PaidTotal, unpaid)
	}
	if m.MintedTotal.GT(p.MaxSupply) {
		return fmt.Errorf("minted %s above max_supply %s", m.MintedTotal, p.MaxSupply)
	}
	for _, c := range owed {
		if bal := k.bank.GetBalance(ctx, authtypes.NewModuleAddress(types.ModuleName), c.Denom); !bal.Amount.Equal(c.Amount) {
			return fmt.Errorf("mint module holds %s, the pending payouts owe %s", bal, c)
		}
	}
	if err := k.checkWorkEntries(ctx, types.RoleOptimizer, k.OptimizerWork, m.Round, m.Work, payouts,
		func(po types.RoundPayout) sdkmath.LegacyDec { return po.Optimizer.UnpaidWork() }); err != nil {
		return err
	}
	if err := k.checkWorkEntries(ctx, types.RoleEvaluator, k.EvaluatorWork, m.Round, m.EvaluatorWork, payouts,
		func(po types.RoundPayout) sdkmath.LegacyDec { return po.Evaluator.UnpaidWork() }); err != nil {
		return err
	}
	return k.Rounds.Walk(ctx, nil, func(_ uint64, r types.RoundRecord) (bool, error) {
		if err := r.Validate(); err != nil {
			return true, err
		}
		po, pending := payouts[r.Round]
		switch {
		case pending:
			return false, po.CheckRecord(r)
		case r.Paying:
			return true, fmt.Errorf("round %d is paying without a pending payout", r.Round)
		}
		return false, nil
	})
}

// checkPayouts validates every pending payout and returns them by round.
func (k *Keeper) checkPayouts(ctx context.Context) (map[uint64]types.RoundPayout, error) {
	payouts := make(map[uint64]types.RoundPayout)
	err := k.Payouts.Walk(ctx, nil, func(round uint64, po types.RoundPayout) (bool, error) {
		if po.Round != round {
			return true, fmt.Errorf("payout of round %d stored as round %d", po.Round, round)
		}
		payouts[round] = po
		return false, po.Validate()
	})
	return payouts, err
}

// checkWorkEntries: every entry is positive and of the open round or of a
// pending payout (a payment deletes its entry), and they sum to the open
// round's total and to what each payout has left to pay.
func (k *Keeper) checkWorkEntries(
	ctx context.Context, role string, entries workEntries,
	round uint64, total sdkmath.LegacyDec,
	payouts map[uint64]types.RoundPayout, left func(types.RoundPayout) sdkmath.LegacyDec,
) error {
	sum := sdkmath.LegacyZeroDec()
	pending := make(map[uint64]sdkmath.LegacyDec, len(payouts))
	err := entries.Walk(ctx, nil, func(key collections.Pair[uint64, sdk.AccAddress], w sdkmath.LegacyDec) (bool, error) {
		if !w.IsPositive() {
			return true, fmt.Errorf("%s work %s of %s in round %d", role, w, key.K2(), key.K1())
		}
		if key.K1() == round {
			sum = sum.Add(w)
			return false, nil
		}
		if _, ok := payouts[key.K1()]; !ok {
			return true, fmt.Errorf("%s work %s of %s in round %d: neither the open round %d nor paying", role, w, key.K2(), key.K1(), round)
		}
		if s, ok := pending[key.K1()]; ok {
			pending[key.K1()] = s.Add(w)
		} else {
			pending[key.K1()] = w
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	if !sum.Equal(total) {
		return fmt.Errorf("%s work entries sum to %s, the open round says %s", role, sum, total)
	}
	return k.Payouts.Walk(ctx, nil, func(r uint64, po types.RoundPayout) (bool, error) {
		s, ok := pending[r]
		if !ok {
			s = sdkmath.LegacyZeroDec()
		}
		if !s.Equal(left(po)) {
			return true, fmt.Errorf("%s work entries of paying round %d sum to %s, its payout has %s left", role, r, s, left(po))
		}
		return false, nil
	})
}
