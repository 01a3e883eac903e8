package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/weights/types"
)

// Export → validate → import → export gives the identical state, mid-block
// (models signalled in the current block) included, and the imported chain
// goes on identically.
func TestGenesisRoundTrip(t *testing.T) {
	p := testParams()
	p.RefreshPerBlock = 4
	a := newEnvWith(t, p)
	scenario(t, a, 5, 15, 30)
	require.NoError(t, a.k.OnModelRetired(a.Ctx, 7))
	require.NoError(t, a.k.RecordRequest(a.Ctx, 3, sdkmath.NewInt(42)))
	require.NoError(t, a.k.RecordReveal(a.Ctx, 4, true))

	gs, err := a.k.ExportGenesis(a.Ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())
	require.NotNil(t, gs.LastRoleShares)

	b := newEnv(t)
	b.Ctx = b.Ctx.WithBlockHeight(a.Ctx.BlockHeight())
	require.NoError(t, b.k.InitGenesis(b.Ctx, *gs))
	require.Equal(t, a.snapshot(), b.snapshot())
	require.NoError(t, b.k.CheckInvariants(b.Ctx))

	// JSON round trip of the genesis itself.
	bz, err := a.Codec.MarshalJSON(gs)
	require.NoError(t, err)
	var back types.GenesisState
	require.NoError(t, a.Codec.UnmarshalJSON(bz, &back))
	require.Equal(t, *gs, back)

	for i := 0; i < 10; i++ {
		for _, e := range []*env{a, b} {
			require.NoError(t, e.k.RecordRequest(e.Ctx, uint64(1+i%6), sdkmath.NewInt(int64(100*i))))
			e.endBlock()
		}
	}
	require.Equal(t, a.snapshot(), b.snapshot())

	// The default genesis is valid and exports back to itself.
	c := newEnv(t)
	def, err := c.k.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	require.NoError(t, def.Validate())
}

func TestInvalidGenesis(t *testing.T) {
	e := newEnv(t)
	scenario(t, e, 11, 5, 10)
	good, err := e.k.ExportGenesis(e.Ctx)
	require.NoError(t, err)
	require.NoError(t, good.Validate())

	cases := map[string]func(gs *types.GenesisState){
		"invalid params":   func(gs *types.GenesisState) { gs.Params.Epsilon = dec("1") },
		"duplicate model":  func(gs *types.GenesisState) { gs.Models = append(gs.Models, gs.Models[1]) },
		"model id 0":       func(gs *types.GenesisState) { gs.Models[0].ModelId = 0 },
		"negative lambda":  func(gs *types.GenesisState) { gs.Models[2].LambdaFees = dec("-1") },
		"missing raw":      func(gs *types.GenesisState) { gs.Models[2].Raw = sdkmath.LegacyDec{} },
		"negative height":  func(gs *types.GenesisState) { gs.Models[2].LastHeight = -1 },
		"weight above 1":   func(gs *types.GenesisState) { gs.Models[2].LastWeight = dec("1.5") },
		"sum_raw mismatch": func(gs *types.GenesisState) { gs.SumRaw = gs.SumRaw.Add(sdkmath.LegacySmallestDec()) },
		"raw inconsistent with sum_raw": func(gs *types.GenesisState) {
			gs.Models[0].Raw = gs.Models[0].Raw.Add(dec("1"))
		},
		"retired model's raw in sum_raw": func(gs *types.GenesisState) { gs.Models[1].Active = false },
		"weights not summing to 1": func(gs *types.GenesisState) {
			// Σraw below the sum of the raws: the weights would sum above 1.
			for i := range gs.Models {
				gs.Models[i].Raw = gs.Models[i].Raw.MulInt64(2)
			}
		},
		"missing sum_raw":  func(gs *types.GenesisState) { gs.SumRaw = sdkmath.LegacyDec{} },
		"negative backlog": func(gs *types.GenesisState) { gs.Backlog.Lambda = dec("-1") },
		"bad last role shares": func(gs *types.GenesisState) {
			gs.LastRoleShares = &types.RoleShares{Optimizer: dec("1"), Evaluator: dec("1"), Validator: dec("0"), Community: dec("0")}
		},
	}
	for name, mutate := range cases {
		t.Run(name, func(t *testing.T) {
			bz, err := e.Codec.MarshalJSON(good)
			require.NoError(t, err)
			var gs types.GenesisState
			require.NoError(t, e.Codec.UnmarshalJSON(bz, &gs))
			mutate(&gs)
			require.ErrorIs(t, gs.Validate(), types.ErrInvalidGenesis)
		})
	}
}

func TestInitGenesisRefusesInvalidState(t *testing.T) {
	e := newEnv(t)
	gs := types.DefaultGenesis()
	gs.Models = []types.ModelState{types.NewModelState(1, 0)}
	gs.Models[0].Raw = dec("1")
	gs.SumRaw = dec("2") // not the sum of the active raws
	require.ErrorIs(t, e.k.InitGenesis(e.Ctx, *gs), types.ErrInvalidGenesis)
}
