package fixedpoint

import (
	"errors"
	"math/big"
	"testing"
)

const (
	maxF = MaxFixed
	minF = MinFixed
	ulp  = Fixed(1)
)

func TestFormatConstants(t *testing.T) {
	if One != 1<<24 || FracBits != 24 {
		t.Fatalf("format changed: One=%d FracBits=%d", One, FracBits)
	}
	if half != One/2 {
		t.Fatal("half")
	}
}

func TestAddSub(t *testing.T) {
	cases := []struct{ a, b, add, sub Fixed }{
		{One, One, 2 * One, 0},
		{-One, One / 2, -One / 2, -3 * One / 2},
		{maxF, 1, maxF, maxF - 1},
		{maxF, maxF, maxF, 0},
		{minF, -1, minF, minF + 1},
		{minF, 1, minF + 1, minF},
		{minF, minF, minF, 0},
		{maxF, minF, -1, maxF},
		{minF, maxF, -1, minF},
		{0, minF, minF, maxF},
		{-1, minF, minF, maxF},
		{-2, maxF, maxF - 2, minF},
	}
	for _, c := range cases {
		if got := c.a.Add(c.b); got != c.add {
			t.Errorf("%d.Add(%d) = %d, want %d", c.a, c.b, got, c.add)
		}
		if got := c.a.Sub(c.b); got != c.sub {
			t.Errorf("%d.Sub(%d) = %d, want %d", c.a, c.b, got, c.sub)
		}
	}
}

func TestNegAbsReLUSign(t *testing.T) {
	cases := []struct {
		a, neg, abs, relu Fixed
		sign              int
	}{
		{0, 0, 0, 0, 0},
		{One, -One, One, One, 1},
		{-One, One, One, 0, -1},
		{maxF, -maxF, maxF, maxF, 1},
		{minF, maxF, maxF, 0, -1},
		{-ulp, ulp, ulp, 0, -1},
	}
	for _, c := range cases {
		if g := c.a.Neg(); g != c.neg {
			t.Errorf("Neg(%d)=%d want %d", c.a, g, c.neg)
		}
		if g := c.a.Abs(); g != c.abs {
			t.Errorf("Abs(%d)=%d want %d", c.a, g, c.abs)
		}
		if g := c.a.ReLU(); g != c.relu {
			t.Errorf("ReLU(%d)=%d want %d", c.a, g, c.relu)
		}
		if g := c.a.Sign(); g != c.sign {
			t.Errorf("Sign(%d)=%d want %d", c.a, g, c.sign)
		}
	}
}

func TestFromIntRawRatio(t *testing.T) {
	if FromInt(3) != 3*One || FromInt(-7) != -7*One || FromInt(0) != 0 {
		t.Fatal("FromInt small")
	}
	lim := int64(maxF) >> FracBits
	if FromInt(lim) != Fixed(lim<<FracBits) || FromInt(lim+1) != maxF {
		t.Fatal("FromInt upper saturation")
	}
	if FromInt(-lim-1) != Fixed((-lim-1)<<FracBits) || FromInt(-lim-2) != minF {
		t.Fatal("FromInt lower saturation")
	}
	if FromInt(int64(minF)) != minF || FromInt(int64(maxF)) != maxF {
		t.Fatal("FromInt extremes")
	}
	if FromRaw(12345).Raw() != 12345 {
		t.Fatal("raw")
	}
	cases := []struct {
		num, den int64
		want     Fixed
	}{
		{1, 2, One / 2},
		{-1, 2, -One / 2},
		{1, -4, -One / 4},
		{1, 3, 5592405},        // 16777216/3 = 5592405.33 → 5592405
		{2, 3, 11184811},       // 11184810.67 → 11184811
		{-2, 3, -11184811},     // symmetric
		{1, 1 << 25, 1},        // 0.5 ulp → away from zero
		{-1, 1 << 25, -1},      // -0.5 ulp → away from zero
		{1, 1<<25 + 1, 0},      // just under 0.5 ulp
		{int64(maxF), 1, maxF}, // saturates
		{int64(minF), 1, -maxF},
		{int64(minF), -1, maxF},
		{0, 5, 0},
	}
	for _, c := range cases {
		got, err := FromRatio(c.num, c.den)
		if err != nil || got != c.want {
			t.Errorf("FromRatio(%d,%d) = %d, %v; want %d", c.num, c.den, got, err, c.want)
		}
	}
	if _, err := FromRatio(1, 0); !errors.Is(err, ErrDivisionByZero) {
		t.Fatalf("FromRatio(1,0) err = %v", err)
	}
}

