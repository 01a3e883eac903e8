package types

import (
	"fmt"
	"sort"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
)

// DefaultGenesis has default params and no models.
func DefaultGenesis() *GenesisState {
	return &GenesisState{
		Params:  DefaultParams(),
		SumRaw:  sdkmath.LegacyZeroDec(),
		Backlog: BacklogState{Lambda: sdkmath.LegacyZeroDec()},
	}
}

// NewModelState is the state of a model that joins the active set after
// block lastHeight: every filter at 0.
func NewModelState(id uint64, lastHeight int64) ModelState {
	z := sdkmath.LegacyZeroDec
	return ModelState{
		ModelId: id, Active: true, LastHeight: lastHeight,
		LambdaReveals: z(), LambdaAccepted: z(), LambdaRequests: z(), LambdaFees: z(),
		Raw: z(), LastWeight: z(),
	}
}

// Lambda returns the filter value of a per-model kind.
func (s ModelState) Lambda(kind int) sdkmath.LegacyDec {
	switch kind {
	case KindReveals:
		return s.LambdaReveals
	case KindAccepted:
		return s.LambdaAccepted
	case KindRequests:
		return s.LambdaRequests
	default:
		return s.LambdaFees
	}
}

// SetLambda sets the filter value of a per-model kind.
func (s *ModelState) SetLambda(kind int, v sdkmath.LegacyDec) {
	switch kind {
	case KindReveals:
		s.LambdaReveals = v
	case KindAccepted:
		s.LambdaAccepted = v
	case KindRequests:
		s.LambdaRequests = v
	default:
		s.LambdaFees = v
	}
}

// Validate checks one model state: filters, raw and last weight present and
// non-negative, last weight at most 1.
func (s ModelState) Validate() error {
	if s.ModelId == 0 {
		return errorsmod.Wrap(ErrInvalidGenesis, "model id 0")
	}
	for _, d := range []struct {
		name string
		v    sdkmath.LegacyDec
	}{
		{"lambda_reveals", s.LambdaReveals}, {"lambda_accepted", s.LambdaAccepted},
		{"lambda_requests", s.LambdaRequests}, {"lambda_fees", s.LambdaFees},
		{"raw", s.Raw}, {"last_weight", s.LastWeight},
	} {
		if d.v.IsNil() || d.v.IsNegative() {
			return errorsmod.Wrapf(ErrInvalidGenesis, "model %d: %s is missing or negative", s.ModelId, d.name)
		}
	}
	if s.LastWeight.GT(sdkmath.LegacyOneDec()) {
		return errorsmod.Wrapf(ErrInvalidGenesis, "model %d: last_weight %s above 1", s.ModelId, s.LastWeight)
	}
	return nil
}

// Validate checks that the genesis state is self-consistent: valid params,
// unique valid models, sum_raw equal to the sum of the active raws, a
// published weight vector that sums to exactly 1 (or is all 0) with a
// remainder within the rounding bound, a valid backlog and role shares.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "params: %s", err)
	}
	seen := make(map[uint64]bool, len(gs.Models))
	active := make([]ModelState, 0, len(gs.Models))
	totals := Totals{SumRaw: sdkmath.LegacyZeroDec()}
	for _, m := range gs.Models {
		if seen[m.ModelId] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "duplicate model %d", m.ModelId)
		}
		if err := m.Validate(); err != nil {
			return err
		}
		seen[m.ModelId] = true
		if m.Active {
			active = append(active, m)
			totals.Add(m)
		}
	}
	if gs.SumRaw.IsNil() || !gs.SumRaw.Equal(totals.SumRaw) {
		return errorsmod.Wrapf(ErrInvalidGenesis, "sum_raw %s is not the sum of the active raw weights %s", gs.SumRaw, totals.SumRaw)
	}
	sort.Slice(active, func(i, j int) bool { return active[i].ModelId < active[j].ModelId })
	if err := CheckPublished(gs.Params.Epsilon, active, totals); err != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "weights: %s", err)
	}
	if gs.Backlog.Lambda.IsNil() || gs.Backlog.Lambda.IsNegative() {
		return errorsmod.Wrap(ErrInvalidGenesis, "backlog lambda missing or negative")
	}
	if gs.LastRoleShares != nil {
		if err := gs.LastRoleShares.Validate(); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "last_role_shares: %s", err)
		}
	}
	return nil
}

// Add counts an active model into the totals.
func (t *Totals) Add(s ModelState) {
	t.N++
	if s.Admitted {
		t.Admitted++
	}
	t.SumRaw = t.SumRaw.Add(s.Raw)
}

// CheckPublished verifies the published weight vector of the active models
// (sorted by id) with totals t: it sums to exactly 1 when some model weighs
// (an admitted one, or one with paid demand) and is all 0 otherwise; every
// admitted weight is at least ⌊ε/N_a⌋; an open model without paid demand
// weighs exactly 0; the remainder is in [0, MaxRemainder].
func CheckPublished(epsilon sdkmath.LegacyDec, active []ModelState, t Totals) error {
	n := uint64(len(active))
	if n == 0 {
		return nil
	}
	weights, rem := PublishWeights(epsilon, active, t)
	if rem.IsNegative() || rem.GT(MaxRemainder(n, t.SumRaw)) {
		return fmt.Errorf("rounding remainder %s outside [0, %s]", rem, MaxRemainder(n, t.SumRaw))
	}
	var floor sdkmath.LegacyDec
	if t.Admitted > 0 {
		floor = epsilon.QuoInt(sdkmath.NewIntFromUint64(t.Admitted))
	}
	sum, weighs := sdkmath.LegacyZeroDec(), false
	for i, w := range weights {
		s := active[i]
		switch {
		case s.Admitted && w.Weight.LT(floor):
			return fmt.Errorf("weight %s of admitted model %d below epsilon/N_a %s", w.Weight, w.ModelId, floor)
		case !s.Admitted && s.LambdaFees.IsZero() && !w.Weight.IsZero():
			return fmt.Errorf("open model %d without paid demand weighs %s", w.ModelId, w.Weight)
		}
		weighs = weighs || s.Admitted || s.Raw.IsPositive()
		sum = sum.Add(w.Weight)
	}
	want := sdkmath.LegacyZeroDec()
	if weighs {
		want = sdkmath.LegacyOneDec()
	}
	if !sum.Equal(want) {
		return fmt.Errorf("weights sum to %s, want %s", sum, want)
	}
	return nil
}
