package econsim

import (
	"sort"

	evaluationtypes "github.com/don-network/don/x/evaluation/types"
)

// ClaimLog records every claim of a set of evaluators with the load and
// reputation that priced it (docs/evaluation.md, "Personalised price"),
// read only through the query servers: it snapshots the evaluators at the
// start of each block and, once the block has ended, finds the requests
// they claimed in it. An evaluator's claims of one block are replayed in
// the order PlanClaims makes them (auction price down, then id), each
// raising its open count by one, so the k-th claim was priced at load
// (open + k) / capacity.
type ClaimLog struct {
	accts  []Account
	index  map[string]int
	before []evaluationtypes.Evaluator
	known  []bool

	Records []ClaimRecord
}

// ClaimRecord is one claim.
type ClaimRecord struct {
	Height    int64
	RequestID uint64
	// Evaluator is the claimer's index in the log's accounts.
	Evaluator int
	// MaxFee, AuctionPrice (p(h)) and Price (the claimer's p_e) in udon.
	MaxFee, AuctionPrice, Price float64
	// Load and Reputation are the claimer's at its claim (the reputation
	// after the suspension rule); Multiplier is M(load, reputation).
	Load, Reputation, Multiplier float64
	// Exact tells whether the chain's PersonalPrice at this load and
	// reputation reproduces the price: the replay is right.
	Exact bool
}

// NewClaimLog logs the claims of the evaluators with these accounts.
func NewClaimLog(accts []Account) *ClaimLog {
	l := &ClaimLog{accts: accts, index: map[string]int{}, before: make([]evaluationtypes.Evaluator, len(accts)), known: make([]bool, len(accts))}
	for i, a := range accts {
		l.index[a.Bech] = i
	}
	return l
}

// Observe runs after each Step (as w.Run's after): it records the claims of
// the block that just ended and snapshots the evaluators for the next.
func (l *ClaimLog) Observe(w *World) error {
	h := w.Height() - 1
	params, err := w.EvaluationParams()
	if err != nil {
		return err
	}
	claimed, err := w.Requests(evaluationtypes.REQUEST_STATUS_CLAIMED)
	if err != nil {
		return err
	}
	mine := make([][]evaluationtypes.Request, len(l.accts))
	for _, r := range claimed {
		if i, ok := l.index[r.Evaluator]; ok && r.ClaimHeight == h && l.known[i] {
			mine[i] = append(mine[i], r)
		}
	}
	for i, rs := range mine {
		if len(rs) == 0 {
			continue
		}
		auction := func(r evaluationtypes.Request) float64 {
			return float64(params.AuctionPrice(r.MaxFee, r.AuctionStart, h).Int64())
		}
		sort.SliceStable(rs, func(a, b int) bool {
			pa, pb := auction(rs[a]), auction(rs[b])
			if pa != pb {
				return pa > pb
			}
			return rs[a].Id < rs[b].Id
		})
		ev := l.before[i]
		rep := params.EffectiveReputation(ev, h)
		for _, r := range rs {
			load := ev.Load()
			personal := params.PersonalPrice(r.MaxFee, r.AuctionStart, h, load, rep)
			l.Records = append(l.Records, ClaimRecord{
				Height: h, RequestID: r.Id, Evaluator: i,
				MaxFee: float64(r.MaxFee.Int64()), AuctionPrice: auction(r), Price: float64(r.Price.Int64()),
				Load: Float64(load), Reputation: Float64(rep), Multiplier: Float64(params.Multiplier(load, rep)),
				Exact: personal.Equal(r.Price),
			})
			ev.Open++
		}
	}
	for i, a := range l.accts {
		ev, found, err := w.Evaluator(a)
		if err != nil {
			return err
		}
		l.before[i], l.known[i] = ev, found
	}
	return nil
}

// Evaluators are the evaluators as of the start of the current block
// (found false for one not registered yet).
func (l *ClaimLog) Evaluators() (evs []evaluationtypes.Evaluator, found []bool) {
	return l.before, l.known
}
