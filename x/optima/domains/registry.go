// Package domains holds DON's built-in optimization domains (docs/optima.md,
// "Domains"):
// deterministic data generators, parameterised predictors and losses, all in
// integer fixed point (package fixedpoint), bit-identical on every CPU.
//
// Every result is a pure function of its arguments: Generate of (config,
// seed, n), Predict of (config, params, inputs), Loss of (config, params,
// samples). Generate draws units sequentially from one ChaCha20 stream, so
// the first m units of Generate(cfg, seed, n) equal Generate(cfg, seed, m).
//
// Ops counts fixed-point arithmetic operations of a loss evaluation: one per
// multiply-add, bias add, ReLU, subtraction, square, comparison, summation
// and division (bookkeeping such as overflow-bound scans is not counted).
// The count depends only on the config and the number of units, so
// EstimateOps returns exactly what Loss will report.
package domains

import (
	"fmt"

	"github.com/don-network/don/x/optima/fixedpoint"
)

// Hard caps, independent of chain params, so that no call can exhaust memory.
const (
	// MaxUnits bounds n in Generate and Loss and the number of rows in Predict.
	MaxUnits = 1 << 18
	// MaxValues bounds the Fixed values (inputs + targets) of one Samples.
	MaxValues = 1 << 22
)

// Config is a domain's typed configuration. Each domain accepts its own
// config struct, by value or by non-nil pointer.
type Config interface {
	Validate() error
}

// Samples is a flat batch of evaluation units. Inputs holds Units rows of
// InputDim values and Targets Units rows of OutputDim values; each domain
// documents its layout.
type Samples struct {
	Units               int
	InputDim, OutputDim int
	Inputs              []fixedpoint.Fixed
	Targets             []fixedpoint.Fixed
}

// LossResult is a loss evaluation: the mean over units, the loss of each
// unit (for the paired significance test) and the exact operation count.
type LossResult struct {
	Mean    fixedpoint.Fixed
	PerUnit []fixedpoint.Fixed
	Ops     uint64
}

// Domain is one built-in domain, versioned by its name.
type Domain interface {
	Name() string
	DefaultConfig() Config
	NumParams(cfg Config) (int, error)
	// InputDim and OutputDim are the row widths Predict consumes and
	// produces (0 for an invalid config).
	InputDim(cfg Config) int
	OutputDim(cfg Config) int
	Generate(cfg Config, seed [32]byte, n int) (*Samples, error)
	// Predict maps k rows of InputDim values to k rows of OutputDim values.
	Predict(cfg Config, params, inputs []fixedpoint.Fixed) (outputs []fixedpoint.Fixed, ops uint64, err error)
	Loss(cfg Config, params []fixedpoint.Fixed, s *Samples) (LossResult, error)
	// EstimateOps is an upper bound (here: exactly) of Loss's Ops for n
	// units; ^uint64(0) for an invalid config or n.
	EstimateOps(cfg Config, n int) uint64
	// GenerateOps is an upper bound of Generate's cost for n units in the
	// same unit as Ops, a PRNG word counting RandWordOps; ^uint64(0) for an
	// invalid config or n.
	GenerateOps(cfg Config, n int) uint64
}

// RandWordOps is what one 64-bit PRNG word costs in operations: a ChaCha20
// keystream word takes about as long as 16 fixed-point multiply-adds
// (calibrated by BenchmarkVerify in x/optima/types), so gas charged per
// operation covers data generation too.
const RandWordOps = 16

// trigOps is what one Sin or Cos costs: range reduction and a degree-15
// polynomial.
const trigOps = 20

// registry is sorted by name; a slice, not a map, so order is fixed.
var registry = []Domain{Friedman1{}, RegimeAR{}, Spirals{}}

// Get returns the domain with the given name.
func Get(name string) (Domain, error) {
	for _, d := range registry {
		if d.Name() == name {
			return d, nil
		}
	}
	return nil, fmt.Errorf("%w: %q", ErrUnknownDomain, name)
}

// Names returns the names of all built-in domains, sorted.
func Names() []string {
	out := make([]string, len(registry))
	for i, d := range registry {
		out[i] = d.Name()
	}
	return out
}
