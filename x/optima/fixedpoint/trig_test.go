package fixedpoint

import (
	"math"
	"math/big"
	"testing"
)

// bigPi returns π·2^prec (truncated) by Machin's formula in big integers.
func bigPi(prec uint) *big.Int {
	one := new(big.Int).Lsh(big.NewInt(1), prec+16)
	arctanInv := func(x int64) *big.Int {
		sum, term := new(big.Int), new(big.Int).Quo(one, big.NewInt(x))
		x2 := big.NewInt(x * x)
		for k, sgn := int64(1), 1; term.Sign() != 0; k, sgn = k+2, -sgn {
			t := new(big.Int).Quo(term, big.NewInt(k))
			if sgn > 0 {
				sum.Add(sum, t)
			} else {
				sum.Sub(sum, t)
			}
			term.Quo(term, x2)
		}
		return sum
	}
	pi := new(big.Int).Mul(arctanInv(5), big.NewInt(16))
	pi.Sub(pi, new(big.Int).Mul(arctanInv(239), big.NewInt(4)))
	return pi.Rsh(pi, 16)
}

func TestTrigConstants(t *testing.T) {
	const prec = 400
	pi := bigPi(prec)
	if got := new(big.Int).Rsh(pi, prec-60); got.Uint64() != piQ60 {
		t.Fatalf("piQ60 = %#x, want %#x", uint64(piQ60), got)
	}
	roundShift := func(v *big.Int, sh uint) int64 {
		return roundDiv(v, new(big.Int).Lsh(big.NewInt(1), sh)).Int64()
	}
	if want := roundShift(pi, prec-FracBits); int64(Pi) != want {
		t.Fatalf("Pi = %d, want %d", Pi, want)
	}
	if want := roundShift(pi, prec-FracBits+1); int64(HalfPi) != want {
		t.Fatalf("HalfPi = %d, want %d", HalfPi, want)
	}
	if want := roundShift(pi, prec-FracBits-1); int64(TwoPi) != want {
		t.Fatalf("TwoPi = %d, want %d", TwoPi, want)
	}
	// turnsPerRad66 = round(2^66 / 2π) = round(2^(65+prec) / (π·2^prec))
	k := roundDiv(new(big.Int).Lsh(big.NewInt(1), 65+prec), pi)
	if k.Uint64() != turnsPerRad66 {
		t.Fatalf("turnsPerRad66 = %#x, want %#x", uint64(turnsPerRad66), k)
	}
	// sinPoly[i] = ±(π/2)^(2i+1)/(2i+1)! · 2^61
	halfPi := new(big.Int).Rsh(pi, 1)
	fact := big.NewInt(1)
	for i := range sinPoly {
		n := int64(2*i + 1)
		if n > 1 {
			fact.Mul(fact, big.NewInt((n-1)*n))
		}
		num := new(big.Int).Exp(halfPi, big.NewInt(n), nil)
		den := new(big.Int).Mul(fact, new(big.Int).Lsh(big.NewInt(1), uint(prec*n-61)))
		want := roundDiv(num, den).Int64()
		if i%2 == 1 {
			want = -want
		}
		if sinPoly[i] != want {
			t.Errorf("sinPoly[%d] = %#x, want %#x", i, sinPoly[i], want)
		}
	}
}

func toF(v Fixed) float64 { return float64(v) / float64(One) }

// maxTrigErr is the documented accuracy bound (the brief asks ≤ 1e-4; the
// implementation achieves about one ulp).
const maxTrigErr = 1e-4

func TestSinCosAccuracy(t *testing.T) {
	worstSin, worstCos := 0.0, 0.0
	check := func(x Fixed) {
		xf := toF(x)
		es := math.Abs(toF(Sin(x)) - math.Sin(xf))
		ec := math.Abs(toF(Cos(x)) - math.Cos(xf))
		worstSin, worstCos = max(worstSin, es), max(worstCos, ec)
		if es > maxTrigErr || ec > maxTrigErr {
			t.Fatalf("x=%v: sin err %g, cos err %g", xf, es, ec)
		}
		if Sin(x.Neg()) != Sin(x).Neg() {
			t.Fatalf("Sin not odd at %v", xf)
		}
		if s := Sin(x); s > One || s < -One {
			t.Fatalf("Sin out of [-1,1] at %v", xf)
		}
	}
	// Dense grid over [-4π, 4π]: every 997 ulp (≈ 5.9e-5 rad), 420k points.
	for x := -4 * Pi; x <= 4*Pi; x += 997 {
		check(x)
	}
	// Sparser grid out to ±10^4 rad, plus the quadrant boundaries.
	for x := -FromInt(10000); x <= FromInt(10000); x += 1<<20 + 7 {
		check(x)
	}
	for k := int64(-16); k <= 16; k++ {
		for d := Fixed(-2); d <= 2; d++ {
			check(HalfPi.MulInt(k) + d)
		}
	}
	t.Logf("max |err|: sin %.3g, cos %.3g (ulp %.3g)", worstSin, worstCos, 1/float64(One))
	if worstSin > 1.5/float64(One) || worstCos > 1.5/float64(One) {
		t.Errorf("error above 1.5 ulp: sin %g cos %g", worstSin, worstCos)
	}
}

func TestSinSpecialValues(t *testing.T) {
	if Sin(0) != 0 || Cos(0) != One {
		t.Fatalf("Sin(0)=%d Cos(0)=%d", Sin(0), Cos(0))
	}
	if Sin(HalfPi) != One || Sin(-HalfPi) != -One {
		t.Fatalf("Sin(±π/2) = %d, %d", Sin(HalfPi), Sin(-HalfPi))
	}
	// Extremes do not panic and stay in range.
	for _, x := range []Fixed{MaxFixed, MinFixed, MaxFixed - 1, MinFixed + 1} {
		if s, c := Sin(x), Cos(x); s > One || s < -One || c > One || c < -One {
			t.Fatalf("out of range at %d", x)
		}
	}
}
