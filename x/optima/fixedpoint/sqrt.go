package fixedpoint

import "math/bits"

// ISqrt returns floor(√n).
func ISqrt(n uint64) uint64 { return isqrt128(0, n) }

// isqrt128 returns floor(√(hi:lo)) by the binary digit-by-digit method:
// 64 fixed iterations, no division, identical on every CPU.
func isqrt128(hi, lo uint64) uint64 {
	var root, remHi, remLo uint64
	for i := 0; i < 64; i++ {
		// Bring down the next two bits of the radicand.
		remHi = remHi<<2 | remLo>>62
		remLo = remLo<<2 | hi>>62
		hi = hi<<2 | lo>>62
		lo <<= 2
		root <<= 1
		// trial = 2·root + 1 (up to 65 bits)
		tHi, tLo := root>>63, root<<1|1
		if remHi > tHi || (remHi == tHi && remLo >= tLo) {
			var b uint64
			remLo, b = bits.Sub64(remLo, tLo, 0)
			remHi -= tHi + b
			root |= 1
		}
	}
	return root
}

// Sqrt returns √a rounded to the nearest Fixed (an exact square root never
// lies halfway between two Fixed values, so there are no ties). a < 0 is
// ErrNegativeSqrt.
func (a Fixed) Sqrt() (Fixed, error) {
	if a < 0 {
		return 0, ErrNegativeSqrt
	}
	// √(raw/2^F)·2^F = √(raw·2^F)
	u := uint64(a)
	nHi, nLo := u>>(64-FracBits), u<<FracBits
	r := isqrt128(nHi, nLo)
	// Round to nearest: r+1 if n − r² > r, i.e. n ≥ r² + r + 1.
	sqHi, sqLo := bits.Mul64(r, r)
	remLo, b := bits.Sub64(nLo, sqLo, 0)
	remHi := nHi - sqHi - b
	if remHi != 0 || remLo > r {
		r++
	}
	return Fixed(r), nil
}
