package econsim

import (
	"slices"

	sdkmath "cosmossdk.io/math"

	evalagent "github.com/don-network/don/x/evaluation/client/agent"
	evaluationtypes "github.com/don-network/don/x/evaluation/types"
	optimatypes "github.com/don-network/don/x/optima/types"
)

// Evaluator registers with Collateral and Capacity and serves requests:
// each block it submits the results of the requests it claimed earlier and
// claims what the dond evaluator's plan (evalagent.PlanClaims: the chain's
// own price and claim rules) takes at a price of at least MinPrice. When it
// claims, it draws the request's fate: with probability 1 − Reliability it
// never answers (a liveness fault: the request times out), else with
// probability WrongRate it answers wrongly (a lazy evaluator), else
// correctly. Exit, if set, is asked every block; once it says so the
// evaluator claims nothing more, answers what it holds and unbonds for good
// when nothing is open.
type Evaluator struct {
	Acct        Account
	Collateral  int64
	Capacity    uint32
	MinPrice    int64
	Reliability float64
	WrongRate   float64
	Exit        func(w *World, self evaluationtypes.Evaluator) bool

	Registered, Left bool
	leaving          bool
	jobs             []job
	Stats            EvaluatorStats
}

// EvaluatorStats counts an evaluator's work.
type EvaluatorStats struct {
	Claims, Correct, Wrong, Silent int
	LeftAt                         int64
}

type fate uint8

const (
	answerCorrect fate = iota
	answerWrong
	answerNever
)

type job struct {
	id   uint64
	fate fate
}

// Act registers, answers and claims.
func (e *Evaluator) Act(w *World) error {
	if e.Left {
		return nil
	}
	if !e.Registered {
		if _, err := Deliver(w, w.EvaluationMsg.RegisterEvaluator, &evaluationtypes.MsgRegisterEvaluator{
			Evaluator: e.Acct.Bech, Collateral: sdkmath.NewInt(e.Collateral), Capacity: e.Capacity,
		}); err != nil {
			return nil //nolint:nilerr // not enough coins: it stays out
		}
		e.Registered = true
	}
	self, found, err := w.Evaluator(e.Acct)
	if err != nil || !found {
		return err
	}
	if e.Exit != nil && !e.leaving && e.Exit(w, self) {
		e.leaving, e.Stats.LeftAt = true, w.Height()
	}
	if err := e.answer(w); err != nil {
		return err
	}
	if e.leaving {
		// It claims nothing more and unbonds once its open work is over:
		// the chain refuses to unbond an evaluator with open assignments.
		if self.Open == 0 {
			if _, err := Deliver(w, w.EvaluationMsg.UnbondEvaluator, &evaluationtypes.MsgUnbondEvaluator{Evaluator: e.Acct.Bech}); err == nil {
				e.Left = true
			}
		}
		return nil
	}
	return e.claim(w, self)
}

// answer submits the results of jobs claimed before this block.
func (e *Evaluator) answer(w *World) error {
	kept := e.jobs[:0]
	for _, j := range e.jobs {
		if j.fate == answerNever {
			continue
		}
		r, err := w.Request(j.id)
		if err != nil {
			return err
		}
		if r.Status != evaluationtypes.REQUEST_STATUS_CLAIMED || r.Evaluator != e.Acct.Bech {
			continue
		}
		if r.ClaimHeight >= w.Height() {
			kept = append(kept, j)
			continue
		}
		outs, err := TrueOutputs(w, r)
		if err != nil {
			return err
		}
		if j.fate == answerWrong && len(outs) > 0 {
			outs[0]++ // one unit in the last place: wrong, and only a re-execution can tell
		}
		if _, err := Deliver(w, w.EvaluationMsg.SubmitResult, &evaluationtypes.MsgSubmitResult{
			Evaluator: e.Acct.Bech, RequestId: r.Id, Outputs: outs,
		}); err == nil {
			if j.fate == answerWrong {
				e.Stats.Wrong++
			} else {
				e.Stats.Correct++
			}
		}
	}
	e.jobs = kept
	return nil
}

// claim takes what the dond evaluator's plan takes.
func (e *Evaluator) claim(w *World, self evaluationtypes.Evaluator) error {
	params, err := w.EvaluationParams()
	if err != nil {
		return err
	}
	open, err := w.Requests(evaluationtypes.REQUEST_STATUS_OPEN)
	if err != nil {
		return err
	}
	view := evalagent.View{Height: w.Height() - 1, Params: params, Self: self, Open: open}
	plan := evalagent.PlanClaims(view, sdkmath.NewInt(e.MinPrice), func(uint64) bool { return true }, func(uint64) bool { return false })
	for _, c := range plan {
		if _, err := Deliver(w, w.EvaluationMsg.ClaimRequest, &evaluationtypes.MsgClaimRequest{
			Evaluator: e.Acct.Bech, RequestId: c.Request.Id,
		}); err != nil {
			continue
		}
		e.Stats.Claims++
		f := answerCorrect
		switch {
		case w.Rng.Float64() >= e.Reliability:
			f = answerNever
			e.Stats.Silent++
		case w.Rng.Float64() < e.WrongRate:
			f = answerWrong
		}
		e.jobs = append(e.jobs, job{id: c.Request.Id, fate: f})
	}
	return nil
}

// TrueOutputs is Predict of a request's pinned optimum on its inputs.
func TrueOutputs(w *World, r evaluationtypes.Request) ([]int64, error) {
	m, err := w.Model(r.ModelId)
	if err != nil {
		return nil, err
	}
	o, err := w.Q.Optima.Optimum(w.Ctx, &optimatypes.QueryOptimumRequest{ModelId: r.ModelId, OptimumId: r.OptimumId})
	if err != nil {
		return nil, err
	}
	outs, _, err := optimatypes.Predict(m, o.Optimum.Params, r.Inputs)
	return outs, err
}

// Challenger re-executes every submitted result once and challenges the
// wrong ones with Bond udon (0: the chain's min_challenge_bond).
type Challenger struct {
	Acct Account
	Bond int64

	checked map[uint64]bool
	Stats   ChallengerStats
}

// ChallengerStats counts a challenger's checks.
type ChallengerStats struct {
	Checked, Won, Lost int
}

// Act checks the submitted results it has not seen.
func (c *Challenger) Act(w *World) error {
	if c.checked == nil {
		c.checked = map[uint64]bool{}
	}
	subs, err := w.Requests(evaluationtypes.REQUEST_STATUS_SUBMITTED)
	if err != nil {
		return err
	}
	params, err := w.EvaluationParams()
	if err != nil {
		return err
	}
	bond := sdkmath.NewInt(c.Bond)
	if c.Bond == 0 {
		bond = params.MinChallengeBond
	}
	for _, r := range subs {
		if c.checked[r.Id] {
			continue
		}
		c.checked[r.Id] = true
		c.Stats.Checked++
		want, err := TrueOutputs(w, r)
		if err != nil {
			return err
		}
		if slices.Equal(want, r.Outputs) {
			continue
		}
		res, err := Deliver(w, w.EvaluationMsg.ChallengeResult, &evaluationtypes.MsgChallengeResult{
			Challenger: c.Acct.Bech, RequestId: r.Id, Bond: bond,
		})
		switch {
		case err != nil:
		case res.Wrong:
			c.Stats.Won++
		default:
			c.Stats.Lost++
		}
	}
	return nil
}
