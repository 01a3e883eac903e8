// Package simulation is x/evaluation's part of the app simulation (make
// sim-app): random genesis params short enough that requests are claimed,
// answered, challenged and settled within a few blocks, factories for
// every user message (a share of them built to be refused) and a params
// proposal.
package simulation

import (
	"context"
	"math/rand"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/don-network/don/testutil/simkit"
	"github.com/don-network/don/x/evaluation/types"
)

// RandomParams are valid params around the defaults, scaled to a
// simulation: amounts small next to the simulated accounts' balances,
// windows of a few blocks, at most 16 rows so a challenge's re-execution
// stays far under the gas of a simulated transaction (10⁷).
func RandomParams(r *rand.Rand) types.Params {
	p := types.DefaultParams()
	p.MinCollateral = sdkmath.NewInt(1_000 + r.Int63n(50_000))
	p.CollateralRatio = simkit.Dec(r, 5, 30, 1) // 0.5 … 3
	p.MaxCapacity = uint32(1 + r.Intn(50))
	p.UnbondingBlocks = uint64(1 + r.Intn(10))

	p.MinFee = sdkmath.NewInt(10 + r.Int63n(1_000))
	p.MaxRows = uint32(1 + r.Intn(16))
	p.MaxAbsInput = simkit.Dec(r, 1, 1_000, 0)
	p.MinDeadlineBlocks = uint64(1 + r.Intn(3))
	p.MaxDeadlineBlocks = p.MinDeadlineBlocks + uint64(r.Intn(30))

	p.AuctionBlocks = uint64(1 + r.Intn(10))
	p.ReserveRatio = simkit.Dec(r, 0, 100, 2)
	p.MMin = simkit.Dec(r, 0, 100, 2)

	p.ChallengeBlocks = uint64(1 + r.Intn(5))
	p.MinChallengeBond = sdkmath.NewInt(r.Int63n(1_000))
	p.GasPerOp = uint64(1 + r.Intn(3))
	p.SlashFractionWrong = simkit.Dec(r, 0, 100, 2)
	p.BountyFraction = simkit.Dec(r, 0, 100, 2)
	p.SlashFractionTimeout = simkit.Dec(r, 0, 20, 2)
	p.TimeoutGraceBlocks = uint64(r.Intn(4))
	p.RefundGraceBlocks = uint64(r.Intn(6))

	p.DemandBurnFraction = simkit.Dec(r, 0, 50, 2)
	p.RoyaltyFraction = simkit.Dec(r, 0, 50, 2)

	p.MinReputation = simkit.Dec(r, 0, 40, 2)
	p.InitialReputation = simkit.Dec(r, 40, 100, 2)
	p.AlphaOk = simkit.Dec(r, 1, 10, 2)
	p.AlphaFail = simkit.Dec(r, 11, 50, 2)
	p.SuspensionBlocks = uint64(r.Intn(20))
	p.MaxDuePerBlock = uint32(1 + r.Intn(200))
	p.RetryIntervalBlocks = uint64(1 + r.Intn(20))
	p.RequestRetentionBlocks = uint64(r.Intn(50)) // 0 keeps ended requests
	return p
}

// RandomizedGenState sets x/evaluation's genesis: random params, no
// evaluators and no requests (their escrow would have to be in x/bank's
// genesis too); the factories create them.
func RandomizedGenState(s *module.SimulationState) {
	gs := types.DefaultGenesis()
	gs.Params = simkit.GenesisParams(s, "evaluation_params", RandomParams)
	s.GenState[types.ModuleName] = s.Cdc.MustMarshalJSON(gs)
}

// MsgUpdateParams proposes random valid params.
func MsgUpdateParams(_ context.Context, authority string, r *rand.Rand) (*types.MsgUpdateParams, error) {
	return &types.MsgUpdateParams{Authority: authority, Params: RandomParams(r)}, nil
}
