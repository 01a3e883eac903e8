package fixedpoint

import "errors"

// Sentinel errors. Callers compare with errors.Is; messages may carry detail.
var (
	ErrDivisionByZero = errors.New("fixedpoint: division by zero")
	ErrNegativeSqrt   = errors.New("fixedpoint: square root of a negative number")
	ErrLengthMismatch = errors.New("fixedpoint: length mismatch")
	ErrEmpty          = errors.New("fixedpoint: empty input")
	ErrSyntax         = errors.New("fixedpoint: invalid decimal syntax")
	ErrRange          = errors.New("fixedpoint: value out of range")
)
