package types

import (
	sdkmath "cosmossdk.io/math"
)

// Signals are what one record adds to a model's filters: a reveal (and an
// accepted optimum), or a request and its fee.
type Signals struct {
	Reveals, Accepted, Requests uint64
	Fees                        sdkmath.Int // nil means 0
}

// Observation returns y, the observation of a per-model kind.
func (s Signals) Observation(kind int) sdkmath.LegacyDec {
	count := func(c uint64) sdkmath.LegacyDec {
		if c == 0 {
			return sdkmath.LegacyZeroDec()
		}
		return sdkmath.LegacyNewDecFromInt(sdkmath.NewIntFromUint64(c))
	}
	switch kind {
	case KindReveals:
		return count(s.Reveals)
	case KindAccepted:
		return count(s.Accepted)
	case KindRequests:
		return count(s.Requests)
	default:
		if s.Fees.IsNil() || s.Fees.IsZero() {
			return sdkmath.LegacyZeroDec()
		}
		return sdkmath.LegacyNewDecFromInt(s.Fees)
	}
}
