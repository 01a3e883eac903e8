package domains

import (
	"fmt"
	"testing"
	"time"

	fp "github.com/don-network/don/x/optima/fixedpoint"
)

// benchUnits is n for the loss benchmarks (default configs).
const benchUnits = 1000

// BenchmarkLoss compares each domain's fixed-point Loss with the float64
// reference on the same samples and params. The fixed benchmark also
// reports ns per counted fixed-point operation (ns/fpop); the float one
// reports ns per the same operation count, for comparison.
func BenchmarkLoss(b *testing.B) {
	for _, d := range []Domain{Friedman1{}, Spirals{}, RegimeAR{}} {
		cfg := d.DefaultConfig()
		np, _ := d.NumParams(cfg)
		s := mustGenerate(b, d, cfg, "bench/"+d.Name(), benchUnits)
		params := randParams(b, "bench/"+d.Name(), np, fp.One)
		ops := d.EstimateOps(cfg, benchUnits)
		fs, pf := toFloatSamples(s), toFs(params)
		var ref func() floatLoss
		switch c := cfg.(type) {
		case Friedman1Config:
			ref = func() floatLoss { return refFriedman1(c, pf, fs) }
		case SpiralsConfig:
			ref = func() floatLoss { return refSpirals(c, pf, fs) }
		case RegimeARConfig:
			ref = func() floatLoss { return refRegimeAR(c, pf, fs) }
		default:
			b.Fatalf("no reference for %T", cfg)
		}
		b.Run(d.Name()+"/fixed", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := d.Loss(cfg, params, s); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(ops), "ns/fpop")
		})
		b.Run(d.Name()+"/float64", func(b *testing.B) {
			b.ReportAllocs()
			var sink float64
			for b.Loop() {
				sink += ref().mean
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(ops), "ns/fpop")
			_ = fmt.Sprint(sink)
		})
		// ratio interleaves both in one loop, so machine load hits them
		// alike, and reports fixed-point speed / float64 speed (bar: ≥ 0.5).
		b.Run(d.Name()+"/ratio", func(b *testing.B) {
			var fixedNs, floatNs int64
			var sink float64
			for b.Loop() {
				t0 := time.Now()
				if _, err := d.Loss(cfg, params, s); err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				sink += ref().mean
				floatNs += time.Since(t1).Nanoseconds()
				fixedNs += t1.Sub(t0).Nanoseconds()
			}
			b.ReportMetric(float64(floatNs)/float64(fixedNs), "fixed-speed/float64-speed")
			_ = fmt.Sprint(sink)
		})
	}
}

// BenchmarkGenerate measures data generation (not part of the speed bar).
func BenchmarkGenerate(b *testing.B) {
	for _, d := range []Domain{Friedman1{}, Spirals{}, RegimeAR{}} {
		cfg := d.DefaultConfig()
		b.Run(d.Name(), func(b *testing.B) {
			for b.Loop() {
				if _, err := d.Generate(cfg, seedOf("bench"), benchUnits); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
