package fixedpoint

import "math/bits"

// Sum is an exact accumulator of Fixed values (192-bit, never overflows).
// The zero value is an empty sum.
type Sum struct {
	w wide
}

// Add adds v exactly.
func (s *Sum) Add(v Fixed) { s.w.addInt(int64(v)) }

// Value returns the sum, saturating to ±MaxFixed.
func (s *Sum) Value() Fixed {
	return s.w.divRound(1)
}

// DivInt returns the sum divided by n > 0, rounded half away from zero,
// saturating to ±MaxFixed. n <= 0 is ErrDivisionByZero.
func (s *Sum) DivInt(n int64) (Fixed, error) {
	if n <= 0 {
		return 0, ErrDivisionByZero
	}
	return s.w.divRound(uint64(n)), nil
}

// Mean returns the exact sum of vals divided by len(vals), rounded once.
func Mean(vals []Fixed) (Fixed, error) {
	if len(vals) == 0 {
		return 0, ErrEmpty
	}
	var s Sum
	for _, v := range vals {
		s.Add(v)
	}
	return s.DivInt(int64(len(vals)))
}

// maxMeanSquareLen keeps len·2^FracBits below 2^64 for the final division.
const maxMeanSquareLen = 1 << (63 - FracBits)

// MeanSquare returns Σ v[i]² / len(v): the exact sum of squares divided by
// the length and rounded once (half away from zero), saturating to MaxFixed.
// It is the per-unit MSE of a residual vector.
func MeanSquare(v []Fixed) (Fixed, error) {
	n := len(v)
	if n == 0 {
		return 0, ErrEmpty
	}
	if n >= maxMeanSquareLen {
		return 0, ErrRange
	}
	den := uint64(n) << FracBits
	if 2*maxBits(v)+uint(bits.Len(uint(n))) <= fastLimit {
		var acc int64
		for _, x := range v {
			acc += int64(x) * int64(x)
		}
		q, r := uint64(acc)/den, uint64(acc)%den
		return roundQuot(q, r, den, false), nil
	}
	var w wide
	for _, x := range v {
		w.addProd(int64(x), int64(x))
	}
	return w.divRound(den), nil
}
