package domains

import (
	"fmt"
	"math/bits"

	"github.com/don-network/don/x/optima/fixedpoint"
)

// asConfig accepts a domain's config by value or non-nil pointer and
// validates it.
func asConfig[T Config](cfg Config) (T, error) {
	var zero T
	if c, ok := cfg.(T); ok {
		return c, c.Validate()
	}
	if p, ok := any(cfg).(*T); ok && p != nil {
		return *p, (*p).Validate()
	}
	return zero, fmt.Errorf("%w: got %T, want %T", ErrConfigType, cfg, zero)
}

func checkUint(name string, v, lo, hi uint32) error {
	if v < lo || v > hi {
		return fmt.Errorf("%w: %s = %d not in [%d, %d]", ErrInvalidConfig, name, v, lo, hi)
	}
	return nil
}

func checkFixed(name string, v, lo, hi fixedpoint.Fixed) error {
	if v < lo || v > hi {
		return fmt.Errorf("%w: %s = %s not in [%s, %s]", ErrInvalidConfig, name, v, lo, hi)
	}
	return nil
}

// ratio is num/den for compile-time constants (den ≠ 0, so no error).
func ratio(num, den int64) fixedpoint.Fixed {
	v, _ := fixedpoint.FromRatio(num, den)
	return v
}

// checkN validates a unit count against MaxUnits and MaxValues.
func checkN(n, valuesPerUnit int) error {
	if n <= 0 {
		return fmt.Errorf("%w: n = %d", ErrInvalidN, n)
	}
	if n > MaxUnits || n > MaxValues/valuesPerUnit {
		return fmt.Errorf("%w: n = %d with %d values per unit (caps %d units, %d values)",
			ErrTooLarge, n, valuesPerUnit, MaxUnits, MaxValues)
	}
	return nil
}

// checkSamples validates a Samples against the expected row widths.
func checkSamples(s *Samples, inDim, outDim int) error {
	if s == nil {
		return fmt.Errorf("%w: nil samples", ErrSamplesShape)
	}
	if err := checkN(s.Units, inDim+outDim); err != nil {
		return err
	}
	if s.InputDim != inDim || s.OutputDim != outDim ||
		len(s.Inputs) != s.Units*inDim || len(s.Targets) != s.Units*outDim {
		return fmt.Errorf("%w: units %d, dims %d/%d (want %d/%d), lengths %d/%d",
			ErrSamplesShape, s.Units, s.InputDim, s.OutputDim, inDim, outDim, len(s.Inputs), len(s.Targets))
	}
	return nil
}

// opsTotal returns n·perUnit + extra, saturating at ^uint64(0).
func opsTotal(n int, perUnit, extra uint64) uint64 {
	if n <= 0 {
		return ^uint64(0)
	}
	hi, lo := bits.Mul64(uint64(n), perUnit)
	if hi != 0 || lo+extra < lo {
		return ^uint64(0)
	}
	return lo + extra
}
