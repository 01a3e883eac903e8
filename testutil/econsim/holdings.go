package econsim

import (
	sdkmath "cosmossdk.io/math"
	query "github.com/cosmos/cosmos-sdk/types/query"

	evaluationtypes "github.com/don-network/don/x/evaluation/types"
	optimatypes "github.com/don-network/don/x/optima/types"
)

// Holdings is what an account owns on the chain, in udon: its balance plus
// what the modules hold for it and would return — its evaluator
// collateral (bonded or unbonding), the deposits of its active models, the
// bonds of its open commits and the max fees escrowed by its unfinished
// requests. An attacker's profit is a difference of holdings, so locking
// coins is not counted as spending them (only what the chain burns, pays
// others or slashes is). Read through the query servers only.
func (w *World) Holdings(a Account) (sdkmath.Int, error) {
	total := w.BalanceOf(a)
	ev, found, err := w.Evaluator(a)
	if err != nil {
		return sdkmath.Int{}, err
	}
	if found {
		total = total.Add(ev.Collateral)
	}
	models, err := w.ActiveModels()
	if err != nil {
		return sdkmath.Int{}, err
	}
	for _, m := range models {
		if m.Creator == a.Bech && m.Deposit.Denom == Denom {
			total = total.Add(m.Deposit.Amount)
		}
	}
	bonds, err := w.openCommitBonds(a)
	if err != nil {
		return sdkmath.Int{}, err
	}
	total = total.Add(bonds)
	for _, st := range []evaluationtypes.RequestStatus{
		evaluationtypes.REQUEST_STATUS_OPEN, evaluationtypes.REQUEST_STATUS_CLAIMED, evaluationtypes.REQUEST_STATUS_SUBMITTED,
	} {
		rs, err := w.Requests(st)
		if err != nil {
			return sdkmath.Int{}, err
		}
		for _, r := range rs {
			if r.Client == a.Bech {
				total = total.Add(r.MaxFee)
			}
		}
	}
	return total, nil
}

// openCommitBonds is the sum of the bonds of a's open commits.
func (w *World) openCommitBonds(a Account) (sdkmath.Int, error) {
	sum := sdkmath.ZeroInt()
	var key []byte
	for {
		res, err := w.Q.Optima.Commits(w.Ctx, &optimatypes.QueryCommitsRequest{
			Optimizer: a.Bech, Pagination: &query.PageRequest{Key: key, Limit: 200},
		})
		if err != nil {
			return sdkmath.Int{}, err
		}
		for _, c := range res.Commits {
			if c.Bond.Denom == Denom {
				sum = sum.Add(c.Bond.Amount)
			}
		}
		if res.Pagination == nil || len(res.Pagination.NextKey) == 0 {
			return sum, nil
		}
		key = res.Pagination.NextKey
	}
}
