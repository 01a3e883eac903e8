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
