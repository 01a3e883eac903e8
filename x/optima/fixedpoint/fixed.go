package fixedpoint

import "math/bits"

// Fixed is a signed fixed-point number with FracBits fractional bits stored
// in an int64 (see the package documentation for the format and rules).
type Fixed int64

const (
	// FracBits is the number of fractional bits of Fixed.
	FracBits = 24
	// One is 1.0.
	One Fixed = 1 << FracBits
	// MaxFixed and MinFixed bound every Fixed; overflow saturates to them.
	MaxFixed Fixed = 1<<63 - 1
	MinFixed Fixed = -1 << 63

	maxRaw  = 1<<63 - 1
	half    = 1 << (FracBits - 1) // 0.5 ulp, for round-half-away-from-zero
	maxMagU = uint64(maxRaw)
)

// FromRaw reinterprets a raw int64 (value = raw / 2^FracBits).
func FromRaw(raw int64) Fixed { return Fixed(raw) }

// Raw returns the underlying int64 (value = raw / 2^FracBits).
func (a Fixed) Raw() int64 { return int64(a) }

// FromInt converts an integer, saturating outside the range of Fixed.
func FromInt(n int64) Fixed {
	if n > maxRaw>>FracBits {
		return MaxFixed
	}
	if n < -(maxRaw>>FracBits)-1 {
		return MinFixed
	}
	return Fixed(n << FracBits)
}

// FromRatio returns num/den rounded half away from zero, saturating; den == 0
// is ErrDivisionByZero.
func FromRatio(num, den int64) (Fixed, error) { return Fixed(num).Div(Fixed(den)) }

// Add returns a+b, saturating.
func (a Fixed) Add(b Fixed) Fixed {
	s := a + b
	if (a^s)&(b^s) < 0 { // both operands have the sign the sum lost
		return satSign(a < 0)
	}
	return s
}

// Sub returns a-b, saturating.
func (a Fixed) Sub(b Fixed) Fixed {
	d := a - b
	if (a^b)&(a^d) < 0 { // operands differ in sign and the result flipped
		return satSign(a < 0)
	}
	return d
}

// Neg returns -a; -MinFixed saturates to MaxFixed.
func (a Fixed) Neg() Fixed {
	if a == MinFixed {
		return MaxFixed
	}
	return -a
}

// Abs returns |a|; |MinFixed| saturates to MaxFixed.
func (a Fixed) Abs() Fixed {
	if a < 0 {
		return a.Neg()
	}
	return a
}

// ReLU returns max(a, 0).
func (a Fixed) ReLU() Fixed {
	if a < 0 {
		return 0
	}
	return a
}

// Sign returns -1, 0 or +1.
func (a Fixed) Sign() int {
	switch {
	case a < 0:
		return -1
	case a > 0:
		return 1
	}
	return 0
}

// Mul returns a*b rounded half away from zero, saturating to ±MaxFixed.
func (a Fixed) Mul(b Fixed) Fixed {
	hi, lo := bits.Mul64(absU(int64(a)), absU(int64(b)))
	return roundMag128(hi, lo, (a^b) < 0)
}

// MulInt returns a*k (exact), saturating to ±MaxFixed.
func (a Fixed) MulInt(k int64) Fixed {
	hi, lo := bits.Mul64(absU(int64(a)), absU(k))
	if hi != 0 || lo > maxMagU {
		return satSym((int64(a) < 0) != (k < 0))
	}
	return withSign(lo, (int64(a) < 0) != (k < 0))
}

// Div returns a/b rounded half away from zero, saturating to ±MaxFixed;
// b == 0 is ErrDivisionByZero.
func (a Fixed) Div(b Fixed) (Fixed, error) {
	if b == 0 {
		return 0, ErrDivisionByZero
	}
	ua, ub := absU(int64(a)), absU(int64(b))
	neg := (a ^ b) < 0
	// numerator = |a| << FracBits as 128 bits
	nhi, nlo := ua>>(64-FracBits), ua<<FracBits
	if nhi >= ub { // quotient ≥ 2^64
		return satSym(neg), nil
	}
	q, r := bits.Div64(nhi, nlo, ub)
	return roundQuot(q, r, ub, neg), nil
}

// DivInt returns a/k rounded half away from zero; k == 0 is
// ErrDivisionByZero.
func (a Fixed) DivInt(k int64) (Fixed, error) {
	if k == 0 {
		return 0, ErrDivisionByZero
	}
	uk := absU(k)
	q, r := bits.Div64(0, absU(int64(a)), uk)
	return roundQuot(q, r, uk, (int64(a) < 0) != (k < 0)), nil
}

// roundQuot rounds the magnitude quotient q + r/d half away from zero and
// applies the sign, saturating to ±MaxFixed.
func roundQuot(q, r, d uint64, neg bool) Fixed {
	if r >= d-r { // 2r ≥ d without overflow
		if q == ^uint64(0) {
			return satSym(neg)
		}
		q++
	}
	if q > maxMagU {
		return satSym(neg)
	}
	return withSign(q, neg)
}

// roundMag128 rounds the magnitude (hi:lo) / 2^FracBits half away from zero,
// applies the sign and saturates to ±MaxFixed. hi must be < 2^63 (true for
// any product of two int64 magnitudes).
func roundMag128(hi, lo uint64, neg bool) Fixed {
	var c uint64
	lo, c = bits.Add64(lo, half, 0)
	hi += c
	if hi>>FracBits != 0 {
		return satSym(neg)
	}
	q := lo>>FracBits | hi<<(64-FracBits)
	if q > maxMagU {
		return satSym(neg)
	}
	return withSign(q, neg)
}

// absU returns |x| as uint64 (|MinInt64| = 2^63 is representable).
func absU(x int64) uint64 {
	m := x >> 63
	return uint64((x ^ m) - m)
}

// withSign applies a sign to a magnitude ≤ maxMagU.
func withSign(mag uint64, neg bool) Fixed {
	if neg {
		return -Fixed(mag)
	}
	return Fixed(mag)
}

// satSign is the saturated value used by Add and Sub.
func satSign(neg bool) Fixed {
	if neg {
		return MinFixed
	}
	return MaxFixed
}

// satSym is the symmetric saturated value used by rounded operations.
func satSym(neg bool) Fixed {
	if neg {
		return -MaxFixed
	}
	return MaxFixed
}