func TestMulTable(t *testing.T) {
	cases := []struct{ a, b, want Fixed }{
		{One, One, One},
		{2 * One, 3 * One, 6 * One},
		{-One / 2, One / 2, -One / 4},
		{ulp, One / 2, 1},   // 0.5 ulp rounds away from zero
		{-ulp, One / 2, -1}, // symmetric
		{ulp, One/2 - 1, 0}, // just below half
		{3, One / 2, 2},     // 1.5 → 2
		{-3, One / 2, -2},   // -1.5 → -2
		{maxF, One, maxF},
		{maxF, 2 * One, maxF},
		{maxF, -2 * One, -maxF},
		{minF, One, -maxF}, // rounded ops saturate symmetrically
		{minF, -One, maxF},
		{minF, minF, maxF},
		{0, maxF, 0},
		{FromInt(1 << 20), FromInt(1 << 20), maxF}, // 2^40 > 2^39: saturates
		{FromInt(1 << 19), FromInt(1 << 19), FromInt(1 << 38)},
	}
	for _, c := range cases {
		if got := c.a.Mul(c.b); got != c.want {
			t.Errorf("%d.Mul(%d) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := c.a.Mul(c.b); got != refMul(c.a, c.b) {
			t.Errorf("%d.Mul(%d) = %d, ref %d", c.a, c.b, got, refMul(c.a, c.b))
		}
	}
}

func TestMulIntDivInt(t *testing.T) {
	if One.MulInt(-5) != -5*One || maxF.MulInt(2) != maxF || maxF.MulInt(-2) != -maxF ||
		minF.MulInt(-1) != maxF || minF.MulInt(1) != -maxF || Fixed(7).MulInt(0) != 0 {
		t.Fatal("MulInt")
	}
	cases := []struct {
		a    Fixed
		k    int64
		want Fixed
	}{
		{7, 2, 4}, {-7, 2, -4}, {5, 2, 3}, {5, 3, 2}, {-5, -3, 2},
		{minF, -1, maxF}, {minF, 1, -maxF}, {maxF, 1, maxF}, {One, 1 << 30, 0},
	}
	for _, c := range cases {
		got, err := c.a.DivInt(c.k)
		if err != nil || got != c.want {
			t.Errorf("%d.DivInt(%d) = %d, %v; want %d", c.a, c.k, got, err, c.want)
		}
	}
	if _, err := One.DivInt(0); !errors.Is(err, ErrDivisionByZero) {
		t.Fatal("DivInt(0)")
	}
}

func TestDivTable(t *testing.T) {
	cases := []struct{ a, b, want Fixed }{
		{One, 2 * One, One / 2},
		{-One, 2 * One, -One / 2},
		{One, 3 * One, 5592405},
		{-One, 3 * One, -5592405},
		{maxF, One / 2, maxF},
		{maxF, -One / 2, -maxF},
		{minF, ulp, -maxF},
		{minF, -ulp, maxF},
		{ulp, maxF, 0},
		{0, -One, 0},
		{FromInt(1000000), ulp, maxF},
	}
	for _, c := range cases {
		got, err := c.a.Div(c.b)
		if err != nil || got != c.want || got != refDiv(c.a, c.b) {
			t.Errorf("%d.Div(%d) = %d, %v; want %d ref %d", c.a, c.b, got, err, c.want, refDiv(c.a, c.b))
		}
	}
	for _, a := range []Fixed{0, One, minF, maxF} {
		if _, err := a.Div(0); !errors.Is(err, ErrDivisionByZero) {
			t.Errorf("%d.Div(0) err = %v", a, err)
		}
	}
}

// testVals returns a deterministic spread of raw values: edges, small
// numbers and words from the package's own PRNG at several magnitudes.
func testVals(n int) []Fixed {
	vals := []Fixed{0, 1, -1, 2, -2, half, -half, One, -One, One + 1, maxF, minF, maxF - 1, minF + 1,
		FromInt(1 << 19), -FromInt(1 << 19), Pi, -Pi}
	r, _ := NewRand([32]byte{7})
	for len(vals) < n {
		shift := r.Uintn(64)
		v := Fixed(int64(r.Uint64()) >> shift)
		vals = append(vals, v)
	}
	return vals
}

func TestMulDivAgainstBig(t *testing.T) {
	vals := testVals(400)
	for _, a := range vals {
		for _, b := range vals {
			if got, want := a.Mul(b), refMul(a, b); got != want {
				t.Fatalf("%d.Mul(%d) = %d, want %d", a, b, got, want)
			}
			if got, want := a.Neg().Mul(b), a.Mul(b).Neg(); a != minF && got != want {
				t.Fatalf("Mul not odd-symmetric at %d,%d", a, b)
			}
			if b == 0 {
				continue
			}
			got, err := a.Div(b)
			if want := refDiv(a, b); err != nil || got != want {
				t.Fatalf("%d.Div(%d) = %d, %v, want %d", a, b, got, err, want)
			}
			if got, want := a.Add(b), clampFull(new(big.Int).Add(bi(a), bi(b))); got != want {
				t.Fatalf("%d.Add(%d) = %d, want %d", a, b, got, want)
			}
			if got, want := a.Sub(b), clampFull(new(big.Int).Sub(bi(a), bi(b))); got != want {
				t.Fatalf("%d.Sub(%d) = %d, want %d", a, b, got, want)
			}
		}
	}
}

func TestDotAffineSlidingAgainstBig(t *testing.T) {
	r, _ := NewRand([32]byte{9})
	for trial := 0; trial < 3000; trial++ {
		n := 1 + int(r.Uintn(20))
		shift := r.Uintn(64) // spans fast and wide paths
		a, b := make([]Fixed, n), make([]Fixed, n)
		for i := range a {
			a[i] = Fixed(int64(r.Uint64()) >> shift)
			b[i] = Fixed(int64(r.Uint64()) >> r.Uintn(64))
		}
		got, err := Dot(a, b)
		if want := refDot(a, b); err != nil || got != want {
			t.Fatalf("Dot = %d, %v, want %d (a=%v b=%v)", got, err, want, a, b)
		}
		// Affine with one row equals Dot plus the bias.
		bias := []Fixed{Fixed(int64(r.Uint64()) >> r.Uintn(64))}
		m, err := NewAffine(1, n, a, bias)
		if err != nil {
			t.Fatal(err)
		}
		dst := make([]Fixed, 1)
		if err := m.Apply(dst, b); err != nil {
			t.Fatal(err)
		}
		want := refDot(append([]Fixed{bias[0]}, a...), append([]Fixed{One}, b...))
		if dst[0] != want {
			t.Fatalf("Affine = %d, want %d", dst[0], want)
		}
		// SlidingDot over a longer series.
		x := make([]Fixed, n+3)
		for i := range x {
			x[i] = Fixed(int64(r.Uint64()) >> shift)
		}
		out := make([]Fixed, 4)
		if err := SlidingDot(out, a, bias[0], x); err != nil {
			t.Fatal(err)
		}
		for i := range out {
			want := refDot(append([]Fixed{bias[0]}, a...), append([]Fixed{One}, x[i:i+n]...))
			if out[i] != want {
				t.Fatalf("SlidingDot[%d] = %d, want %d", i, out[i], want)
			}
		}
	}
}

func TestDotFastPathBoundary(t *testing.T) {
	// Values whose products sit exactly around the fast-path limit.
	for _, v := range []Fixed{1 << 29, 1<<30 - 1, 1 << 30, 1<<31 - 1, 1 << 31, 1 << 40, maxF, minF} {
		a := []Fixed{v, v, -v, v}
		b := []Fixed{v, v, v, -v}
		got, _ := Dot(a, b)
		if want := refDot(a, b); got != want {
			t.Errorf("Dot at %d = %d, want %d", v, got, want)
		}
	}
	// The exact sum cancels even when partial sums are huge: order-independent.
	a := []Fixed{maxF, maxF, minF, minF, One}
	b := []Fixed{maxF, maxF, maxF, maxF, One}
	got, _ := Dot(a, b)
	if want := refDot(a, b); got != want {
		t.Errorf("cancelling Dot = %d, want %d", got, want)
	}
}

func TestDotErrors(t *testing.T) {
	if _, err := Dot([]Fixed{1}, nil); !errors.Is(err, ErrLengthMismatch) {
		t.Fatal("Dot length")
	}
	if v, err := Dot(nil, nil); err != nil || v != 0 {
		t.Fatal("empty Dot")
	}
	if _, err := NewAffine(2, 2, make([]Fixed, 3), make([]Fixed, 2)); !errors.Is(err, ErrLengthMismatch) {
		t.Fatal("NewAffine w length")
	}
	if _, err := NewAffine(0, 2, nil, nil); !errors.Is(err, ErrLengthMismatch) {
		t.Fatal("NewAffine rows")
	}
	m, _ := NewAffine(2, 2, make([]Fixed, 4), make([]Fixed, 2))
	if err := m.Apply(make([]Fixed, 2), make([]Fixed, 3)); !errors.Is(err, ErrLengthMismatch) {
		t.Fatal("Apply x length")
	}
	if err := m.Apply(make([]Fixed, 1), make([]Fixed, 2)); !errors.Is(err, ErrLengthMismatch) {
		t.Fatal("Apply dst length")
	}
	if err := SlidingDot(make([]Fixed, 3), make([]Fixed, 2), 0, make([]Fixed, 3)); !errors.Is(err, ErrLengthMismatch) {
		t.Fatal("SlidingDot length")
	}
	if err := SlidingDot(make([]Fixed, 3), nil, 0, make([]Fixed, 3)); !errors.Is(err, ErrLengthMismatch) {
		t.Fatal("SlidingDot empty w")
	}
}

func TestSumMean(t *testing.T) {
	if _, err := Mean(nil); !errors.Is(err, ErrEmpty) {
		t.Fatal("Mean(nil)")
	}
	// 7/3 = 39146837.33 raw → 39146837
	if m, _ := Mean([]Fixed{One, 2 * One, 4 * One}); m != 39146837 {
		t.Fatalf("Mean = %d", m)
	}
	// Exact even when the running sum exceeds int64.
	if m, _ := Mean([]Fixed{maxF, maxF, maxF, maxF}); m != maxF {
		t.Fatalf("Mean of max = %d", m)
	}
	// (2·max + 2·min)/4 = -2/4 = -0.5 ulp → -1 (half away from zero)
	if m, _ := Mean([]Fixed{maxF, maxF, minF, minF}); m != -1 {
		t.Fatalf("cancelling Mean = %d, want -1", m)
	}
	var s Sum
	s.Add(maxF)
	s.Add(maxF)
	if s.Value() != maxF {
		t.Fatal("Sum saturates")
	}
	s.Add(minF)
	if s.Value() != maxF-1 { // max+max+min = max-1
		t.Fatalf("Sum exact after cancel = %d", s.Value())
	}
	if _, err := s.DivInt(0); !errors.Is(err, ErrDivisionByZero) {
		t.Fatal("Sum.DivInt(0)")
	}
	// Against big over random values.
	vals := testVals(200)
	sum := new(big.Int)
	for _, v := range vals {
		sum.Add(sum, bi(v))
	}
	m, _ := Mean(vals)
	if want := clampSym(roundDiv(sum, big.NewInt(int64(len(vals))))); m != want {
		t.Fatalf("Mean = %d, want %d", m, want)
	}
}

func TestMeanSquareAgainstBig(t *testing.T) {
	if _, err := MeanSquare(nil); !errors.Is(err, ErrEmpty) {
		t.Fatal("MeanSquare(nil)")
	}
	r, _ := NewRand([32]byte{11})
	for trial := 0; trial < 3000; trial++ {
		n := 1 + int(r.Uintn(70))
		shift := r.Uintn(64)
		v := make([]Fixed, n)
		sum := new(big.Int)
		for i := range v {
			v[i] = Fixed(int64(r.Uint64()) >> shift)
			sum.Add(sum, new(big.Int).Mul(bi(v[i]), bi(v[i])))
		}
		got, err := MeanSquare(v)
		want := clampSym(roundDiv(sum, new(big.Int).Lsh(big.NewInt(int64(n)), FracBits)))
		if err != nil || got != want {
			t.Fatalf("MeanSquare = %d, %v; want %d (shift %d)", got, err, want, shift)
		}
	}
	if m, _ := MeanSquare([]Fixed{MinFixed, MaxFixed}); m != MaxFixed {
		t.Fatalf("MeanSquare saturation = %d", m)
	}
	// 3 ulp and 0: (9 + 0) / (2·2^24) = 2.7e-7 ulp → 0; One and 0: 0.5.
	if m, _ := MeanSquare([]Fixed{One, 0}); m != One/2 {
		t.Fatalf("MeanSquare(1,0) = %d", m)
	}
}

// TestSlidingMSEMatchesComposition checks SlidingMSE bit for bit against
// SlidingDot + Sub + MeanSquare, on magnitudes that hit both paths and the
// residual-limit fallback.
func TestSlidingMSEMatchesComposition(t *testing.T) {
	r, _ := NewRand([32]byte{12})
	for trial := 0; trial < 5000; trial++ {
		k := 1 + int(r.Uintn(8))
		n := k + 1 + int(r.Uintn(80))
		shiftW, shiftX := 30+r.Uintn(34), 20+r.Uintn(44)
		w, x := make([]Fixed, k), make([]Fixed, n)
		for i := range w {
			w[i] = Fixed(int64(r.Uint64()) >> shiftW)
		}
		for i := range x {
			x[i] = Fixed(int64(r.Uint64()) >> shiftX)
		}
		b := Fixed(int64(r.Uint64()) >> (20 + r.Uintn(44)))
		got, err := SlidingMSE(w, b, x)
		if err != nil {
			t.Fatal(err)
		}
		p := make([]Fixed, n-k)
		if err := SlidingDot(p, w, b, x); err != nil {
			t.Fatal(err)
		}
		for i := range p {
			p[i] = p[i].Sub(x[i+k])
		}
		want, _ := MeanSquare(p)
		if got != want {
			t.Fatalf("SlidingMSE = %d, composition = %d (k=%d n=%d shifts %d/%d)", got, want, k, n, shiftW, shiftX)
		}
	}
	if _, err := SlidingMSE([]Fixed{1, 2}, 0, []Fixed{1, 2}); !errors.Is(err, ErrLengthMismatch) {
		t.Fatal("SlidingMSE length")
	}
}
