package types

import (
	"fmt"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/types/bech32"
)

// DefaultGenesis has no open round yet: InitGenesis opens round 1 at the
// genesis time with initial_difficulty.
func DefaultGenesis() *GenesisState {
	return &GenesisState{
		Params: DefaultParams(),
		Minter: Minter{
			Difficulty:    sdkmath.LegacyZeroDec(),
			Work:          sdkmath.LegacyZeroDec(),
			EvaluatorWork: sdkmath.LegacyZeroDec(),
			MintedTotal:   sdkmath.ZeroInt(),
			PaidTotal:     sdkmath.ZeroInt(),
		},
	}
}

// Validate checks that the genesis state is self-consistent.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "params: %s", err)
	}
	m := gs.Minter
	switch {
	case m.Difficulty.IsNil() || m.Work.IsNil() || m.EvaluatorWork.IsNil() || m.MintedTotal.IsNil() || m.PaidTotal.IsNil():
		return errorsmod.Wrap(ErrInvalidGenesis, "minter fields must be set")
	case m.Work.IsNegative() || m.EvaluatorWork.IsNegative():
		return errorsmod.Wrap(ErrInvalidGenesis, "negative work")
	case m.Round > 0 && m.Difficulty.LT(gs.Params.MinDifficulty):
		return errorsmod.Wrap(ErrInvalidGenesis, "difficulty below min_difficulty")
	case m.MintedTotal.IsNegative() || m.MintedTotal.GT(gs.Params.MaxSupply):
		return errorsmod.Wrap(ErrInvalidGenesis, "minted_total outside [0, max_supply]")
	case m.Round == 0 && (len(gs.OptimizerWork) > 0 || len(gs.EvaluatorWork) > 0 || len(gs.Rounds) > 0 || len(gs.Payouts) > 0):
		return errorsmod.Wrap(ErrInvalidGenesis, "work, rounds or payouts without an open round")
	}
	if err := validateWork("optimizer_work", gs.OptimizerWork, m.Work); err != nil {
		return err
	}
	if err := validateWork("evaluator_work", gs.EvaluatorWork, m.EvaluatorWork); err != nil {
		return err
	}
	records := make(map[uint64]RoundRecord, len(gs.Rounds))
	for _, r := range gs.Rounds {
		if _, dup := records[r.Round]; dup || r.Round == 0 || r.Round >= m.Round {
			return errorsmod.Wrapf(ErrInvalidGenesis, "round %d is duplicate or not closed", r.Round)
		}
		if err := r.Validate(); err != nil {
			return errorsmod.Wrap(ErrInvalidGenesis, err.Error())
		}
		records[r.Round] = r
	}
	unpaid, err := validatePayouts(gs.Payouts, gs.Rounds, records, m.Round)
	if err != nil {
		return err
	}
	if !m.PaidTotal.Add(unpaid).Equal(m.MintedTotal) {
		return errorsmod.Wrapf(ErrInvalidGenesis, "paid_total %s + pending payouts %s must equal minted_total %s",
			m.PaidTotal, unpaid, m.MintedTotal)
	}
	return nil
}

// validatePayouts checks the pending payouts (unique, of closed rounds,
// balanced, matching their kept round records, their unpaid work entries
// summing to what is left to pay) and that every kept record still paying
// has its payout. It returns what they still owe.
func validatePayouts(payouts []GenesisPayout, rounds []RoundRecord, records map[uint64]RoundRecord, open uint64) (sdkmath.Int, error) {
	unpaid := sdkmath.ZeroInt()
	pending := make(map[uint64]bool, len(payouts))
	for _, gp := range payouts {
		p := gp.Payout
		if pending[p.Round] || p.Round >= open {
			return unpaid, errorsmod.Wrapf(ErrInvalidGenesis, "payout of round %d is duplicate or not closed", p.Round)
		}
		pending[p.Round] = true
		if err := p.Validate(); err != nil {
			return unpaid, errorsmod.Wrap(ErrInvalidGenesis, err.Error())
		}
		if r, ok := records[p.Round]; ok {
			if err := p.CheckRecord(r); err != nil {
				return unpaid, errorsmod.Wrap(ErrInvalidGenesis, err.Error())
			}
		}
		field := fmt.Sprintf("payout %d ", p.Round)
		if err := validateWork(field+"optimizer_work", gp.OptimizerWork, p.Optimizer.UnpaidWork()); err != nil {
			return unpaid, err
		}
		if err := validateWork(field+"evaluator_work", gp.EvaluatorWork, p.Evaluator.UnpaidWork()); err != nil {
			return unpaid, err
		}
		unpaid = unpaid.Add(p.Unpaid())
	}
	for _, r := range rounds {
		if r.Paying && !pending[r.Round] {
			return unpaid, errorsmod.Wrapf(ErrInvalidGenesis, "round %d is paying without a pending payout", r.Round)
		}
	}
	return unpaid, nil
}

// validateWork checks unique, positive entries that sum exactly to total.
func validateWork(field string, entries []WorkEntry, total sdkmath.LegacyDec) error {
	sum := sdkmath.LegacyZeroDec()
	seen := make(map[string]bool, len(entries))
	for _, e := range entries {
		if _, _, err := bech32.DecodeAndConvert(e.Address); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "%s address %q: %s", field, e.Address, err)
		}
		if seen[e.Address] || e.Work.IsNil() || !e.Work.IsPositive() {
			return errorsmod.Wrapf(ErrInvalidGenesis, "%s of %s is duplicate or not positive", field, e.Address)
		}
		seen[e.Address] = true
		sum = sum.Add(e.Work)
	}
	if !sum.Equal(total) {
		return errorsmod.Wrapf(ErrInvalidGenesis, "%s sums to %s, the minter says %s", field, sum, total)
	}
	return nil
}
