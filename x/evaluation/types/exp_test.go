package types_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/evaluation/types"
)

func TestExpNegKnownValues(t *testing.T) {
	// want: e^−z to 30+ digits (Python decimal, 80 digits) and the same value
	// correctly rounded to LegacyDec's 18 decimals.
	cases := []struct {
		z, exact, rounded string
	}{
		{"0", "1", "1"},
		{"0.000000000000000001", "0.999999999999999999000000000000000000", "0.999999999999999999"},
		{"0.01", "0.990049833749168053573905977180036557", "0.990049833749168054"},
		{"0.25", "0.778800783071404868245170266978320647", "0.778800783071404868"},
		{"0.5", "0.606530659712633423603799534991180453", "0.606530659712633424"},
		{"0.75", "0.472366552741014707138046550943267912", "0.472366552741014707"},
		{"1", "0.367879441171442321595523770161460867", "0.367879441171442322"},
		// Outside [0, 1] (range reduction by halving and squaring).
		{"1.5", "0.223130160148429828933280470764012521", "0.223130160148429829"},
		{"2", "0.135335283236612691893999494972484403", "0.135335283236612692"},
		{"3", "0.049787068367863942979342415650061776", "0.049787068367863943"},
		{"5", "0.006737946999085467096636048423148424", "0.006737946999085467"},
		{"40", "0.000000000000000004248354255291588995", "0.000000000000000004"},
	}
	tol := dec("0.00000000000000001") // 1e-17
	for _, tc := range cases {
		got := types.ExpNeg(dec(tc.z))
		requireDecEq(t, dec(tc.rounded), got, "z=%s", tc.z)
		// The 36-digit reference, truncated to 18 decimals by the parser's
		// precision, is within 1e-17 too.
		exact, err := sdkmath.LegacyNewDecFromStr(tc.exact[:min(len(tc.exact), 20)])
		require.NoError(t, err)
		requireDecNear(t, exact, got, tol, "z=%s", tc.z)
	}
}

func TestExpNegOutsideRange(t *testing.T) {
	one, zero := sdkmath.LegacyOneDec(), sdkmath.LegacyZeroDec()
	requireDecEq(t, one, types.ExpNeg(sdkmath.LegacyDec{}))   // nil: as z = 0
	requireDecEq(t, one, types.ExpNeg(dec("-3")))             // negative: clamped to 0
	requireDecEq(t, zero, types.ExpNeg(dec("50")))            // e^−50 ≈ 2e-22 rounds to 0
	requireDecEq(t, zero, types.ExpNeg(dec("1000000000000"))) // no loop, no overflow
}

func TestExpNegStrictlyDecreasingOnUnitInterval(t *testing.T) {
	prev := types.ExpNeg(sdkmath.LegacyZeroDec())
	for i := int64(1); i <= 1000; i++ {
		cur := types.ExpNeg(sdkmath.LegacyNewDecWithPrec(i, 3))
		require.True(t, cur.LT(prev), "e^-%d/1000 = %s not below %s", i, cur, prev)
		prev = cur
	}
}
