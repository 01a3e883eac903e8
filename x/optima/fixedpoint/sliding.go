package fixedpoint

import "math/bits"

// SlidingDot writes dst[i] = b + Σ_j w[j]·x[i+j] for every i < len(dst),
// each exact and rounded once (half away from zero, saturating). It needs
// len(x) ≥ len(dst)+len(w)−1 and checks the overflow bound once for all
// windows, which makes autoregressive losses as cheap as their multiply-adds.
func SlidingDot(dst, w []Fixed, b Fixed, x []Fixed) error {
	k := len(w)
	if k == 0 || len(dst) == 0 || len(x) < len(dst)+k-1 {
		return ErrLengthMismatch
	}
	x = x[:len(dst)+k-1]
	kBits := uint(bits.Len(uint(k)))
	if maxBits(w)+maxBits(x)+kBits <= fastLimit && uint(bits.Len64(absU(int64(b))))+FracBits <= fastLimit {
		bias := int64(b) << FracBits
		for i := range dst {
			win := x[i : i+k]
			acc := bias
			for j, wv := range w {
				acc += int64(wv) * int64(win[j])
			}
			dst[i] = roundAcc(acc)
		}
		return nil
	}
	for i := range dst {
		win := x[i : i+k]
		var acc wide
		acc.addShifted(int64(b))
		for j, wv := range w {
			acc.addProd(int64(wv), int64(win[j]))
		}
		dst[i] = acc.roundProduct()
	}
	return nil
}

// SlidingMSE is the mean squared one-step-ahead error of the linear
// autoregression b + Σ_j w[j]·x[i+j] predicting x[i+k], k = len(w), over
// i = 0..len(x)−k−1. It equals, bit for bit, SlidingDot into p, then
// r[i] = p[i].Sub(x[i+k]), then MeanSquare(r): each prediction is rounded
// once, the squared residuals are summed exactly and divided once. The fast
// path fuses the three passes.
func SlidingMSE(w []Fixed, b Fixed, x []Fixed) (Fixed, error) {
	k := len(w)
	m := len(x) - k
	if k == 0 || m <= 0 {
		return 0, ErrLengthMismatch
	}
	if m >= maxMeanSquareLen {
		return 0, ErrRange
	}
	den := uint64(m) << FracBits
	if maxBits(w)+maxBits(x)+uint(bits.Len(uint(k))) <= fastLimit &&
		uint(bits.Len64(absU(int64(b))))+FracBits <= fastLimit {
		if lo, hi, ok := slidingSSEFast(w, int64(b)<<FracBits, x); ok {
			sse := wide{lo: lo, mid: hi}
			return sse.divRound(den), nil
		}
	}
	var sum wide
	for i := 0; i < m; i++ {
		var acc wide
		acc.addShifted(int64(b))
		for j, wv := range w {
			acc.addProd(int64(wv), int64(x[i+j]))
		}
		e := acc.roundProduct().Sub(x[i+k])
		sum.addProd(int64(e), int64(e))
	}
	return sum.divRound(den), nil
}

// slidingSSEFast is SlidingMSE's fused fast loop (a separate small function
// so the compiler keeps the loop variables in registers). It returns the
// exact Σ e² in 128 bits, or ok = false when a residual reaches 2^32 in
// magnitude (its square would not fit a uint64). The caller has checked the
// bounds that keep every accumulator below 2^62. Two adjacent windows are
// computed per pass so each weight is loaded once for both.
func slidingSSEFast(w []Fixed, bias int64, x []Fixed) (lo, hi uint64, ok bool) {
	k := len(w)
	i := 0
	for ; i+k+1 < len(x); i += 2 {
		win0, win1 := x[i:i+k+1], x[i+1:i+k+2]
		a0, a1 := bias, bias
		for j, wv := range w {
			w64 := int64(wv)
			a0 += w64 * int64(win0[j])
			a1 += w64 * int64(win1[j])
		}
		e0 := int64(roundAcc(a0)) - int64(win0[k])
		e1 := int64(roundAcc(a1)) - int64(win1[k])
		if !resOK(e0) || !resOK(e1) {
			return 0, 0, false
		}
		lo, hi = addSq(lo, hi, e0)
		lo, hi = addSq(lo, hi, e1)
	}
	if i+k < len(x) { // odd number of windows: the last one alone
		win := x[i : i+k+1]
		a := bias
		for j, wv := range w {
			a += int64(wv) * int64(win[j])
		}
		e := int64(roundAcc(a)) - int64(win[k])
		if !resOK(e) {
			return 0, 0, false
		}
		lo, hi = addSq(lo, hi, e)
	}
	return lo, hi, true
}

// resOK reports |e| < 2^32, so e² fits a uint64. |prediction| < 2^38 and
// |x| ≤ 2^61 on the fast path, so e itself never overflows.
func resOK(e int64) bool {
	const lim = 1<<32 - 1
	return uint64(e)+lim <= 2*lim
}

// addSq adds e² (< 2^64; the int64 product's bits are exact) to (hi:lo).
func addSq(lo, hi uint64, e int64) (uint64, uint64) {
	var c uint64
	lo, c = bits.Add64(lo, uint64(e*e), 0)
	return lo, hi + c
}
