package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/don-network/don/x/optima/types"
)

// CheckInvariants runs every invariant of docs/invariants.md that x/optima keeps.
// They walk the whole state: for tests and audits, never for a block.
func (k *Keeper) CheckInvariants(ctx context.Context) error {
	if err := k.CheckModuleBalance(ctx); err != nil {
		return err
	}
	if err := k.CheckWeightsInStep(ctx); err != nil {
		return err
	}
	return k.CheckAcceptedOptima(ctx)
}

// CheckWeightsInStep: the models x/optima holds active are exactly the
// models x/weights weighs, with the same admission (the hooks keep them in
// step; this checks the hooks).
func (k *Keeper) CheckWeightsInStep(ctx context.Context) error {
	var active, admitted uint64
	if err := k.Models.Walk(ctx, nil, func(id uint64, m types.Model) (bool, error) {
		isActive := m.Status == types.MODEL_STATUS_ACTIVE
		wActive, wAdmitted, err := k.weights.ModelActivity(ctx, id)
		if err != nil {
			return true, err
		}
		if wActive != isActive || (isActive && wAdmitted != m.Admitted) {
			return true, fmt.Errorf("model %d: active %t admitted %t in x/optima, active %t admitted %t in x/weights",
				id, isActive, m.Admitted, wActive, wAdmitted)
		}
		if isActive {
			active++
			if m.Admitted {
				admitted++
			}
		}
		return false, nil
	}); err != nil {
		return err
	}
	wActive, wAdmitted, err := k.weights.ActiveTotals(ctx)
	if err != nil {
		return err
	}
	if wActive != active || wAdmitted != admitted {
		return fmt.Errorf("x/optima has %d active (%d admitted) models, x/weights weighs %d (%d admitted)",
			active, admitted, wActive, wAdmitted)
	}
	return nil
}

// CheckModuleBalance: the module account holds exactly the open commit bonds
// plus the deposits of active models.
func (k *Keeper) CheckModuleBalance(ctx context.Context) error {
	owed := sdk.NewCoins()
	if err := k.Commits.Walk(ctx, nil, func(_ uint64, c types.Commit) (bool, error) {
		owed = owed.Add(c.Bond)
		return false, nil
	}); err != nil {
		return err
	}
	if err := k.Models.Walk(ctx, nil, func(_ uint64, m types.Model) (bool, error) {
		if m.Status == types.MODEL_STATUS_ACTIVE && m.Deposit.IsPositive() {
			owed = owed.Add(m.Deposit)
		}
		return false, nil
	}); err != nil {
		return err
	}
	addr := authtypes.NewModuleAddress(types.ModuleName)
	for _, c := range owed {
		if have := k.bank.GetBalance(ctx, addr, c.Denom); !have.Amount.Equal(c.Amount) {
			return fmt.Errorf("optima module holds %s, owes %s", have, c)
		}
	}
	if owed.IsZero() {
		// Nothing owed: any balance in the bond denom is unaccounted for.
		params, err := k.Params.Get(ctx)
		if err != nil {
			return err
		}
		if have := k.bank.GetBalance(ctx, addr, params.MinCommitBond.Denom); !have.IsZero() {
			return fmt.Errorf("optima module holds %s and owes nothing", have)
		}
	}
	return nil
}

// CheckAcceptedOptima: every accepted optimum stores both paired losses and
// a lower confidence bound with lcb ≥ min_improvement · L_inc and lcb > 0.
func (k *Keeper) CheckAcceptedOptima(ctx context.Context) error {
	return k.Optima.Walk(ctx, nil, func(key collections.Pair[uint64, uint64], o types.Optimum) (bool, error) {
		if o.Id == 0 {
			return false, nil // optimum 0 is the registration, not a verified claim
		}
		m, err := k.Models.Get(ctx, o.ModelId)
		if err != nil {
			return true, err
		}
		threshold := m.MinImprovement.Mul(o.IncumbentLoss)
		if !o.IncumbentLoss.IsPositive() || !o.Lcb.IsPositive() || o.Lcb.LT(threshold) {
			return true, fmt.Errorf("optimum %d/%d: lcb %s, incumbent loss %s, threshold %s", key.K1(), key.K2(), o.Lcb, o.IncumbentLoss, threshold)
		}
		// Δ = min(−ln(1 − lcb/L_inc), max_increment in force at acceptance):
		// never more than its own evidence proves, whatever the cap was.
		if proven := types.LogIncrement(o.Lcb.QuoTruncate(o.IncumbentLoss), o.Increment); o.Increment.IsNegative() || !proven.Equal(o.Increment) {
			return true, fmt.Errorf("optimum %d/%d: increment %s above −ln(1 − lcb/L_inc) = %s", key.K1(), key.K2(), o.Increment, proven)
		}
		return false, nil
	})
}
