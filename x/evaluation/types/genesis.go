package types

import (
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/types/bech32"
)

// DefaultGenesis has default params, no evaluators and no requests.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams(), NextRequestId: 1}
}

// IsFinal tells whether a status ends a request's life.
func (s RequestStatus) IsFinal() bool {
	switch s {
	case REQUEST_STATUS_SETTLED, REQUEST_STATUS_SLASHED, REQUEST_STATUS_REFUNDED, REQUEST_STATUS_CANCELLED:
		return true
	}
	return false
}

// Validate checks that the genesis state is self-consistent: valid params;
// unique, valid evaluators whose open counts and exposures match their
// open requests; unique request ids below next_request_id; every open
// request queued (an ended one may be too, for its deletion); failed items
// that match their request or evaluator, once each.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "params: %s", err)
	}
	if gs.NextRequestId == 0 {
		return errorsmod.Wrap(ErrInvalidGenesis, "next_request_id must be ≥ 1")
	}
	evaluators := make(map[string]*Evaluator, len(gs.Evaluators))
	for i := range gs.Evaluators {
		ev := &gs.Evaluators[i]
		if _, _, err := bech32.DecodeAndConvert(ev.Address); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "evaluator address %q: %s", ev.Address, err)
		}
		if evaluators[ev.Address] != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "duplicate evaluator %s", ev.Address)
		}
		switch {
		case ev.Collateral.IsNil() || ev.Collateral.IsNegative(), ev.Exposure.IsNil() || ev.Exposure.IsNegative():
			return errorsmod.Wrapf(ErrInvalidGenesis, "evaluator %s: collateral and exposure must be ≥ 0", ev.Address)
		case ev.Reputation.IsNil() || ev.Reputation.IsNegative() || ev.Reputation.GT(sdkmath.LegacyOneDec()):
			return errorsmod.Wrapf(ErrInvalidGenesis, "evaluator %s: reputation outside [0, 1]", ev.Address)
		case ev.Capacity == 0 || ev.Open > ev.Capacity:
			return errorsmod.Wrapf(ErrInvalidGenesis, "evaluator %s: open %d, capacity %d", ev.Address, ev.Open, ev.Capacity)
		}
		evaluators[ev.Address] = ev
	}
	open := make(map[string]uint32)
	exposure := make(map[string]sdkmath.Int)
	seen := make(map[uint64]bool, len(gs.Requests))
	for _, r := range gs.Requests {
		switch {
		case r.Id == 0 || r.Id >= gs.NextRequestId:
			return errorsmod.Wrapf(ErrInvalidGenesis, "request id %d not in [1, next_request_id %d)", r.Id, gs.NextRequestId)
		case seen[r.Id]:
			return errorsmod.Wrapf(ErrInvalidGenesis, "duplicate request %d", r.Id)
		case r.Status == REQUEST_STATUS_UNSPECIFIED:
			return errorsmod.Wrapf(ErrInvalidGenesis, "request %d without status", r.Id)
		case r.MaxFee.IsNil() || !r.MaxFee.IsPositive() || r.Price.IsNil() || r.Price.IsNegative() || r.Price.GT(r.MaxFee):
			return errorsmod.Wrapf(ErrInvalidGenesis, "request %d: need 0 < max_fee and 0 ≤ price ≤ max_fee", r.Id)
		case !r.Status.IsFinal() && r.DueHeight <= 0, r.DueHeight < 0:
			return errorsmod.Wrapf(ErrInvalidGenesis, "request %d (%s): due_height %d", r.Id, r.Status, r.DueHeight)
		}
		if _, _, err := bech32.DecodeAndConvert(r.Client); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "request %d client: %s", r.Id, err)
		}
		seen[r.Id] = true
		if r.Status == REQUEST_STATUS_CLAIMED || r.Status == REQUEST_STATUS_SUBMITTED {
			if evaluators[r.Evaluator] == nil {
				return errorsmod.Wrapf(ErrInvalidGenesis, "request %d: unknown evaluator %q", r.Id, r.Evaluator)
			}
			open[r.Evaluator]++
			if e, ok := exposure[r.Evaluator]; ok {
				exposure[r.Evaluator] = e.Add(r.MaxFee)
			} else {
				exposure[r.Evaluator] = r.MaxFee
			}
		}
	}
	for _, ev := range gs.Evaluators { // slice order: the first error is deterministic
		want, ok := exposure[ev.Address]
		if !ok {
			want = sdkmath.ZeroInt()
		}
		if ev.Open != open[ev.Address] || !ev.Exposure.Equal(want) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "evaluator %s: open %d / exposure %s do not match its requests (%d / %s)",
				ev.Address, ev.Open, ev.Exposure, open[ev.Address], want)
		}
	}
	return gs.validateFailedItems()
}
