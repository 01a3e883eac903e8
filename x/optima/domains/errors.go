package domains

import "errors"

// Sentinel errors; the keeper wraps them into registered SDK errors.
var (
	ErrUnknownDomain = errors.New("domains: unknown domain")
	ErrConfigType    = errors.New("domains: config has the wrong type for this domain")
	ErrInvalidConfig = errors.New("domains: invalid config")
	ErrParamsLength  = errors.New("domains: wrong number of parameters")
	ErrInvalidN      = errors.New("domains: number of units must be positive")
	ErrTooLarge      = errors.New("domains: request exceeds the hard size caps")
	ErrInputShape    = errors.New("domains: inputs do not match the domain's input shape")
	ErrSamplesShape  = errors.New("domains: samples do not match the config")
)
