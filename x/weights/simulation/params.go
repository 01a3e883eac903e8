// Package simulation is x/weights' part of the app simulation (make
// sim-app): random genesis params and random params proposals.
package simulation

import (
	"context"
	"math/rand"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/don-network/don/testutil/simkit"
	"github.com/don-network/don/x/weights/types"
)

// RandomParams are valid params around the defaults: filter rates, priors,
// σ on its 1/16 grid, ε and role shares that still sum to one.
func RandomParams(r *rand.Rand) types.Params {
	p := types.DefaultParams()
	filter := func() types.FilterParams {
		alpha := simkit.Dec(r, 1, 50, 2) // 0.01 … 0.50
		return types.FilterParams{Omega: sdkmath.LegacyZeroDec(), Beta: sdkmath.LegacyOneDec(), Alpha: alpha}
	}
	p.Reveals, p.Accepted, p.Requests, p.Fees, p.Backlog = filter(), filter(), filter(), filter(), filter()
	p.D0 = sdkmath.LegacyNewDec(simkit.Pick(r, []int64{1_000, 50_000, 1_000_000, 300_000_000}))
	p.S0 = simkit.Dec(r, 1, 4, 0)
	p.Sigma = sdkmath.LegacyNewDec(int64(r.Intn(17))).QuoInt64(16)
	p.Epsilon = simkit.Dec(r, 0, 50, 2)
	p.MaxRoleShift = simkit.Dec(r, 0, 50, 2)
	optimizer := simkit.Dec(r, 40, 70, 2)
	evaluator := simkit.Dec(r, 10, 25, 2)
	validator := simkit.Dec(r, 5, 20, 2)
	p.BaseShares = types.RoleShares{
		Optimizer: optimizer, Evaluator: evaluator, Validator: validator,
		Community: sdkmath.LegacyOneDec().Sub(optimizer).Sub(evaluator).Sub(validator),
	}
	p.RefreshPerBlock = uint32(1 + r.Intn(64))
	return p
}

// RandomizedGenState sets x/weights' genesis to random params.
func RandomizedGenState(s *module.SimulationState) {
	gs := types.DefaultGenesis()
	gs.Params = simkit.GenesisParams(s, "weights_params", RandomParams)
	s.GenState[types.ModuleName] = s.Cdc.MustMarshalJSON(gs)
}

// MsgUpdateParams proposes random valid params.
func MsgUpdateParams(_ context.Context, authority string, r *rand.Rand) (*types.MsgUpdateParams, error) {
	return &types.MsgUpdateParams{Authority: authority, Params: RandomParams(r)}, nil
}
