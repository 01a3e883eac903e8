package fixedpoint

import "math/bits"

// fastLimit bounds the int64 fast path: the sum of products is < 2^61 when
// bits(w)+bits(x)+bits(len) ≤ 61 (maxBits gives |x| ≤ 2^bits), the bias
// term is ≤ 2^61, so the accumulator stays below 2^62 and rounding cannot
// overflow.
const fastLimit = 61

// Dot returns Σ a[i]*b[i], computed exactly and rounded once (half away
// from zero), saturating to ±MaxFixed.
func Dot(a, b []Fixed) (Fixed, error) {
	if len(a) != len(b) {
		return 0, ErrLengthMismatch
	}
	if maxBits(a)+maxBits(b)+uint(bits.Len(uint(len(a)))) <= fastLimit {
		var acc int64
		for i, x := range a {
			acc += int64(x) * int64(b[i])
		}
		return roundAcc(acc), nil
	}
	var w wide
	for i, x := range a {
		w.addProd(int64(x), int64(b[i]))
	}
	return w.roundProduct(), nil
}

// Affine is the map x ↦ W·x + b with W row-major rows×cols. It caches a
// magnitude bound of W and b so each Apply checks overflow in O(cols) and
// then runs plain int64 multiply-adds. This is the MLP hot path.
type Affine struct {
	rows, cols   int
	w, b         []Fixed
	wBits, bBits uint
	colBits      uint
}

// NewAffine wraps w (rows*cols, row-major) and b (rows). The slices are
// referenced, not copied.
func NewAffine(rows, cols int, w, b []Fixed) (Affine, error) {
	if rows <= 0 || cols <= 0 || len(w) != rows*cols || len(b) != rows {
		return Affine{}, ErrLengthMismatch
	}
	return Affine{
		rows: rows, cols: cols, w: w, b: b,
		wBits: maxBits(w), bBits: maxBits(b),
		colBits: uint(bits.Len(uint(cols))),
	}, nil
}

// Rows returns the output dimension.
func (m *Affine) Rows() int { return m.rows }

// Cols returns the input dimension.
func (m *Affine) Cols() int { return m.cols }

// Apply writes W·x + b to dst[:rows]; each output is the exact sum rounded
// once, half away from zero, saturating to ±MaxFixed.
func (m *Affine) Apply(dst, x []Fixed) error {
	if len(x) != m.cols || len(dst) < m.rows {
		return ErrLengthMismatch
	}
	dst = dst[:m.rows]
	if m.wBits+maxBits(x)+m.colBits <= fastLimit && m.bBits+FracBits <= fastLimit {
		m.applyFast(dst, x)
		return nil
	}
	cols := m.cols
	for i := range dst {
		row := m.w[i*cols : i*cols+cols]
		var w wide
		w.addShifted(int64(m.b[i]))
		for j, xv := range x {
			w.addProd(int64(row[j]), int64(xv))
		}
		dst[i] = w.roundProduct()
	}
	return nil
}

// applyFast is Apply when the bounds prove no int64 overflow.
func (m *Affine) applyFast(dst, x []Fixed) {
	cols := len(x)
	w, b := m.w, m.b[:len(dst)]
	for i := range dst {
		row := w[i*cols:][:cols]
		acc := int64(b[i]) << FracBits
		for j, xv := range x {
			acc += int64(row[j]) * int64(xv)
		}
		dst[i] = roundAcc(acc)
	}
}

// roundAcc rounds an int64 accumulator at product scale, half away from
// zero: adding half−1 instead of half for negative values turns the
// arithmetic shift's floor into the mirror image of the positive case.
// The caller guarantees |acc| < 2^62.
func roundAcc(acc int64) Fixed {
	return Fixed((acc + half + acc>>63) >> FracBits)
}

// maxBits returns b with |x| ≤ 2^b for every x in v. It ORs the ones'
// complement magnitudes (|x| or |x|−1), which is one op cheaper than |x|
// and still bounds |x| by 2^b; the fast-path limits are derived from that.
func maxBits(v []Fixed) uint {
	var or uint64
	for _, x := range v {
		or |= uint64(x ^ x>>63)
	}
	return uint(bits.Len64(or))
}

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
