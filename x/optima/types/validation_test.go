package types_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

func TestParamsValidate(t *testing.T) {
	require.NoError(t, types.DefaultParams().Validate())
	cases := map[string]func(*types.Params){
		"zero max params":          func(p *types.Params) { p.MaxParams = 0 },
		"tiny max eval samples":    func(p *types.Params) { p.MaxEvalSamples = 5 },
		"zero max ops":             func(p *types.Params) { p.MaxOpsPerVerification = 0 },
		"zero gas per op":          func(p *types.Params) { p.GasPerOp = 0 },
		"negative z":               func(p *types.Params) { p.ZScore = sdkmath.LegacyNewDec(-1) },
		"nil z":                    func(p *types.Params) { p.ZScore = sdkmath.LegacyDec{} },
		"burn above one":           func(p *types.Params) { p.RejectBurnFraction = sdkmath.LegacyNewDecWithPrec(11, 1) },
		"negative burn":            func(p *types.Params) { p.RejectBurnFraction = sdkmath.LegacyNewDecWithPrec(-1, 1) },
		"zero deposit":             func(p *types.Params) { p.MinModelDeposit = sdk.NewInt64Coin("udon", 0) },
		"bad bond denom":           func(p *types.Params) { p.MinCommitBond = sdk.Coin{Denom: "#", Amount: sdkmath.NewInt(1)} },
		"retention too short":      func(p *types.Params) { p.BeaconRetention = p.MaxSeedBlocks + p.MaxRevealWindow },
		"zero expirations":         func(p *types.Params) { p.MaxExpirationsPerBlock = 0 },
		"zero reveal window bound": func(p *types.Params) { p.MaxRevealWindow = 0 },
	}
	for name, mod := range cases {
		t.Run(name, func(t *testing.T) {
			p := types.DefaultParams()
			mod(&p)
			require.ErrorIs(t, p.Validate(), types.ErrInvalidParams)
		})
	}
}

func validGenesis(t *testing.T) types.GenesisState {
	cfg, err := types.DefaultDomainConfig("regime-ar")
	require.NoError(t, err)
	creator := "don1qyqszqgpqyqszqgpqyqszqgpqyqszqgpxydae2"
	gs := types.DefaultGenesis()
	gs.NextModelId, gs.NextCommitId = 2, 2
	gs.Models = []types.Model{{
		Id: 1, Creator: creator, Name: "m", Domain: "regime-ar", Config: cfg, EvalSamples: 64,
		MinImprovement: sdkmath.LegacyNewDecWithPrec(5, 3), SeedBlocks: 2, RevealWindow: 5,
		CommitBond: sdk.NewInt64Coin("udon", 1000), Deposit: sdk.NewInt64Coin("udon", 0),
		Status: types.MODEL_STATUS_ACTIVE, OptimumCount: 1, NumParams: 5,
	}}
	gs.Optima = []types.Optimum{{ModelId: 1, Id: 0, Optimizer: creator, Params: make([]int64, 5)}}
	gs.Commits = []types.Commit{{
		Id: 1, Optimizer: creator, ModelId: 1, Commitment: make([]byte, 32), Height: 3,
		Bond: sdk.NewInt64Coin("udon", 1000), RevealFrom: 6, RevealUntil: 10,
	}}
	gs.Beacons = []types.Beacon{{Height: 3, Value: make([]byte, 32)}}
	return *gs
}

func TestGenesisValidate(t *testing.T) {
	require.NoError(t, types.DefaultGenesis().Validate())
	require.NoError(t, validGenesis(t).Validate())

	cases := map[string]func(*types.GenesisState){
		"invalid params":       func(g *types.GenesisState) { g.Params.MaxParams = 0 },
		"zero next model id":   func(g *types.GenesisState) { g.NextModelId = 0 },
		"duplicate model":      func(g *types.GenesisState) { g.Models = append(g.Models, g.Models[0]) },
		"model id beyond next": func(g *types.GenesisState) { g.NextModelId = 1 },
		"unknown domain":       func(g *types.GenesisState) { g.Models[0].Domain = "mnist" },
		"num params mismatch":  func(g *types.GenesisState) { g.Models[0].NumParams = 6 },
		"missing best optimum": func(g *types.GenesisState) { g.Models[0].BestOptimumId = 0; g.Optima = nil },
		"optimum of no model": func(g *types.GenesisState) {
			g.Optima = append(g.Optima, types.Optimum{ModelId: 9, Params: make([]int64, 5)})
		},
		"duplicate optimum":     func(g *types.GenesisState) { g.Optima = append(g.Optima, g.Optima[0]) },
		"optimum params length": func(g *types.GenesisState) { g.Optima[0].Params = make([]int64, 4) },
		"duplicate commit":      func(g *types.GenesisState) { g.Commits = append(g.Commits, g.Commits[0]) },
		"commit id beyond next": func(g *types.GenesisState) { g.NextCommitId = 1 },
		"commit of no model":    func(g *types.GenesisState) { g.Commits[0].ModelId = 9 },
		"short commitment":      func(g *types.GenesisState) { g.Commits[0].Commitment = make([]byte, 31) },
		"empty reveal window":   func(g *types.GenesisState) { g.Commits[0].RevealFrom = 11 },
		"bad optimizer":         func(g *types.GenesisState) { g.Commits[0].Optimizer = "nope" },
		"duplicate beacon":      func(g *types.GenesisState) { g.Beacons = append(g.Beacons, g.Beacons[0]) },
		"short beacon":          func(g *types.GenesisState) { g.Beacons[0].Value = []byte{1} },
		"invalid genesis model": func(g *types.GenesisState) {
			g.GenesisModels = []types.GenesisModel{{Name: "x", Domain: "friedman1", EvalSamples: 1}}
		},
	}
	for name, mod := range cases {
		t.Run(name, func(t *testing.T) {
			g := validGenesis(t)
			mod(&g)
			require.ErrorIs(t, g.Validate(), types.ErrInvalidGenesis)
		})
	}
}

func TestResolveDomainRoundTripsDefaults(t *testing.T) {
	for _, name := range []string{"friedman1", "spirals", "regime-ar"} {
		cfg, err := types.DefaultDomainConfig(name)
		require.NoError(t, err)
		dom, typed, err := types.ResolveDomain(name, cfg)
		require.NoError(t, err)
		require.Equal(t, dom.DefaultConfig(), typed, "decimal strings parse back to the defaults")
	}
	_, err := types.DefaultDomainConfig("mnist")
	require.ErrorIs(t, err, types.ErrUnknownDomain)
}
