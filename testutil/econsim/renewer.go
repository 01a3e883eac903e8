package econsim

import (
	"fmt"

	query "github.com/cosmos/cosmos-sdk/types/query"

	optimatypes "github.com/don-network/don/x/optima/types"
)

// Renewer is governance keeping optimization work available in long runs.
// An honest Optimizer moves a model's best towards a fixed target, so each
// model holds a bounded amount of work (≈ weight × ln(L0/L_target),
// docs/optima.md "Increment and work"). When a model's headroom
// (w.Headroom) falls below MinHeadroom and none of the Watched accounts has
// a commit open on it, the Renewer makes the model's initial optimum the
// best again with MsgRollbackOptimum signed by w.Authority (what a passed
// gov proposal does): its improvements can be found, and paid, again.
//
// Why a rollback: the model set, hence every weight, stays as it was, and
// the model's off-chain target is trained once. A freshly registered model
// would need a new target per renewal, and registering one as admitted
// needs the gov account to pay the deposit (MsgRegisterModel moves it from
// the creator). Waiting for open commits matters: a candidate committed
// near the old best and revealed after the rollback would be paid the whole
// headroom at once.
type Renewer struct {
	MinHeadroom float64
	Watched     []Account

	Rollbacks int
}

// Act rolls back every exhausted model without open commits.
func (r *Renewer) Act(w *World) error {
	open, err := openCommitModels(w, r.Watched)
	if err != nil {
		return err
	}
	models, err := w.ActiveModels()
	if err != nil {
		return err
	}
	for _, m := range models {
		if m.BestOptimumId == 0 || open[m.Id] {
			continue
		}
		best, err := w.BestOptimum(m.Id)
		if err != nil {
			return err
		}
		head, err := w.Headroom(m, best)
		if err != nil {
			return err
		}
		if head >= r.MinHeadroom {
			continue
		}
		if _, err := Deliver(w, w.OptimaMsg.RollbackOptimum, &optimatypes.MsgRollbackOptimum{
			Authority: w.Authority, ModelId: m.Id, OptimumId: 0,
		}); err != nil {
			return fmt.Errorf("rollback of model %d: %w", m.Id, err)
		}
		r.Rollbacks++
	}
	return nil
}

// openCommitModels is the set of models on which one of accts has an open
// commit (x/optima lists commits by optimizer).
func openCommitModels(w *World, accts []Account) (map[uint64]bool, error) {
	open := map[uint64]bool{}
	for _, a := range accts {
		var key []byte
		for {
			res, err := w.Q.Optima.Commits(w.Ctx, &optimatypes.QueryCommitsRequest{
				Optimizer: a.Bech, Pagination: &query.PageRequest{Key: key, Limit: 200},
			})
			if err != nil {
				return nil, fmt.Errorf("commits of %s: %w", a.Name, err)
			}
			for _, c := range res.Commits {
				open[c.ModelId] = true
			}
			if res.Pagination == nil || len(res.Pagination.NextKey) == 0 {
				break
			}
			key = res.Pagination.NextKey
		}
	}
	return open, nil
}
