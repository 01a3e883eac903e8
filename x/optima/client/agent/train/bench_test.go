package train

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/don-network/don/x/optima/domains"
)

// BenchmarkOptimizerQuality reports, per domain (default config), the loss
// the agent's trainer reaches after 1, 5 and 15 minutes of CPU time (run it
// with GOMAXPROCS=1 for one core: `make bench-optimizer`), measured in fixed
// point on 2¹⁶ fresh units, against the domain's floor.
// DON_BENCH_MINUTES overrides the checkpoints, e.g. "1,5".
func BenchmarkOptimizerQuality(b *testing.B) {
	marks := benchMinutes(b)
	for _, name := range domains.Names() {
		b.Run(name, func(b *testing.B) {
			dom, err := domains.Get(name)
			if err != nil {
				b.Fatal(err)
			}
			cfg := dom.DefaultConfig()
			floor, err := Floor(dom, cfg)
			if err != nil {
				b.Fatal(err)
			}
			tr, err := New(dom, cfg, 42)
			if err != nil {
				b.Fatal(err)
			}
			start := cpuTime()
			var p []float64
			for _, m := range marks {
				budget := time.Duration(m * float64(time.Minute))
				for used := cpuTime() - start; used < budget; used = cpuTime() - start {
					if p, err = tr.Train(context.Background(), nil, min(5*time.Second, budget-used)); err != nil {
						b.Fatal(err)
					}
				}
				loss, err := FixedLoss(dom, cfg, Quantize(p), 1<<16, 99)
				if err != nil {
					b.Fatal(err)
				}
				gap := 100 * (loss/floor - 1)
				// Printed at once (b.Logf would wait for the whole run).
				fmt.Printf("| %s | %g min | %.4f | %.4f | %+.1f %% |\n", name, m, loss, floor, gap)
				b.ReportMetric(gap, fmt.Sprintf("gap%%@%gmin", m))
			}
		})
	}
}

func benchMinutes(b *testing.B) []float64 {
	spec := os.Getenv("DON_BENCH_MINUTES")
	if spec == "" {
		spec = "1,5,15"
	}
	var out []float64
	for _, s := range strings.Split(spec, ",") {
		v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || v <= 0 {
			b.Fatalf("DON_BENCH_MINUTES: %q is not a positive number of minutes", s)
		}
		out = append(out, v)
	}
	return out
}

// cpuTime is the process's user+system CPU time: the budget is compute, not
// wall time on a shared machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
