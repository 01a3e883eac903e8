package types

import (
	sdkmath "cosmossdk.io/math"
)

// DefaultRetryIntervalBlocks: a failed queue item is retried every ~10 min
// at 6 s blocks: often enough that a fixed cause is soon noticed, rarely
// enough that items failing for good cost little (docs/evaluation.md,
// "Failed queue items"). Migration 1→2 sets it on live chains.
const DefaultRetryIntervalBlocks = 100

// DefaultParams are the genesis defaults; amounts in udon, durations in blocks.
func DefaultParams() Params {
	return Params{
		// Evaluators.
		MinCollateral:   sdkmath.NewInt(1_000_000), // 1 DON: a registration has something to lose
		CollateralRatio: sdkmath.LegacyNewDec(2),   // collateral ≥ 2 × open max fees: a wrong result always costs more than it pays
		MaxCapacity:     1000,                      // bounds one evaluator's open work and index sizes
		UnbondingBlocks: 100,                       // outlasts deadlines' grace and challenge windows of recent work

		// Requests.
		MinFee:            sdkmath.NewInt(1_000),           // no dust requests filling the queues
		MaxRows:           256,                             // bounds a challenge's re-execution gas
		MaxAbsInput:       sdkmath.LegacyNewDec(1_000_000), // |input| ≤ 1e6, well inside Q39.24 (±5.5e11)
		MinDeadlineBlocks: 2,                               // leaves at least one block to claim and one to answer
		MaxDeadlineBlocks: 10_000,                          // ~17 h at 6 s blocks: open escrow cannot linger

		// Dutch auction and personalised price.
		AuctionBlocks: 20,                                 // price reaches the reserve in ~2 min
		ReserveRatio:  sdkmath.LegacyNewDecWithPrec(2, 1), // price floor: 20% of max_fee
		LoadCurve:     DefaultLoadCurve(),
		MMin:          sdkmath.LegacyNewDecWithPrec(5, 1), // the worst evaluator still sees half the price

		// Results and challenges.
		ChallengeBlocks:      10,                                 // ~1 min for anyone to re-check a result
		MinChallengeBond:     sdkmath.NewInt(10_000),             // a challenge is not free spam
		GasPerOp:             1,                                  // re-execution gas per fixed-point op
		SlashFractionWrong:   sdkmath.LegacyNewDecWithPrec(5, 1), // a proven wrong result costs half the collateral
		BountyFraction:       sdkmath.LegacyNewDecWithPrec(5, 1), // half of that pays the challenger, half burns
		SlashFractionTimeout: sdkmath.LegacyNewDecWithPrec(5, 2), // 5%: a missed deadline is negligence, not fraud
		TimeoutGraceBlocks:   3,                                  // one flaky submission does not slash
		RefundGraceBlocks:    5,                                  // unclaimed requests refunded 5 blocks after the auction

		// Settlement split.
		DemandBurnFraction: sdkmath.LegacyNewDecWithPrec(1, 1), // 10% burned: usage burns what rounds mint, wash trading costs
		RoyaltyFraction:    sdkmath.LegacyNewDecWithPrec(1, 1), // 10% to the optimizer of the pinned optimum

		// Reputation.
		InitialReputation: sdkmath.LegacyNewDecWithPrec(5, 1), // newcomers start in the middle
		AlphaOk:           sdkmath.LegacyNewDecWithPrec(5, 2), // trust is earned slowly...
		AlphaFail:         sdkmath.LegacyNewDecWithPrec(2, 1), // ...and lost fast (α_fail > α_ok)
		MinReputation:     sdkmath.LegacyNewDecWithPrec(3, 1), // 0.5 → 0.4 → 0.32 → 0.256: three failures in a row suspend
		SuspensionBlocks:  50,                                 // ~5 min out before reputation is raised back to min
		MaxDuePerBlock:    200,                                // EndBlock work per block stays bounded

		// Failed queue items.
		RetryIntervalBlocks: DefaultRetryIntervalBlocks,

		// State.
		RequestRetentionBlocks: 100_000, // ended requests readable for ~1 week at 6 s blocks, then deleted
	}
}

// DefaultLoadCurve peaks at the optimal load B = 0.6 with f(B) = 1, rises
// from f(0) = A·e^−1 − C ≈ 0.3679 (an idle evaluator is not the first
// choice), falls linearly to f(0.8) = 0.8 and then along the parabola
// −5·(x−0.8)² + 0.8 to f(1) = 0.6 (and to 0 at x = 1.2). It is continuous:
// D = A − C = 1 at B and G·(F−H)² + I = 0.8 = D + (F−B)·E at F.
func DefaultLoadCurve() LoadCurve {
	return LoadCurve{
		A: sdkmath.LegacyOneDec(),
		B: sdkmath.LegacyNewDecWithPrec(6, 1),
		C: sdkmath.LegacyZeroDec(),
		D: sdkmath.LegacyOneDec(),
		E: sdkmath.LegacyNewDec(-1),
		F: sdkmath.LegacyNewDecWithPrec(8, 1),
		G: sdkmath.LegacyNewDec(-5),
		H: sdkmath.LegacyNewDecWithPrec(8, 1),
		I: sdkmath.LegacyNewDecWithPrec(8, 1),
	}
}
