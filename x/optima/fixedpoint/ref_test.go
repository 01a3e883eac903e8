package fixedpoint

import "math/big"

// Exact big-integer references for the rounding rule.

var (
	bigMax = new(big.Int).SetInt64(int64(MaxFixed))
	bigMin = new(big.Int).SetInt64(int64(MinFixed))
)

// roundDiv returns num/den rounded half away from zero (den ≠ 0).
func roundDiv(num, den *big.Int) *big.Int {
	n, d := new(big.Int).Abs(num), new(big.Int).Abs(den)
	q, r := new(big.Int).QuoRem(n, d, new(big.Int))
	if new(big.Int).Lsh(r, 1).Cmp(d) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if num.Sign()*den.Sign() < 0 {
		q.Neg(q)
	}
	return q
}

// clampSym saturates to ±MaxFixed (the rounded operations' range).
func clampSym(v *big.Int) Fixed {
	if v.Cmp(bigMax) > 0 {
		return MaxFixed
	}
	if v.Cmp(new(big.Int).Neg(bigMax)) < 0 {
		return -MaxFixed
	}
	return Fixed(v.Int64())
}

// clampFull saturates to [MinFixed, MaxFixed] (Add, Sub, FromInt).
func clampFull(v *big.Int) Fixed {
	if v.Cmp(bigMax) > 0 {
		return MaxFixed
	}
	if v.Cmp(bigMin) < 0 {
		return MinFixed
	}
	return Fixed(v.Int64())
}

func bi(v Fixed) *big.Int { return big.NewInt(int64(v)) }

var scale = new(big.Int).Lsh(big.NewInt(1), FracBits)

func refMul(a, b Fixed) Fixed {
	return clampSym(roundDiv(new(big.Int).Mul(bi(a), bi(b)), scale))
}

func refDiv(a, b Fixed) Fixed {
	return clampSym(roundDiv(new(big.Int).Mul(bi(a), scale), bi(b)))
}

func refDot(a, b []Fixed) Fixed {
	s := new(big.Int)
	for i := range a {
		s.Add(s, new(big.Int).Mul(bi(a[i]), bi(b[i])))
	}
	return clampSym(roundDiv(s, scale))
}
