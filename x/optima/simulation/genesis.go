// Package simulation is x/optima's part of the app simulation (make
// sim-app): a random genesis with models of every domain, factories for
// every message (commits whose openings a book keeps until their reveal,
// and a share of messages built to be refused) and governance proposals.
package simulation

import (
	"math/rand"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/don-network/don/testutil/simkit"
	"github.com/don-network/don/x/optima/domains"
	"github.com/don-network/don/x/optima/types"
)

// RandomParams are valid params in denom. Verification stays well under
// the gas a simulated transaction carries (10⁷).
func RandomParams(r *rand.Rand, denom string) types.Params {
	p := types.DefaultParams()
	p.ZScore = simkit.Dec(r, 0, 30, 1)
	p.RejectBurnFraction = simkit.Dec(r, 0, 50, 2)
	p.MinModelDeposit = sdk.NewInt64Coin(denom, 1_000+r.Int63n(100_000))
	p.MinCommitBond = sdk.NewInt64Coin(denom, 10+r.Int63n(1_000))
	p.MaxSeedBlocks = uint32(1 + r.Intn(5))
	p.MaxRevealWindow = uint32(5 + r.Intn(30))
	p.BeaconRetention = p.MaxSeedBlocks + p.MaxRevealWindow + 1 + uint32(r.Intn(50))
	p.MaxExpirationsPerBlock = uint32(1 + r.Intn(20))
	return p
}

// randomSpec is a model of a random domain with its default config, within
// params p.
func randomSpec(r *rand.Rand, p types.Params, name string) (types.ModelSpec, error) {
	domain := simkit.Pick(r, domains.Names())
	cfg, err := types.DefaultDomainConfig(domain)
	if err != nil {
		return types.ModelSpec{}, err
	}
	return types.ModelSpec{
		Name:           name,
		Domain:         domain,
		Config:         cfg,
		EvalSamples:    uint32(types.MinEvalSamples + r.Intn(40)),
		MinImprovement: simkit.Dec(r, 1, 20, 3),
		SeedBlocks:     uint32(1 + r.Intn(int(p.MaxSeedBlocks))),
		RevealWindow:   uint32(3 + r.Intn(int(p.MaxRevealWindow)-2)),
		CommitBond:     p.MinCommitBond.AddAmount(sdkmath.NewInt(r.Int63n(1_000))),
	}, nil
}

// RandomizedGenState sets x/optima's genesis: random params in the
// simulation's bond denom and one to four genesis models.
func RandomizedGenState(s *module.SimulationState) {
	gs := types.DefaultGenesis()
	gs.Params = simkit.GenesisParams(s, "optima_params", func(r *rand.Rand) types.Params { return RandomParams(r, s.BondDenom) })
	for i := 0; i < 1+s.Rand.Intn(4); i++ {
		spec, err := randomSpec(s.Rand, gs.Params, "genesis-"+string(rune('a'+i)))
		if err != nil {
			panic(err)
		}
		gs.GenesisModels = append(gs.GenesisModels, types.GenesisModel{
			Name: spec.Name, Domain: spec.Domain, Config: spec.Config, EvalSamples: spec.EvalSamples,
			MinImprovement: spec.MinImprovement, SeedBlocks: spec.SeedBlocks, RevealWindow: spec.RevealWindow,
			CommitBond: spec.CommitBond,
		})
	}
	s.GenState[types.ModuleName] = s.Cdc.MustMarshalJSON(gs)
}
