package keeper

import (
	"context"
	"fmt"

	sdkmath "cosmossdk.io/math"

	"github.com/don-network/don/x/weights/types"
)

// CheckInvariants runs every invariant of docs/invariants.md that x/weights keeps.
// They walk the whole state: for tests and audits, never for a block.
func (k *Keeper) CheckInvariants(ctx context.Context) error {
	if err := k.CheckSumRaw(ctx); err != nil {
		return err
	}
	if err := k.CheckWeights(ctx); err != nil {
		return err
	}
	return k.CheckRoleShares(ctx)
}

// CheckSumRaw: the active set and N agree with the active flags of the
// model states, and Σraw is exactly the sum of the stored raw weights of
// the active models.
func (k *Keeper) CheckSumRaw(ctx context.Context) error {
	want := types.Totals{SumRaw: sdkmath.LegacyZeroDec()}
	if err := k.Models.Walk(ctx, nil, func(id uint64, st types.ModelState) (bool, error) {
		inSet, err := k.Active.Has(ctx, id)
		if err != nil {
			return true, err
		}
		if inSet != st.Active {
			return true, fmt.Errorf("model %d: active flag %t, in active set %t", id, st.Active, inSet)
		}
		if st.Active {
			want.Add(st)
		}
		return false, nil
	}); err != nil {
		return err
	}
	t, err := k.totals(ctx)
	if err != nil {
		return err
	}
	if t.N != want.N || t.Admitted != want.Admitted {
		return fmt.Errorf("active/admitted counts %d/%d, %d/%d active/admitted model states", t.N, t.Admitted, want.N, want.Admitted)
	}
	var members uint64
	if err := k.Active.Walk(ctx, nil, func(uint64) (bool, error) { members++; return false, nil }); err != nil {
		return err
	}
	if members != want.N {
		return fmt.Errorf("active set has %d members, %d active model states", members, want.N)
	}
	if !t.SumRaw.Equal(want.SumRaw) {
		return fmt.Errorf("sum_raw %s, sum of active raw weights %s", t.SumRaw, want.SumRaw)
	}
	return nil
}

// CheckWeights: the published weights sum to exactly 1 (or are all 0 while
// no model weighs), each admitted one is at least ⌊ε/N_a⌋, an open model
// without paid demand weighs 0, the remainder is within the rounding
// bound, and ModelWeight agrees with the published vector (but for the
// remainder, on the smallest id that weighs).
func (k *Keeper) CheckWeights(ctx context.Context) error {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	states, err := k.ActiveStates(ctx)
	if err != nil {
		return err
	}
	t, err := k.totals(ctx)
	if err != nil {
		return err
	}
	if err := types.CheckPublished(params.Epsilon, states, t); err != nil {
		return err
	}
	published, rem := types.PublishWeights(params.Epsilon, states, t)
	remainderGiven := false
	for i, p := range published {
		w, err := k.ModelWeight(ctx, p.ModelId)
		if err != nil {
			return err
		}
		if !remainderGiven && states[i].Weighs() {
			w, remainderGiven = w.Add(rem), true
		}
		if !w.Equal(p.Weight) {
			return fmt.Errorf("model %d: ModelWeight %s, published %s", p.ModelId, w, p.Weight)
		}
	}
	return nil
}

// CheckRoleShares: the current and the last emitted role shares are each
// in [0, 1] and sum to exactly 1.
func (k *Keeper) CheckRoleShares(ctx context.Context) error {
	shares, err := k.RoleShares(ctx)
	if err != nil {
		return err
	}
	if err := shares.Validate(); err != nil {
		return fmt.Errorf("current role shares: %w", err)
	}
	last, err := k.LastRoleShares.Get(ctx)
	if err != nil {
		return fmt.Errorf("last role shares: %w", err)
	}
	if err := last.Validate(); err != nil {
		return fmt.Errorf("last role shares: %w", err)
	}
	return nil
}
