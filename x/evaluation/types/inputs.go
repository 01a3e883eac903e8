package types

import (
	errorsmod "cosmossdk.io/errors"

	"github.com/don-network/don/x/optima/domains"
	"github.com/don-network/don/x/optima/fixedpoint"
)

// CheckInputs validates a request's row-major inputs against the domain's
// input width and the params (max_rows, max_abs_input) and returns the
// number of rows. The keeper runs it on every request; the CLI runs it
// before broadcasting, so an oversized file fails here and not at the
// node's HTTP body limit.
func CheckInputs(p Params, dom domains.Domain, cfg domains.Config, inputs []int64) (uint32, error) {
	width := dom.InputDim(cfg)
	if width <= 0 || len(inputs) == 0 || len(inputs)%width != 0 {
		return 0, errorsmod.Wrapf(ErrInvalidInputs, "%d values are not a positive number of rows of %d", len(inputs), width)
	}
	rows := len(inputs) / width
	if rows > int(p.MaxRows) {
		return 0, errorsmod.Wrapf(ErrInvalidInputs, "%d rows > max_rows %d", rows, p.MaxRows)
	}
	bound := MaxAbsInputFixed(p)
	for i, v := range inputs {
		if v > bound || v < -bound {
			return 0, errorsmod.Wrapf(ErrInvalidInputs, "value %d (%s) outside ±max_abs_input %s",
				i, fixedpoint.Fixed(v).String(), p.MaxAbsInput)
		}
	}
	return uint32(rows), nil
}

// MaxAbsInputFixed is max_abs_input in raw fixed point.
func MaxAbsInputFixed(p Params) int64 {
	return p.MaxAbsInput.MulInt64(int64(fixedpoint.One)).TruncateInt64()
}
