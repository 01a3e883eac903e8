package econsim

import (
	"math"
	"slices"

	sdkmath "cosmossdk.io/math"

	evaluationtypes "github.com/don-network/don/x/evaluation/types"
)

// Operator runs an Evaluator as a business that weighs what slashing costs
// it (docs/evaluation.md): it pays ComputeCost udon for every result it
// computes, may cheat, tops up its collateral and leaves when staying no
// longer pays. Its books come from bank and evaluator queries only:
//
//	rewards = balance − initial balance + collateral paid in − collateral returned
//	        = fees + evaluator-pool mints received (all it earned)
//	slashed = collateral paid in − current collateral (or what came back)
//	profit  = rewards − slashed − ComputeCost × results computed
//
// Cheating is a choice: with CheatRate > 0 it answers a request wrongly,
// saving ComputeCost, with probability CheatRate — but only while its
// expected loss, its observed catch rate × slash_fraction_wrong × its
// collateral, is below that saving. The catch rate is the mean of a
// Beta(CatchPrior) prior updated by the fate of each wrong result (slashed
// or settled).
//
// It leaves when its profit over the last Window blocks is negative (judged
// once it has been registered that long after its first results could
// settle), or when its collateral is below min_collateral and its balance
// cannot restore it. While it stays and its window profit is not negative,
// it restores its collateral to the registration amount (MsgAddCollateral)
// whenever slashes took it below TopUpBelow × that amount. Leaving, it
// claims nothing more and unbonds once its open work is over.
//
// The books are read once per block: by Observe if the experiment calls it
// after every block (w.Run's after), else at the start of Act.
type Operator struct {
	E           *Evaluator
	ComputeCost int64
	CheatRate   float64
	CatchPrior  [2]float64 // (caught, missed) pseudo-counts
	Window      int64
	TopUpBelow  float64

	started, leaving bool
	initial          sdkmath.Int // balance before registration
	paidIn, returned sdkmath.Int
	leftWith         sdkmath.Int // collateral when it unbonded (returned later)
	books            OperatorBooks
	observedAt       int64     // height of the block being built when the books were read
	profit           []float64 // cumulative profit at each observation since registration
	wrongPending     []uint64  // own wrong results not final yet
	caught, missed   int
	computed         int // results computed (every correct one)
	self             evaluationtypes.Evaluator
	selfFound        bool
	correctAt        int // the evaluator's correct results when last observed
}

// OperatorBooks are an operator's accounts in udon, as of its last
// observation.
type OperatorBooks struct {
	Rewards, Slashed sdkmath.Int
	Profit           float64
}

// Books are the accounts as of the last observation (zero before the
// first).
func (o *Operator) Books() OperatorBooks {
	if o.books.Rewards.IsNil() {
		return OperatorBooks{Rewards: sdkmath.ZeroInt(), Slashed: sdkmath.ZeroInt()}
	}
	return o.books
}

// Active tells whether the operator is registered and not leaving.
func (o *Operator) Active() bool { return o.E.Registered && !o.leaving && !o.E.Left }

// CatchRate is the operator's estimate of the probability that a wrong
// result is caught.
func (o *Operator) CatchRate() float64 {
	a, b := o.CatchPrior[0], o.CatchPrior[1]
	return (float64(o.caught) + a) / (float64(o.caught+o.missed) + a + b)
}

// Act decides (cheat, top up, leave) on its books and lets the evaluator
// act.
func (o *Operator) Act(w *World) error {
	e := o.E
	if !o.started {
		o.start(w)
	}
	if e.Registered && o.observedAt != w.Height() {
		if err := o.Observe(w); err != nil {
			return err
		}
	}
	if e.Left {
		return nil
	}
	if e.Registered {
		if err := o.decide(w); err != nil {
			return err
		}
	}
	wasRegistered, wrongBefore := e.Registered, e.Stats.Wrong
	if err := e.Act(w); err != nil {
		return err
	}
	if e.Registered && !wasRegistered {
		o.paidIn = o.paidIn.AddRaw(e.Collateral)
	}
	if e.Stats.Wrong > wrongBefore {
		return o.noteWrong(w)
	}
	return nil
}

// start records the balance before registration and wraps the evaluator's
// exit so that a leaving operator unbonds once nothing is open.
func (o *Operator) start(w *World) {
	e := o.E
	o.started = true
	o.initial, o.paidIn, o.returned = w.BalanceOf(e.Acct), sdkmath.ZeroInt(), sdkmath.ZeroInt()
	inner := e.Exit
	e.Exit = func(w *World, self evaluationtypes.Evaluator) bool {
		if inner != nil && inner(w, self) {
			o.leaving = true
		}
		if o.leaving && self.Open == 0 {
			o.leftWith = self.Collateral
			return true
		}
		return false
	}
}

