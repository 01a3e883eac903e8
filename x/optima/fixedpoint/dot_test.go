package fixedpoint

import (
	"errors"
	"math/big"
	"testing"
)

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
