package keeper

import (
	"fmt"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/don-network/don/x/mint/types"
)

// CheckInvariants: every minted coin was paid out, to the last unit, and
// issuance stays within max_supply; the module account keeps nothing; every
// kept round record balances and paid its evaluators at most
// evaluator_mint_per_burn × their work (per evaluator, payProRata refuses
// a payment above its own bound at the close); the open round's work
// entries are positive, belong to it and sum to its totals.
func (k *Keeper) CheckInvariants(ctx sdk.Context) error {
	p, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	m, err := k.Minter.Get(ctx)
	if err != nil {
		return err
	}
	if !m.MintedTotal.Equal(m.PaidTotal) {
		return fmt.Errorf("minted %s but paid %s", m.MintedTotal, m.PaidTotal)
	}
	if m.MintedTotal.GT(p.MaxSupply) {
		return fmt.Errorf("minted %s above max_supply %s", m.MintedTotal, p.MaxSupply)
	}
	if bal := k.bank.GetBalance(ctx, authtypes.NewModuleAddress(types.ModuleName), p.MintDenom); !bal.IsZero() {
		return fmt.Errorf("mint module holds %s", bal)
	}
	if err := k.checkWorkEntries(ctx, "optimizer", k.OptimizerWork, m.Round, m.Work); err != nil {
		return err
	}
	if err := k.checkWorkEntries(ctx, "evaluator", k.EvaluatorWork, m.Round, m.EvaluatorWork); err != nil {
		return err
	}
	return k.Rounds.Walk(ctx, nil, func(_ uint64, r types.RoundRecord) (bool, error) {
		return false, r.Validate()
	})
}

// checkWorkEntries: every entry is of the open round (a close deletes its
// round's entries) and positive, and they sum to the round's total.
func (k *Keeper) checkWorkEntries(
	ctx sdk.Context, role string,
	entries collections.Map[collections.Pair[uint64, sdk.AccAddress], sdkmath.LegacyDec],
	round uint64, total sdkmath.LegacyDec,
) error {
	sum := sdkmath.LegacyZeroDec()
	err := entries.Walk(ctx, nil, func(key collections.Pair[uint64, sdk.AccAddress], w sdkmath.LegacyDec) (bool, error) {
		if key.K1() != round || !w.IsPositive() {
			return true, fmt.Errorf("%s work %s of %s in round %d (open round %d)", role, w, key.K2(), key.K1(), round)
		}
		sum = sum.Add(w)
		return false, nil
	})
	if err != nil {
		return err
	}
	if !sum.Equal(total) {
		return fmt.Errorf("%s work entries sum to %s, the open round says %s", role, sum, total)
	}
	return nil
}
