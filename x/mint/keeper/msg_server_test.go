package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/mint/keeper"
	"github.com/don-network/don/x/mint/types"
)

func TestUpdateParams(t *testing.T) {
	e := newEnv(t, nil)
	srv := keeper.NewMsgServerImpl(e.k)
	stranger, strangerStr := e.Addr("stranger")
	_ = stranger

	bad := map[string]func(*types.Params){
		"negative emission rate": func(p *types.Params) { p.EmissionRate = dec("-0.1") },
		"emission rate of one":   func(p *types.Params) { p.EmissionRate = sdkmath.LegacyOneDec() },
		"zero target time":       func(p *types.Params) { p.TargetRoundSeconds = 0 },
		"zero retarget interval": func(p *types.Params) { p.RetargetInterval = 0 },
		"zero max supply":        func(p *types.Params) { p.MaxSupply = sdkmath.ZeroInt() },
		"zero min difficulty":    func(p *types.Params) { p.MinDifficulty = sdkmath.LegacyZeroDec() },
		"initial below min":      func(p *types.Params) { p.InitialDifficulty = dec("0.00001") },
		"stall factor below one": func(p *types.Params) { p.StallFactor = dec("0.5") },
		"stall decay of one":     func(p *types.Params) { p.StallDecay = sdkmath.LegacyOneDec() },
		"negative stall decay":   func(p *types.Params) { p.StallDecay = dec("-0.1") },
		"bad denom":              func(p *types.Params) { p.MintDenom = "1" },
		"no round history":       func(p *types.Params) { p.MaxRoundHistory = 0 },
		"mint per burn of one":   func(p *types.Params) { p.EvaluatorMintPerBurn = sdkmath.LegacyOneDec() },
		"negative mint per burn": func(p *types.Params) { p.EvaluatorMintPerBurn = dec("-0.1") },
		"no mint per burn":       func(p *types.Params) { p.EvaluatorMintPerBurn = sdkmath.LegacyDec{} },
		"no payouts per block":   func(p *types.Params) { p.MaxPayoutsPerBlock = 0 },
	}
	for name, mod := range bad {
		t.Run(name, func(t *testing.T) {
			p := types.DefaultParams()
			mod(&p)
			before, err := e.k.Params.Get(e.Ctx)
			require.NoError(t, err)
			_, err = srv.UpdateParams(e.Ctx, &types.MsgUpdateParams{Authority: e.Authority, Params: p})
			require.ErrorIs(t, err, types.ErrInvalidParams)
			after, err := e.k.Params.Get(e.Ctx)
			require.NoError(t, err)
			require.Equal(t, before, after)
		})
	}

	p := types.DefaultParams()
	p.TargetRoundSeconds = 30
	_, err := srv.UpdateParams(e.Ctx, &types.MsgUpdateParams{Authority: strangerStr, Params: p})
	require.ErrorIs(t, err, types.ErrUnauthorized)
	_, err = srv.UpdateParams(e.Ctx, &types.MsgUpdateParams{Authority: e.Authority, Params: p})
	require.NoError(t, err)
	got, err := keeper.NewQueryServerImpl(e.k).Params(e.Ctx, &types.QueryParamsRequest{})
	require.NoError(t, err)
	require.Equal(t, p, got.Params)
}

func TestGenesisValidateAndRoundTrip(t *testing.T) {
	e := newEnv(t, nil)
	a, aStr := e.Addr("a")
	e.work(a, "1.5")
	e.endBlock() // round 1 closes
	e.work(a, "0.25")
	ev, _ := e.Addr("ev")
	require.NoError(t, e.k.AddEvaluatorWork(e.Ctx, ev, dec("2")))

	exported, err := e.k.ExportGenesis(e.Ctx)
	require.NoError(t, err)
	require.NoError(t, exported.Validate())
	require.Len(t, exported.Rounds, 1)
	require.Equal(t, []types.WorkEntry{{Address: aStr, Work: dec("0.25")}}, exported.OptimizerWork)

	fresh := newEnv(t, nil)
	require.NoError(t, fresh.k.InitGenesis(fresh.Ctx, *exported))
	again, err := fresh.k.ExportGenesis(fresh.Ctx)
	require.NoError(t, err)
	require.Equal(t, exported, again)

	bad := map[string]func(*types.GenesisState){
		"work does not sum":        func(g *types.GenesisState) { g.Minter.Work = dec("9") },
		"duplicate worker":         func(g *types.GenesisState) { g.OptimizerWork = append(g.OptimizerWork, g.OptimizerWork[0]) },
		"paid differs from minted": func(g *types.GenesisState) { g.Minter.PaidTotal = g.Minter.PaidTotal.AddRaw(1) },
		"minted above the cap":     func(g *types.GenesisState) { g.Params.MaxSupply = sdkmath.NewInt(1) },
		"round not closed":         func(g *types.GenesisState) { g.Rounds[0].Round = g.Minter.Round },
		"round pays too much":      func(g *types.GenesisState) { g.Rounds[0].CommunityPaid = g.Rounds[0].CommunityPaid.AddRaw(1) },
		"invalid params":           func(g *types.GenesisState) { g.Params.EmissionRate = dec("2") },
		"bad address":              func(g *types.GenesisState) { g.OptimizerWork[0].Address = "nope" },
	}
	for name, mod := range bad {
		t.Run(name, func(t *testing.T) {
			g := *exported
			g.OptimizerWork = append([]types.WorkEntry(nil), exported.OptimizerWork...)
			g.Rounds = append([]types.RoundRecord(nil), exported.Rounds...)
			mod(&g)
			require.ErrorIs(t, g.Validate(), types.ErrInvalidGenesis)
		})
	}
}

func TestQueries(t *testing.T) {
	e := newEnv(t, nil)
	q := keeper.NewQueryServerImpl(e.k)
	a, _ := e.Addr("a")
	e.work(a, "0.25")
	st, err := q.Status(e.Ctx, &types.QueryStatusRequest{})
	require.NoError(t, err)
	require.Equal(t, dec("0.25"), st.Progress)
	require.Equal(t, sdkmath.NewInt(2_100_000_000), st.ExpectedCoinbase)

	e.work(a, "0.75")
	e.endBlock()
	sup, err := q.Supply(e.Ctx, &types.QuerySupplyRequest{})
	require.NoError(t, err)
	require.Equal(t, sdkmath.NewInt(1_680_000_000), sup.Minted, "the coinbase less the evaluators' 0.20, held back without evaluator work")
	require.Equal(t, sup.MaxSupply.Sub(sup.Minted), sup.Remaining)
	rounds, err := q.Rounds(e.Ctx, &types.QueryRoundsRequest{})
	require.NoError(t, err)
	require.Len(t, rounds.Rounds, 1)
	require.Equal(t, uint64(1), rounds.Rounds[0].Round)
}
