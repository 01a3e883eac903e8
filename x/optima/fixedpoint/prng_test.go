package fixedpoint

import (
	"math"
	"testing"
)

func TestRandKeystreamVector(t *testing.T) {
	// RFC 8439 §2.4.2 / A.1 test vector #1: ChaCha20 block, all-zero key,
	// nonce and counter: 76 b8 e0 ad a0 f1 3d 90 40 5d 6a e5 53 86 bd 28 …
	r, err := NewRand([32]byte{})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := r.Uint64(), r.Uint64(); a != 0x903df1a0ade0b876 || b != 0x28bd8653e56a5d40 {
		t.Fatalf("keystream words = %#x %#x", a, b)
	}
	// Crossing the refill boundary keeps the stream contiguous.
	r1, _ := NewRand([32]byte{1})
	r2, _ := NewRand([32]byte{1})
	var first [200]uint64
	for i := range first {
		first[i] = r1.Uint64()
	}
	for i := range first {
		if r2.Uint64() != first[i] {
			t.Fatalf("stream not reproducible at %d", i)
		}
	}
}

func TestRandDistributions(t *testing.T) {
	r, _ := NewRand([32]byte{2})
	// Uintn: every bucket of a small range is hit about equally.
	const n, draws = 7, 700000
	var cnt [n]int
	for i := 0; i < draws; i++ {
		v := r.Uintn(n)
		if v >= n {
			t.Fatalf("Uintn out of range: %d", v)
		}
		cnt[v]++
	}
	chi := 0.0
	for _, c := range cnt {
		d := float64(c) - draws/n
		chi += d * d / (draws / n)
	}
	if chi > 30 { // 6 dof: p ≈ 4e-5
		t.Fatalf("Uintn chi² = %g (%v)", chi, cnt)
	}
	if r.Uintn(0) != 0 || r.Uintn(1) != 0 {
		t.Fatal("Uintn degenerate")
	}
	// Normal: mean ≈ 0, variance ≈ 1, support within ±6.
	var s, s2 float64
	const m = 200000
	for i := 0; i < m; i++ {
		z := toF(r.Normal())
		if math.Abs(z) > 6 {
			t.Fatalf("Normal out of support: %g", z)
		}
		s += z
		s2 += z * z
	}
	mean, v := s/m, s2/m-(s/m)*(s/m)
	if math.Abs(mean) > 0.01 || math.Abs(v-1) > 0.02 {
		t.Fatalf("Normal mean %g var %g", mean, v)
	}
	// Bernoulli at 0.05.
	p, _ := FromRatio(1, 20)
	hits := 0
	for i := 0; i < m; i++ {
		if r.Bernoulli(p) {
			hits++
		}
	}
	if f := float64(hits) / m; math.Abs(f-0.05) > 0.003 {
		t.Fatalf("Bernoulli(0.05) rate %g", f)
	}
	if r.Bernoulli(0) || !r.Bernoulli(One) {
		t.Fatal("Bernoulli edges")
	}
	for i := 0; i < 1000; i++ {
		if u := r.Unit(); u < 0 || u >= One {
			t.Fatalf("Unit out of [0,1): %d", u)
		}
	}
}
