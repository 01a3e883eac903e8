package econsim

import (
	sdkmath "cosmossdk.io/math"

	"github.com/don-network/don/x/optima/client/agent"
)

// Float64 converts a chain decimal (a weight, a filter, a reputation) to
// float64 for off-chain statistics; NaN for a nil or unconvertible Dec.
func Float64(d sdkmath.LegacyDec) float64 { return agent.DecFloat(d) }
