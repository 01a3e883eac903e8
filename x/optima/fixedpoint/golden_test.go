package fixedpoint

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"testing"
)

// goldenEngine is the SHA-256 of a battery of engine results over
// deterministic inputs (see TestGoldenEngine). It must be identical on every
// GOARCH; a change means consensus-visible arithmetic changed.
const goldenEngine = "5bae2668caa7db37f3c93c670b51016cf70b6d682fc6643d672470716d4840b1"

func TestGoldenEngine(t *testing.T) {
	h := sha256.New()
	put := func(v Fixed) { h.Write(binary.BigEndian.AppendUint64(nil, uint64(v))) }
	vals := testVals(300)
	r, _ := NewRand(sha256.Sum256([]byte("golden/fixedpoint")))
	for i := 0; i < 256; i++ {
		h.Write(binary.BigEndian.AppendUint64(nil, r.Uint64()))
		h.Write(binary.BigEndian.AppendUint64(nil, r.Uintn(1000003)))
		put(r.Normal())
		put(r.Unit())
	}
	for i, a := range vals {
		b := vals[(i*7+3)%len(vals)]
		put(a.Add(b))
		put(a.Sub(b))
		put(a.Mul(b))
		put(a.MulInt(int64(b) >> 40))
		q, err := a.Div(b)
		if err == nil {
			put(q)
		}
		if s, err := a.Abs().Sqrt(); err == nil {
			put(s)
		}
		put(Sin(a))
		put(Cos(a))
		h.Write([]byte(a.String()))
	}
	for n := 1; n < 40; n++ {
		a, b := vals[n:2*n], vals[2*n:3*n]
		d, _ := Dot(a, b)
		put(d)
		ms, _ := MeanSquare(a)
		put(ms)
		mean, _ := Mean(b)
		put(mean)
		small := make([]Fixed, n+5)
		for i := range small {
			small[i] = vals[i] >> 30
		}
		sm, _ := SlidingMSE(small[:n], vals[n]>>30, small)
		put(sm)
	}
	got := hex.EncodeToString(h.Sum(nil))
	if got != goldenEngine {
		t.Fatalf("engine golden hash = %s, want %s", got, goldenEngine)
	}
}
