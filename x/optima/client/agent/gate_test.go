package agent

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/client/agent/train"
	"github.com/don-network/don/x/optima/types"
)

func regimeARModel(t *testing.T) (types.Params, types.Model) {
	cfg, err := types.DefaultDomainConfig("regime-ar")
	require.NoError(t, err)
	return types.DefaultParams(), types.Model{
		Id: 3, Name: "regime-ar-k4", Domain: "regime-ar", Config: cfg, NumParams: 5,
		EvalSamples: 256, MinImprovement: sdkmath.LegacyNewDecWithPrec(5, 3),
		SeedBlocks: 2, RevealWindow: 30, CommitBond: sdk.NewInt64Coin("udon", 1_000_000),
		Status: types.MODEL_STATUS_ACTIVE,
	}
}

func TestGate(t *testing.T) {
	p, m := regimeARModel(t)
	zeros := make([]int64, 5)
	good := train.Quantize([]float64{0, 0, 0.2, 0.5, 0.3})
	seeds, err := FreshSeeds(4)
	require.NoError(t, err)

	// A clearly better candidate passes on every seed, with room to spare.
	g, err := Gate(p, m, zeros, good, seeds, sdkmath.LegacyOneDec())
	require.NoError(t, err)
	require.True(t, g.Pass, g.Reason)
	require.True(t, g.WorstSlack.IsPositive())
	require.True(t, g.NewLoss.LT(g.IncumbentLoss))

	// The incumbent itself is no improvement: the chain would reject it.
	g, err = Gate(p, m, good, good, seeds, sdkmath.LegacyOneDec())
	require.NoError(t, err)
	require.False(t, g.Pass)
	require.Contains(t, g.Reason, types.ReasonNotSignificant)

	// A tiny true improvement that the chain might accept on a lucky seed is
	// refused once the margin asks for more standard errors than it has.
	nudged := append([]int64(nil), good...)
	nudged[4] -= 1 << 16 // the bias moves by 0.004
	g, err = Gate(p, m, good, nudged, seeds, sdkmath.LegacyNewDec(100))
	require.NoError(t, err)
	require.False(t, g.Pass)

	// A vector CheckCandidate refuses never reaches a commit.
	g, err = Gate(p, m, zeros, good[:4], seeds, sdkmath.LegacyOneDec())
	require.NoError(t, err)
	require.False(t, g.Pass)
	require.Contains(t, g.Reason, "params")

	_, err = Gate(p, m, zeros, good, nil, sdkmath.LegacyOneDec())
	require.Error(t, err)
}
