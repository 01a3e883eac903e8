package fixedpoint

import (
	"fmt"
	"math/big"
	"math/bits"
	"strings"
)

const (
	// Decimals is the number of fractional digits String prints: the least d
	// with 10^d > 2^FracBits, so that ParseDecimal(x.String()) == x for every x.
	// floor(FracBits·log10 2) + 1; TestDecimalsConstant checks the bound.
	Decimals = FracBits*30103/100000 + 1

	maxDecimalLen = 128  // longest accepted decimal string
	maxExponent   = 1000 // largest accepted |exponent| in "1e-3" notation
)

// pow10Dec is 10^Decimals.
var pow10Dec = pow10[Decimals]

var pow10 = [...]uint64{
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
	1000000000, 10000000000, 100000000000, 1000000000000, 10000000000000,
	100000000000000, 1000000000000000, 10000000000000000,
	100000000000000000, 1000000000000000000, 10000000000000000000,
}

// String formats a in plain decimal with exactly Decimals fractional digits,
// rounded half away from zero (e.g. "-1.25000000"). It round-trips through
// ParseDecimal.
func (a Fixed) String() string {
	mag := absU(int64(a))
	ip := mag >> FracBits
	frac := mag & (1<<FracBits - 1)
	// frac·10^d / 2^F, rounded half away from zero.
	hi, lo := bits.Mul64(frac, pow10Dec)
	lo, c := bits.Add64(lo, half, 0)
	hi += c
	fd := lo>>FracBits | hi<<(64-FracBits)
	if fd == pow10Dec { // rounding carried into the integer part
		fd = 0
		ip++
	}
	sign := ""
	if a < 0 && (ip != 0 || fd != 0) {
		sign = "-"
	}
	return fmt.Sprintf("%s%d.%0*d", sign, ip, Decimals, fd)
}

// ParseDecimal parses an exact decimal such as "-1.25", "3", "+0.000015",
// ".5", "2." or "1e-3" and rounds it to the nearest Fixed, ties away from
// zero. It rejects empty or malformed input, strings longer than 128 bytes,
// exponents beyond ±1000 (ErrSyntax) and values outside the range of Fixed
// (ErrRange). No floating point is used.
func ParseDecimal(s string) (Fixed, error) {
	if len(s) == 0 || len(s) > maxDecimalLen {
		return 0, fmt.Errorf("%w: length %d not in [1, %d]", ErrSyntax, len(s), maxDecimalLen)
	}
	rest := s
	neg := false
	if rest[0] == '+' || rest[0] == '-' {
		neg = rest[0] == '-'
		rest = rest[1:]
	}
	mant, exp := rest, ""
	if i := strings.IndexAny(rest, "eE"); i >= 0 {
		mant, exp = rest[:i], rest[i+1:]
	}
	intPart, fracPart := mant, ""
	if i := strings.IndexByte(mant, '.'); i >= 0 {
		intPart, fracPart = mant[:i], mant[i+1:]
	}
	digits := intPart + fracPart
	if len(digits) == 0 || !allDigits(digits) {
		return 0, fmt.Errorf("%w: %q", ErrSyntax, s)
	}
	e10 := int64(0)
	if i := strings.IndexAny(rest, "eE"); i >= 0 {
		v, err := parseExponent(exp)
		if err != nil {
			return 0, fmt.Errorf("%w: %q", err, s)
		}
		e10 = v
	}
	e10 -= int64(len(fracPart))
	// value = digits · 10^e10; raw = round(digits · 10^e10 · 2^F)
	num := new(big.Int)
	num.SetString(digits, 10)
	num.Lsh(num, FracBits)
	den := big.NewInt(1)
	ten := big.NewInt(10)
	if e10 >= 0 {
		num.Mul(num, new(big.Int).Exp(ten, big.NewInt(e10), nil))
	} else {
		den.Exp(ten, big.NewInt(-e10), nil)
	}
	q, r := new(big.Int).QuoRem(num, den, new(big.Int))
	if r.Lsh(r, 1).Cmp(den) >= 0 { // half away from zero on the magnitude
		q.Add(q, big.NewInt(1))
	}
	limit := new(big.Int).SetUint64(maxMagU)
	if neg {
		limit.Add(limit, big.NewInt(1)) // MinFixed is representable
	}
	if q.Cmp(limit) > 0 {
		return 0, fmt.Errorf("%w: %q", ErrRange, s)
	}
	u := q.Uint64()
	if neg {
		return Fixed(-u), nil // two's complement; also correct for 2^63
	}
	return Fixed(u), nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseExponent parses [+-]digits within ±maxExponent.
func parseExponent(s string) (int64, error) {
	neg := false
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if len(s) == 0 || !allDigits(s) {
		return 0, ErrSyntax
	}
	var v int64
	for i := 0; i < len(s); i++ {
		v = v*10 + int64(s[i]-'0')
		if v > maxExponent {
			return 0, ErrSyntax
		}
	}
	if neg {
		v = -v
	}
	return v, nil
}

// MarshalText implements encoding.TextMarshaler with String's format.
func (a Fixed) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseDecimal.
func (a *Fixed) UnmarshalText(b []byte) error {
	v, err := ParseDecimal(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}
