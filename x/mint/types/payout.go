package types

import (
	"fmt"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Unpaid is what a pending payout still owes: the community's due and the
// unpaid parts of both pools. The mint module account holds exactly the
// sum of it over the pending payouts.
func (p RoundPayout) Unpaid() sdkmath.Int {
	return p.Community.Add(p.Optimizer.Unpaid()).Add(p.Evaluator.Unpaid())
}

// Unpaid is the part of the pool not paid yet.
func (r RolePayout) Unpaid() sdkmath.Int { return r.Pool.Sub(r.Paid) }

// UnpaidWork is the work of the payees not paid yet.
func (r RolePayout) UnpaidWork() sdkmath.LegacyDec { return r.Work.Sub(r.PaidWork) }

// CommunityPayment is what the community pool receives when the payout
// completes: its due plus both pools' rounding remainders (an optimizer
// pool without work is all remainder).
func (p RoundPayout) CommunityPayment() sdkmath.Int { return p.Unpaid() }

// Paid returns the round record with the payout's final amounts.
func (p RoundPayout) Paid(r RoundRecord) RoundRecord {
	r.Paying = false
	r.OptimizerPaid, r.Optimizers = p.Optimizer.Paid, p.Optimizer.Payees
	r.EvaluatorPaid, r.Evaluators = p.Evaluator.Paid, p.Evaluator.Payees
	r.CommunityPaid = p.CommunityPayment()
	return r
}

// Validate checks a pending payout's books: every amount present and not
// negative, minted = validator_paid + community + both pools, nothing paid
// above a pool or for more work than the role did, and the evaluator pool
// within evaluator_mint_per_burn × the evaluator work.
func (p RoundPayout) Validate() error {
	if p.Round == 0 {
		return fmt.Errorf("payout of round 0")
	}
	if err := sdk.ValidateDenom(p.Denom); err != nil {
		return fmt.Errorf("payout of round %d: denom: %w", p.Round, err)
	}
	for _, f := range []struct {
		name string
		v    sdkmath.Int
	}{
		{"minted", p.Minted}, {"validator_paid", p.ValidatorPaid}, {"community", p.Community},
		{"optimizer pool", p.Optimizer.Pool}, {"optimizer paid", p.Optimizer.Paid},
		{"evaluator pool", p.Evaluator.Pool}, {"evaluator paid", p.Evaluator.Paid},
	} {
		if f.v.IsNil() || f.v.IsNegative() {
			return fmt.Errorf("payout of round %d: %s is missing or negative", p.Round, f.name)
		}
	}
	for _, f := range []struct {
		name string
		v    sdkmath.LegacyDec
	}{
		{"optimizer work", p.Optimizer.Work}, {"optimizer paid work", p.Optimizer.PaidWork},
		{"evaluator work", p.Evaluator.Work}, {"evaluator paid work", p.Evaluator.PaidWork},
		{"evaluator_mint_per_burn", p.EvaluatorMintPerBurn},
	} {
		if f.v.IsNil() || f.v.IsNegative() {
			return fmt.Errorf("payout of round %d: %s is missing or negative", p.Round, f.name)
		}
	}
	sum := p.ValidatorPaid.Add(p.Community).Add(p.Optimizer.Pool).Add(p.Evaluator.Pool)
	switch {
	case !sum.Equal(p.Minted):
		return fmt.Errorf("payout of round %d: validators, community and pools sum to %s, minted %s", p.Round, sum, p.Minted)
	case p.Optimizer.Paid.GT(p.Optimizer.Pool) || p.Evaluator.Paid.GT(p.Evaluator.Pool):
		return fmt.Errorf("payout of round %d: paid above a pool", p.Round)
	case p.Optimizer.PaidWork.GT(p.Optimizer.Work) || p.Evaluator.PaidWork.GT(p.Evaluator.Work):
		return fmt.Errorf("payout of round %d: paid for more work than was done", p.Round)
	case p.Evaluator.Pool.GT(p.EvaluatorMintPerBurn.MulTruncate(p.Evaluator.Work).TruncateInt()):
		return fmt.Errorf("payout of round %d: evaluator pool %s above %s × evaluator work %s",
			p.Round, p.Evaluator.Pool, p.EvaluatorMintPerBurn, p.Evaluator.Work)
	}
	return nil
}

// CheckRecord checks that a round record is the one of this pending
// payout: still paying, with the same minted, validator payment, work and
// evaluator cap.
func (p RoundPayout) CheckRecord(r RoundRecord) error {
	switch {
	case r.Round != p.Round:
		return fmt.Errorf("payout of round %d checked against round %d", p.Round, r.Round)
	case !r.Paying:
		return fmt.Errorf("round %d: record says paid while its payout is pending", r.Round)
	case !r.Minted.Equal(p.Minted) || !r.ValidatorPaid.Equal(p.ValidatorPaid) ||
		!r.Work.Equal(p.Optimizer.Work) || !r.EvaluatorWork.Equal(p.Evaluator.Work) ||
		!r.EvaluatorMintPerBurn.Equal(p.EvaluatorMintPerBurn):
		return fmt.Errorf("round %d: record and pending payout disagree", r.Round)
	}
	return nil
}
