package types_test

import (
	"crypto/sha256"
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/don-network/don/x/optima/types"
)

// BenchmarkVerify times one reveal's verification (sample generation plus
// both paired losses plus the significance test) for each built-in domain at
// the devnet's eval_samples, and reports the time per estimated operation:
// with gas_per_op = 1 that is the wall time behind one unit of gas.
func BenchmarkVerify(b *testing.B) {
	for _, tc := range []struct {
		domain  string
		samples uint32
	}{{"friedman1", 512}, {"spirals", 1024}, {"regime-ar", 256}} {
		b.Run(tc.domain, func(b *testing.B) {
			cfg, err := types.DefaultDomainConfig(tc.domain)
			if err != nil {
				b.Fatal(err)
			}
			dom, typed, err := types.ResolveDomain(tc.domain, cfg)
			if err != nil {
				b.Fatal(err)
			}
			n, err := dom.NumParams(typed)
			if err != nil {
				b.Fatal(err)
			}
			m := types.Model{Domain: tc.domain, Config: cfg, EvalSamples: tc.samples, NumParams: uint32(n),
				MinImprovement: sdkmath.LegacyNewDecWithPrec(5, 3)}
			ops, err := types.ModelOps(m)
			if err != nil {
				b.Fatal(err)
			}
			incumbent, candidate := make([]int64, n), make([]int64, n)
			for i := range candidate {
				candidate[i] = int64(i%7-3) << 20 // small deterministic weights
			}
			p := types.DefaultParams()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				seed := sha256.Sum256([]byte{byte(i), byte(i >> 8)})
				if _, err := types.Verify(m, incumbent, candidate, seed, p); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(ops), "gas/verify")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(ops), "ns/gas")
		})
	}
}
