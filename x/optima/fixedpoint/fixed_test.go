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
