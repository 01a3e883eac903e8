package econsim

import (
	query "github.com/cosmos/cosmos-sdk/types/query"

	minttypes "github.com/don-network/don/x/mint/types"
)

// ClosedRounds reads x/mint's closed-round records still in its history
// (max_round_history) in round order.
func (w *World) ClosedRounds() ([]minttypes.RoundRecord, error) {
	var out []minttypes.RoundRecord
	var key []byte
	for {
		res, err := w.Q.Mint.Rounds(w.Ctx, &minttypes.QueryRoundsRequest{Pagination: &query.PageRequest{Key: key, Limit: 500}})
		if err != nil {
			return nil, err
		}
		out = append(out, res.Rounds...)
		if res.Pagination == nil || len(res.Pagination.NextKey) == 0 {
			return out, nil
		}
		key = res.Pagination.NextKey
	}
}
