package econsim

import sdkmath "cosmossdk.io/math"

// Float64 converts a chain decimal (a weight, a filter, a reputation) to
// float64 for off-chain statistics; NaN for a nil or unconvertible Dec.
func Float64(d sdkmath.LegacyDec) float64 { return decFloat(d) }
