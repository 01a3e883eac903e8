package fixedpoint

import (
	"errors"
	"math/big"
	"strings"
	"testing"
)

func TestDecimalsConstant(t *testing.T) {
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(Decimals), nil)
	q := new(big.Int).Exp(big.NewInt(10), big.NewInt(Decimals-1), nil)
	two := new(big.Int).Lsh(big.NewInt(1), FracBits)
	if p.Cmp(two) <= 0 || q.Cmp(two) > 0 || pow10Dec != p.Uint64() {
		t.Fatalf("Decimals = %d is not the least d with 10^d > 2^%d", Decimals, FracBits)
	}
}

func TestParseDecimal(t *testing.T) {
	cases := []struct {
		in   string
		want Fixed
	}{
		{"0", 0},
		{"-0", 0},
		{"3", 3 * One},
		{"+3", 3 * One},
		{"-1.25", -One - One/4},
		{"0.5", One / 2},
		{".5", One / 2},
		{"2.", 2 * One},
		{"0.000015", 252},   // 251.66 → 252
		{"-0.000015", -252}, // symmetric
		{"1e-3", 16777},     // 16777.216
		{"1E+2", 100 * One},
		{"12.5e-1", One + One/4},
		{"0.00000002980232238769531250", 1},   // exactly 0.5 ulp → away from zero
		{"-0.00000002980232238769531250", -1}, // exactly -0.5 ulp
		{"0.00000002980232238769531249", 0},   // just below half
		{"1e-1000", 0},
		{"0e1000", 0},
		{"549755813887.99999994039535522460937500", MaxFixed},  // exactly max
		{"-549755813888", MinFixed},                            // exactly min
		{"3.14159265358979323846", Pi},                         // rounds to the constant
		{"000000000000000000000000000000000000000000001", One}, // leading zeros
	}
	for _, c := range cases {
		got, err := ParseDecimal(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseDecimal(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
}

func TestParseDecimalErrors(t *testing.T) {
	syntax := []string{"", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1,5", " 1", "1 ", "0x10",
		"NaN", "inf", "--1", "+-1", "1e5e3", "1_000", "١", "1e1001", "1e-1001", strings.Repeat("1", 129)}
	for _, s := range syntax {
		if _, err := ParseDecimal(s); !errors.Is(err, ErrSyntax) {
			t.Errorf("ParseDecimal(%q) err = %v, want ErrSyntax", s, err)
		}
	}
	rng := []string{"549755813888", "-549755813888.00000003", "1e12", "-1e1000", "99999999999999999999"}
	for _, s := range rng {
		if _, err := ParseDecimal(s); !errors.Is(err, ErrRange) {
			t.Errorf("ParseDecimal(%q) err = %v, want ErrRange", s, err)
		}
	}
}

func TestString(t *testing.T) {
	cases := []struct {
		in   Fixed
		want string
	}{
		{0, "0.00000000"},
		{One, "1.00000000"},
		{-One - One/4, "-1.25000000"},
		{1, "0.00000006"}, // 5.96e-8
		{-1, "-0.00000006"},
		{Pi, "3.14159268"}, // π rounded to 2^-24 is 3.1415926814…
		{MaxFixed, "549755813887.99999994"},
		{MinFixed, "-549755813888.00000000"},
		{One - 1, "0.99999994"},
	}
	for _, c := range cases {
		if got := c.in.String(); got != c.want {
			t.Errorf("String(%d) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestStringRoundTrip(t *testing.T) {
	check := func(v Fixed) {
		got, err := ParseDecimal(v.String())
		if err != nil || got != v {
			t.Fatalf("round trip %d → %q → %d, %v", v, v.String(), got, err)
		}
	}
	for v := Fixed(-200000); v <= 200000; v++ {
		check(v)
	}
	for _, v := range testVals(200000) {
		check(v)
	}
	var x Fixed
	b, _ := Pi.MarshalText()
	if err := x.UnmarshalText(b); err != nil || x != Pi {
		t.Fatal("text round trip")
	}
	if err := x.UnmarshalText([]byte("zz")); !errors.Is(err, ErrSyntax) {
		t.Fatal("UnmarshalText error")
	}
}

// refParse is ParseDecimal via big.Rat, for the fuzzer.
func refParse(s string) (Fixed, bool) {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return 0, false
	}
	num := new(big.Int).Mul(r.Num(), scale)
	q := roundDiv(num, r.Denom())
	if q.Cmp(bigMax) > 0 || q.Cmp(bigMin) < 0 {
		return 0, false
	}
	return Fixed(q.Int64()), true
}

func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"0", "-1.25", "3", "0.000015", "1e-3", ".5", "2.", "1e1000", "-549755813888",
		"549755813887.99999994", "0.00000002980232238769531250", "abc", "1.2.3", "+-1", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseDecimal(s)
		if err != nil {
			if !errors.Is(err, ErrSyntax) && !errors.Is(err, ErrRange) {
				t.Fatalf("ParseDecimal(%q): unexpected error %v", s, err)
			}
			return
		}
		// Accepted strings agree with an exact rational parse.
		if want, ok := refParse(s); !ok || want != v {
			t.Fatalf("ParseDecimal(%q) = %d, big.Rat says %d (%v)", s, v, want, ok)
		}
		back, err := ParseDecimal(v.String())
		if err != nil || back != v {
			t.Fatalf("round trip of %q: %d → %q → %d, %v", s, v, v.String(), back, err)
		}
	})
}

func FuzzMul(f *testing.F) {
	for _, p := range [][2]int64{{0, 0}, {1, 1}, {int64(One), int64(One)}, {-1, int64(half)},
		{int64(MaxFixed), int64(MaxFixed)}, {int64(MinFixed), -1}, {int64(MinFixed), int64(MinFixed)},
		{3, int64(half)}, {-3, int64(half)}} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, a, b int64) {
		x, y := Fixed(a), Fixed(b)
		got := x.Mul(y)
		if want := refMul(x, y); got != want {
			t.Fatalf("%d.Mul(%d) = %d, want %d", a, b, got, want)
		}
		if got != y.Mul(x) {
			t.Fatalf("Mul not commutative at %d, %d", a, b)
		}
		if d, _ := Dot([]Fixed{x}, []Fixed{y}); d != got {
			t.Fatalf("Dot of one term %d != Mul %d", d, got)
		}
	})
}
