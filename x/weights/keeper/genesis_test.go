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

// A zero-height export moves every height back by the old chain's height:
// the chain restarted at height 1 goes on exactly as the old one at the
// height after its last block, lazily idle models included.
func TestShiftedGenesisGoesOnTheSame(t *testing.T) {
	a := newEnvWith(t, testParams())
	scenario(t, a, 5, 15, 30)
	require.NoError(t, a.k.RecordRequest(a.Ctx, 3, sdkmath.NewInt(42)))
	a.endBlock()
	gs, err := a.k.ExportGenesis(a.Ctx)
	require.NoError(t, err)
	last := a.Ctx.BlockHeight() - 1 // the old chain's last block
	gs.ShiftHeights(-last)
	require.NoError(t, gs.Validate(), "heights before the restart are negative")

	b := newEnv(t)
	b.Ctx = b.Ctx.WithBlockHeight(1)
	require.NoError(t, b.k.InitGenesis(b.Ctx, *gs))
	require.NoError(t, b.k.CheckInvariants(b.Ctx))
	for i := 0; i < 20; i++ {
		for _, e := range []*env{a, b} {
			if i%3 == 0 {
				require.NoError(t, e.k.RecordRequest(e.Ctx, uint64(1+i%6), sdkmath.NewInt(int64(1000*i))))
			}
			e.endBlock()
		}
	}
	for id := uint64(1); id <= 12; id++ {
		wa, errA := a.k.ModelWeight(a.Ctx, id)
		wb, errB := b.k.ModelWeight(b.Ctx, id)
		require.Equal(t, errA == nil, errB == nil, "model %d", id)
		require.True(t, wa.Equal(wb), "model %d: %s vs %s", id, wa, wb)
		if errA == nil {
			require.Equal(t, a.state(id).LastHeight-last, b.state(id).LastHeight, "model %d", id)
		}
	}
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
