// Package simulation is x/mint's part of the app simulation (make
// sim-app): random genesis params in the simulation's bond denom, and
// random params proposals that keep the chain's denom.
package simulation

import (
	"context"
	"math/rand"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/don-network/don/testutil/simkit"
	"github.com/don-network/don/x/mint/types"
)

// RandomParams are valid params for a simulated chain: rounds short
// enough and difficulties low enough that simulated optimizers close
// rounds, so payouts and retargets run.
func RandomParams(r *rand.Rand, denom string) types.Params {
	p := types.DefaultParams()
	p.MintDenom = denom
	p.EmissionRate = simkit.Dec(r, 1, 100, 4) // 0.0001 … 0.01
	p.MinDifficulty = sdkmath.LegacyNewDecWithPrec(1, 6)
	p.InitialDifficulty = simkit.Dec(r, 1, 500, 4) // 0.0001 … 0.05
	p.TargetRoundSeconds = uint64(60 + r.Intn(541))
	p.RetargetInterval = uint32(1 + r.Intn(10))
	p.StallFactor = simkit.Dec(r, 1, 8, 0)
	p.StallDecay = simkit.Dec(r, 0, 100, 4)
	p.MaxRoundHistory = uint32(5 + r.Intn(100))
	p.EvaluatorMintPerBurn = simkit.Dec(r, 0, 99, 2)
	// Small batches, so that rounds are paid across blocks and a round may
	// close while an older one still pays.
	p.MaxPayoutsPerBlock = uint32(1 + r.Intn(8))
	return p
}

// RandomizedGenState sets x/mint's genesis to random params in the
// simulation's bond denom.
func RandomizedGenState(s *module.SimulationState) {
	gs := types.DefaultGenesis()
	gs.Params = simkit.GenesisParams(s, "mint_params", func(r *rand.Rand) types.Params { return RandomParams(r, s.BondDenom) })
	s.GenState[types.ModuleName] = s.Cdc.MustMarshalJSON(gs)
}

// MsgUpdateParams proposes random valid params in the chain's denom.
func MsgUpdateParams(denom func(context.Context) (string, error)) func(context.Context, string, *rand.Rand) (*types.MsgUpdateParams, error) {
	return func(ctx context.Context, authority string, r *rand.Rand) (*types.MsgUpdateParams, error) {
		d, err := denom(ctx)
		return &types.MsgUpdateParams{Authority: authority, Params: RandomParams(r, d)}, err
	}
}
