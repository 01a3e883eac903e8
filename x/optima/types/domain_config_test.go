package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/optima/types"
)

func regimeAR(constant, phi1 []string) types.DomainConfig {
	two := []string{"0", "0"}
	return types.DomainConfig{Config: &types.DomainConfig_RegimeAr{RegimeAr: &types.RegimeARConfig{
		Lags: 2, SeriesLength: 64, BurnIn: 8,
		Constant: constant, Phi1: phi1, Phi2: two, Sigma: []string{"1", "1"}, Stay: []string{"0.9", "0.9"},
	}}}
}

// An invalid value followed by a list of the wrong length used to index
// past the short list (a panic in genesis validation).
func TestResolveDomainSeveralBadFields(t *testing.T) {
	for name, cfg := range map[string]types.DomainConfig{
		"bad value then empty list": regimeAR([]string{"x", "0"}, []string{}),
		"bad value then nil list":   regimeAR([]string{"x", "0"}, nil),
		"short list then bad value": regimeAR([]string{"0"}, []string{"y", "0"}),
	} {
		t.Run(name, func(t *testing.T) {
			require.NotPanics(t, func() {
				_, _, err := types.ResolveDomain("regime-ar", cfg)
				require.ErrorIs(t, err, types.ErrInvalidDomainConfig)
			})
		})
	}
}
