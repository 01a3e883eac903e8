package fixedpoint

import (
	"errors"
	"math/big"
	"math/bits"
	"testing"
)

func TestISqrtFloorProperty(t *testing.T) {
	check := func(n uint64) {
		r := ISqrt(n)
		hi, lo := bits.Mul64(r, r)
		if hi != 0 || lo > n {
			t.Fatalf("ISqrt(%d) = %d: r² > n", n, r)
		}
		hi, lo = bits.Mul64(r+1, r+1)
		if hi == 0 && lo <= n {
			t.Fatalf("ISqrt(%d) = %d: (r+1)² ≤ n", n, r)
		}
	}
	for n := uint64(0); n < 70000; n++ {
		check(n)
	}
	for _, n := range []uint64{1<<64 - 1, 1 << 63, 1<<62 - 1, 4294967295 * 4294967295, 4294967296*4294967296 - 1} {
		check(n)
	}
	r, _ := NewRand([32]byte{3})
	for i := 0; i < 200000; i++ {
		check(r.Uint64() >> r.Uintn(64))
	}
	if ISqrt(1<<64-1) != 1<<32-1 {
		t.Fatal("ISqrt(max)")
	}
}

func TestISqrt128FloorProperty(t *testing.T) {
	r, _ := NewRand([32]byte{4})
	for i := 0; i < 20000; i++ {
		hi, lo := r.Uint64()>>r.Uintn(64), r.Uint64()
		n := new(big.Int).Lsh(new(big.Int).SetUint64(hi), 64)
		n.Or(n, new(big.Int).SetUint64(lo))
		got := isqrt128(hi, lo)
		if want := new(big.Int).Sqrt(n); want.Uint64() != got || !want.IsUint64() {
			t.Fatalf("isqrt128(%d:%d) = %d, want %s", hi, lo, got, want)
		}
	}
}

func TestSqrtNearest(t *testing.T) {
	cases := []struct{ in, want Fixed }{
		{0, 0}, {One, One}, {4 * One, 2 * One}, {One / 4, One / 2},
		{2 * One, 23726566}, // √2·2^24 = 23726566.4
		{1, 4096},           // √(2^-24) = 2^-12
	}
	for _, c := range cases {
		got, err := c.in.Sqrt()
		if err != nil || got != c.want {
			t.Errorf("Sqrt(%d) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
	if _, err := Fixed(-1).Sqrt(); !errors.Is(err, ErrNegativeSqrt) {
		t.Fatal("negative Sqrt")
	}
	// Nearest property: (2r−1)² ≤ 4n < (2r+1)² with n = raw·2^F.
	check := func(a Fixed) {
		r, err := a.Sqrt()
		if err != nil {
			t.Fatal(err)
		}
		n4 := new(big.Int).Lsh(bi(a), FracBits+2)
		lo := new(big.Int).SetInt64(2*int64(r) - 1)
		hi := new(big.Int).SetInt64(2*int64(r) + 1)
		lo.Mul(lo, lo)
		hi.Mul(hi, hi)
		if (r > 0 && lo.Cmp(n4) > 0) || hi.Cmp(n4) <= 0 {
			t.Fatalf("Sqrt(%d) = %d is not the nearest", a, r)
		}
	}
	for a := Fixed(0); a < 100000; a++ {
		check(a)
	}
	check(MaxFixed)
	r, _ := NewRand([32]byte{5})
	for i := 0; i < 100000; i++ {
		check(Fixed(r.Uint64() >> (1 + r.Uintn(63))))
	}
}
