package keeper

import (
	"context"
	"fmt"

	sdkmath "cosmossdk.io/math"

	"github.com/don-network/don/x/weights/types"
)

// CheckInvariants runs every invariant of DESIGN.md §9 that x/weights keeps.
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
	sum, count := sdkmath.LegacyZeroDec(), uint64(0)
	if err := k.Models.Walk(ctx, nil, func(id uint64, st types.ModelState) (bool, error) {
		inSet, err := k.Active.Has(ctx, id)
		if err != nil {
			return true, err
		}
		if inSet != st.Active {
			return true, fmt.Errorf("model %d: active flag %t, in active set %t", id, st.Active, inSet)
		}
		if st.Active {
			sum = sum.Add(st.Raw)
			count++
		}
		return false, nil
	}); err != nil {
		return err
	}
	n, stored, err := k.totals(ctx)
	if err != nil {
		return err
	}
	if n != count {
		return fmt.Errorf("active count %d, %d active model states", n, count)
	}
	var members uint64
	if err := k.Active.Walk(ctx, nil, func(uint64) (bool, error) { members++; return false, nil }); err != nil {
		return err
	}
	if members != count {
		return fmt.Errorf("active set has %d members, %d active model states", members, count)
	}
	if !stored.Equal(sum) {
		return fmt.Errorf("sum_raw %s, sum of active raw weights %s", stored, sum)
	}
	return nil
}

// CheckWeights: the published weights sum to exactly 1 (when N > 0), each
// is at least ⌊ε/N⌋, the remainder is within the rounding bound, and
// ModelWeight agrees with the published vector (but for the remainder).
func (k *Keeper) CheckWeights(ctx context.Context) error {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	states, err := k.ActiveStates(ctx)
	if err != nil {
		return err
	}
	_, sum, err := k.totals(ctx)
	if err != nil {
		return err
	}
	if err := types.CheckPublished(params.Epsilon, states, sum); err != nil {
		return err
	}
	published, rem := types.PublishWeights(params.Epsilon, states, sum)
	for i, p := range published {
		w, err := k.ModelWeight(ctx, p.ModelId)
		if err != nil {
			return err
		}
		if i == 0 {
			w = w.Add(rem)
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
