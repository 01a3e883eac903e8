package types

import (
	"fmt"

	sdkmath "cosmossdk.io/math"
)

// EvaluatorPool is what a round mints for its evaluators: the evaluator
// share of the coinbase, capped at evaluator_mint_per_burn × the round's
// evaluator work (burned udon × reputation), truncated. With no evaluator
// work it is 0. The rest of the share, the held-back part, is not minted.
func EvaluatorPool(share sdkmath.Int, mintPerBurn, evaluatorWork sdkmath.LegacyDec) (pool, heldBack sdkmath.Int) {
	limit := mintPerBurn.MulTruncate(evaluatorWork).TruncateInt()
	pool = sdkmath.MinInt(share, limit)
	return pool, share.Sub(pool)
}

// Validate checks a closed round's books: every amount present and not
// negative, minted = coinbase − evaluator_held_back = the sum of the four
// payouts once the round is paid (while paying, only the validators'), and the evaluator payout within evaluator_mint_per_burn × the
// round's evaluator work (the cap that makes wash trading lose money).
func (r RoundRecord) Validate() error {
	for _, f := range []struct {
		name string
		v    sdkmath.Int
	}{
		{"coinbase", r.Coinbase}, {"minted", r.Minted}, {"evaluator_held_back", r.EvaluatorHeldBack},
		{"optimizer_paid", r.OptimizerPaid}, {"evaluator_paid", r.EvaluatorPaid},
		{"validator_paid", r.ValidatorPaid}, {"community_paid", r.CommunityPaid},
	} {
		if f.v.IsNil() || f.v.IsNegative() {
			return fmt.Errorf("round %d: %s is missing or negative", r.Round, f.name)
		}
	}
	for _, f := range []struct {
		name string
		v    sdkmath.LegacyDec
	}{{"difficulty", r.Difficulty}, {"work", r.Work}, {"evaluator_work", r.EvaluatorWork}, {"evaluator_mint_per_burn", r.EvaluatorMintPerBurn}} {
		if f.v.IsNil() || f.v.IsNegative() {
			return fmt.Errorf("round %d: %s is missing or negative", r.Round, f.name)
		}
	}
	paid := r.OptimizerPaid.Add(r.EvaluatorPaid).Add(r.ValidatorPaid).Add(r.CommunityPaid)
	switch {
	case !r.Minted.Add(r.EvaluatorHeldBack).Equal(r.Coinbase):
		return fmt.Errorf("round %d: minted %s + held back %s ≠ coinbase %s", r.Round, r.Minted, r.EvaluatorHeldBack, r.Coinbase)
	case r.Paying:
		// Only the validators are paid at the close; the rest is the
		// pending payout's, and written here when it completes.
		if !r.OptimizerPaid.IsZero() || !r.EvaluatorPaid.IsZero() || !r.CommunityPaid.IsZero() || r.Optimizers != 0 || r.Evaluators != 0 {
			return fmt.Errorf("round %d: still paying but has final payout amounts", r.Round)
		}
		if r.ValidatorPaid.GT(r.Minted) {
			return fmt.Errorf("round %d: validators paid %s of %s minted", r.Round, r.ValidatorPaid, r.Minted)
		}
	case !paid.Equal(r.Minted):
		return fmt.Errorf("round %d: paid %s of %s minted", r.Round, paid, r.Minted)
	case r.EvaluatorPaid.GT(r.EvaluatorMintPerBurn.MulTruncate(r.EvaluatorWork).TruncateInt()):
		return fmt.Errorf("round %d: evaluators paid %s above %s × evaluator work %s",
			r.Round, r.EvaluatorPaid, r.EvaluatorMintPerBurn, r.EvaluatorWork)
	}
	return nil
}