// Observe reads the operator's books: its balance, its evaluator record
// and the fate of its wrong results.
func (o *Operator) Observe(w *World) error {
	e := o.E
	if !o.started || !e.Registered {
		return nil
	}
	o.observedAt = w.Height()
	self, found, err := w.Evaluator(e.Acct)
	if err != nil {
		return err
	}
	o.self, o.selfFound = self, found
	if e.Left && !found && o.returned.IsZero() && !o.leftWith.IsNil() {
		o.returned = o.leftWith // the chain has returned the collateral
	}
	o.computed += e.Stats.Correct - o.correctAt
	o.correctAt = e.Stats.Correct
	if err := o.followWrong(w); err != nil {
		return err
	}
	rewards := w.BalanceOf(e.Acct).Sub(o.initial).Add(o.paidIn).Sub(o.returned)
	slashed := sdkmath.ZeroInt()
	switch {
	case e.Left:
		slashed = o.paidIn.Sub(o.leftWith)
	case found:
		slashed = o.paidIn.Sub(self.Collateral)
	}
	profit := float64(rewards.Int64()) - float64(slashed.Int64()) - float64(o.ComputeCost)*float64(o.computed)
	o.books = OperatorBooks{Rewards: rewards, Slashed: slashed, Profit: profit}
	o.profit = append(o.profit, profit)
	return nil
}

// decide runs before the evaluator acts: cheating, top-up and the exit
// rules, on the books of the last observation.
func (o *Operator) decide(w *World) error {
	e := o.E
	if o.leaving || !o.selfFound {
		return nil
	}
	params, err := w.EvaluationParams()
	if err != nil {
		return err
	}
	collateral := o.self.Collateral.Int64()
	e.WrongRate = 0
	if o.CheatRate > 0 && o.CatchRate()*Float64(params.SlashFractionWrong)*float64(collateral) < float64(o.ComputeCost) {
		e.WrongRate = o.CheatRate
	}
	// The first window starts once results can have settled: before, its
	// compute costs would have no fees against them yet.
	warm := o.Window + int64(params.ChallengeBlocks) + 1
	windowProfit, judged := 0.0, o.Window > 0 && int64(len(o.profit)) > warm
	if judged {
		windowProfit = o.profit[len(o.profit)-1] - o.profit[len(o.profit)-1-int(o.Window)]
	}
	if lack := e.Collateral - collateral; float64(collateral) < o.TopUpBelow*float64(e.Collateral) && windowProfit >= 0 &&
		w.BalanceOf(e.Acct).GTE(sdkmath.NewInt(lack)) {
		if _, err := Deliver(w, w.EvaluationMsg.AddCollateral, &evaluationtypes.MsgAddCollateral{
			Evaluator: e.Acct.Bech, Amount: sdkmath.NewInt(lack),
		}); err == nil {
			o.paidIn = o.paidIn.AddRaw(lack)
			return nil
		}
	}
	if (judged && windowProfit < 0) || o.self.Collateral.LT(params.MinCollateral) {
		o.leaving = true
		e.MinPrice = math.MaxInt64 // claims nothing more; unbonds when its open work is over
	}
	return nil
}

// noteWrong finds the results the evaluator just submitted wrongly, to
// learn their fate.
func (o *Operator) noteWrong(w *World) error {
	subs, err := w.Requests(evaluationtypes.REQUEST_STATUS_SUBMITTED)
	if err != nil {
		return err
	}
	for _, r := range subs {
		if r.Evaluator != o.E.Acct.Bech || r.SubmitHeight != w.Height() {
			continue
		}
		want, err := TrueOutputs(w, r)
		if err != nil {
			return err
		}
		if !slices.Equal(want, r.Outputs) {
			o.wrongPending = append(o.wrongPending, r.Id)
		}
	}
	return nil
}

// followWrong updates the catch counts with the wrong results that became
// final.
func (o *Operator) followWrong(w *World) error {
	kept := o.wrongPending[:0]
	for _, id := range o.wrongPending {
		r, err := w.Request(id)
		if err != nil {
			return err
		}
		switch r.Status {
		case evaluationtypes.REQUEST_STATUS_SLASHED:
			o.caught++
		case evaluationtypes.REQUEST_STATUS_SETTLED:
			o.missed++
		default:
			kept = append(kept, id)
		}
	}
	o.wrongPending = kept
	return nil
}
