package fixedpoint

import "math/bits"

// wide is a signed 192-bit two's-complement accumulator. It holds the exact
// sum of up to 2^62 products of two int64s, so no ordering of the terms can
// overflow it and every summation order gives the same bits.
type wide struct {
	lo, mid uint64
	hi      int64
}

// addProd adds the exact product a*b.
func (w *wide) addProd(a, b int64) {
	phi, plo := bits.Mul64(uint64(a), uint64(b))
	// Signed correction of the unsigned 128-bit product.
	if a < 0 {
		phi -= uint64(b)
	}
	if b < 0 {
		phi -= uint64(a)
	}
	w.add128(phi, plo)
}

// addInt adds a sign-extended int64.
func (w *wide) addInt(v int64) { w.add128(uint64(v>>63), uint64(v)) }

// addShifted adds v * 2^FracBits (a Fixed promoted to product scale).
func (w *wide) addShifted(v int64) {
	w.add128(uint64(v>>(64-FracBits)), uint64(v)<<FracBits)
}

// add128 adds a signed 128-bit value (hi:lo).
func (w *wide) add128(hi, lo uint64) {
	var c uint64
	w.lo, c = bits.Add64(w.lo, lo, 0)
	w.mid, c = bits.Add64(w.mid, hi, c)
	w.hi += int64(c) + int64(hi)>>63
}

// mag returns the magnitude as 128 bits, its sign, and ok=false when the
// magnitude needs more than 128 bits.
func (w *wide) mag() (hi, lo uint64, neg, ok bool) {
	lo, hi, top := w.lo, w.mid, uint64(w.hi)
	neg = w.hi < 0
	if neg { // two's-complement negate across 192 bits
		var b uint64
		lo, b = bits.Sub64(0, lo, 0)
		hi, b = bits.Sub64(0, hi, b)
		top, _ = bits.Sub64(0, top, b)
	}
	return hi, lo, neg, top == 0
}

// roundProduct rounds an accumulator at product scale (2*FracBits fractional
// bits) to a Fixed, half away from zero, saturating to ±MaxFixed.
func (w *wide) roundProduct() Fixed {
	hi, lo, neg, ok := w.mag()
	if !ok || hi>>62 != 0 { // ≥ 2^126: far beyond MaxFixed after the shift
		return satSym(neg)
	}
	return roundMag128(hi, lo, neg)
}

// divRound returns the accumulator (at Fixed scale) divided by d > 0,
// rounded half away from zero, saturating to ±MaxFixed.
func (w *wide) divRound(d uint64) Fixed {
	hi, lo, neg, ok := w.mag()
	if !ok {
		return satSym(neg)
	}
	if hi == 0 { // common case: one 64-bit division
		return roundQuot(lo/d, lo%d, d, neg)
	}
	qhi, r := bits.Div64(0, hi, d)
	if qhi != 0 {
		return satSym(neg)
	}
	q, r := bits.Div64(r, lo, d)
	return roundQuot(q, r, d, neg)
}
