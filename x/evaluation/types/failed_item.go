package types

import (
	"fmt"
	"strings"
	"unicode/utf8"

	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/types/bech32"
)

// MaxFailedErrorLength bounds the error text a failed item keeps, so a
// long error cannot bloat state.
const MaxFailedErrorLength = 256

// FailedErrorText is err's text cut to MaxFailedErrorLength bytes of valid
// UTF-8 (a proto string must be).
func FailedErrorText(err error) string {
	s := strings.ToValidUTF8(err.Error(), "?")
	if len(s) <= MaxFailedErrorLength {
		return s
	}
	s = s[:MaxFailedErrorLength]
	for !utf8.ValidString(s) { // cut inside a rune: drop its start
		s = s[:len(s)-1]
	}
	return s
}

// validateFailedItems checks the genesis failed items: each is one
// request's due item or one evaluator's collateral return, at the height
// the request or evaluator records, and appears once (it is then not
// queued: InitGenesis queues only the others).
func (gs GenesisState) validateFailedItems() error {
	dueAt := make(map[uint64]int64, len(gs.Requests))
	for _, r := range gs.Requests {
		dueAt[r.Id] = r.DueHeight
	}
	unbondsAt := make(map[string]int64, len(gs.Evaluators))
	for _, ev := range gs.Evaluators {
		unbondsAt[ev.Address] = ev.UnbondingHeight
	}
	seenDue := make(map[uint64]bool)
	seenUnbonding := make(map[string]bool)
	for _, it := range gs.FailedItems {
		switch {
		case it.DueHeight <= 0 || it.FailedHeight < it.DueHeight || it.RetryHeight <= it.FailedHeight:
			return errorsmod.Wrapf(ErrInvalidGenesis, "failed item %s: need 0 < due_height %d ≤ failed_height %d < retry_height %d",
				it.Name(), it.DueHeight, it.FailedHeight, it.RetryHeight)
		case it.Attempts == 0:
			return errorsmod.Wrapf(ErrInvalidGenesis, "failed item %s: attempts must be ≥ 1", it.Name())
		case len(it.Error) > MaxFailedErrorLength || !utf8.ValidString(it.Error):
			return errorsmod.Wrapf(ErrInvalidGenesis, "failed item %s: error text longer than %d bytes or not UTF-8", it.Name(), MaxFailedErrorLength)
		}
		switch it.Kind {
		case QUEUE_KIND_DUE:
			if it.Evaluator != "" {
				return errorsmod.Wrapf(ErrInvalidGenesis, "failed item %s: a due item names no evaluator", it.Name())
			}
			if seenDue[it.RequestId] {
				return errorsmod.Wrapf(ErrInvalidGenesis, "duplicate failed item %s", it.Name())
			}
			if h, ok := dueAt[it.RequestId]; !ok || h != it.DueHeight {
				return errorsmod.Wrapf(ErrInvalidGenesis, "failed item %s: no request %d due at %d", it.Name(), it.RequestId, it.DueHeight)
			}
			seenDue[it.RequestId] = true
		case QUEUE_KIND_UNBONDING:
			if it.RequestId != 0 {
				return errorsmod.Wrapf(ErrInvalidGenesis, "failed item %s: an unbonding item names no request", it.Name())
			}
			if _, _, err := bech32.DecodeAndConvert(it.Evaluator); err != nil {
				return errorsmod.Wrapf(ErrInvalidGenesis, "failed item %s: evaluator address: %s", it.Name(), err)
			}
			if seenUnbonding[it.Evaluator] {
				return errorsmod.Wrapf(ErrInvalidGenesis, "duplicate failed item %s", it.Name())
			}
			if h, ok := unbondsAt[it.Evaluator]; !ok || h != it.DueHeight {
				return errorsmod.Wrapf(ErrInvalidGenesis, "failed item %s: no evaluator %s unbonding at %d", it.Name(), it.Evaluator, it.DueHeight)
			}
			seenUnbonding[it.Evaluator] = true
		default:
			return errorsmod.Wrapf(ErrInvalidGenesis, "failed item of unknown kind %d", it.Kind)
		}
	}
	return nil
}

// Name is "request 7" or "unbonding don1…", for errors and logs.
func (it FailedItem) Name() string {
	if it.Kind == QUEUE_KIND_UNBONDING {
		return "unbonding " + it.Evaluator
	}
	return fmt.Sprintf("request %d", it.RequestId)
}
