package econsim

import (
	"math/rand/v2"

	sdkmath "cosmossdk.io/math"

	evaluationtypes "github.com/don-network/don/x/evaluation/types"
)

// SelfDealer is a client that is its own evaluator, the mechanism of wash
// trading and of buying demand (docs/economics.md). It registers as an
// evaluator with Collateral and Capacity, requests evaluations on Model
// worth Budget udon of max fees per block (whole requests of MaxFee each;
// the remainder carries over), claims each one itself in the block it
// sent it — at its own personalised price, before any other evaluator can
// see it — and answers it correctly the next block. So every request
// settles: the price counts as the model's demand, demand_burn_fraction of
// it burns, the royalty goes to the optimizer of the pinned optimum, the
// rest comes back to it as the evaluator, and x/mint credits it evaluator
// work. A request it cannot claim (capacity, exposure) it cancels at once
// for a full refund. From height Stop on (0: never) it requests nothing
// new but still answers what it claimed. Model 0 requests nothing (an
// owner may switch models between blocks). Rng, if set, draws the request
// inputs instead of the world's stream: an attack measured against honest
// play in the same seeded world then does not reshuffle the other agents'
// draws with its extra requests.
type SelfDealer struct {
	Acct       Account
	Model      uint64
	Budget     int64
	MaxFee     int64
	Rows       int
	Deadline   int64
	Collateral int64
	Capacity   uint32
	Stop       int64
	Rng        *rand.Rand

	registered bool
	credit     int64
	claimed    []uint64 // claimed, not yet answered
	answered   []uint64 // submitted, not yet final
	Stats      SelfDealStats
}

// SelfDealStats counts a self-dealer's requests.
type SelfDealStats struct {
	Requested, Claimed, Cancelled, Answered, Settled int
	// Prices is the sum of the prices it claimed at (the demand it made).
	Prices sdkmath.Int
}

// Act registers, answers what it claimed earlier and deals this block's
// budget.
func (d *SelfDealer) Act(w *World) error {
	if d.Stats.Prices.IsNil() {
		d.Stats.Prices = sdkmath.ZeroInt()
	}
	if !d.registered {
		if d.stopped(w) || d.Model == 0 {
			return nil // no evaluator needed yet
		}
		if _, err := Deliver(w, w.EvaluationMsg.RegisterEvaluator, &evaluationtypes.MsgRegisterEvaluator{
			Evaluator: d.Acct.Bech, Collateral: sdkmath.NewInt(d.Collateral), Capacity: d.Capacity,
		}); err != nil {
			return nil //nolint:nilerr // not enough coins: it cannot deal
		}
		d.registered = true
	}
	if err := d.answer(w); err != nil {
		return err
	}
	if err := d.track(w); err != nil {
		return err
	}
	if d.stopped(w) || d.Model == 0 || d.MaxFee <= 0 {
		return nil
	}
	d.credit += d.Budget
	for d.credit >= d.MaxFee {
		d.credit -= d.MaxFee
		if ok, err := d.deal(w); err != nil || !ok {
			return err
		}
	}
	return nil
}

// Busy tells whether some of its requests are not final yet.
func (d *SelfDealer) Busy() bool { return len(d.claimed)+len(d.answered) > 0 }

func (d *SelfDealer) stopped(w *World) bool { return d.Stop > 0 && w.Height() >= d.Stop }

// deal requests one evaluation and claims it; false when it could not.
func (d *SelfDealer) deal(w *World) (bool, error) {
	m, err := w.Model(d.Model)
	if err != nil {
		return false, err
	}
	rng := d.Rng
	if rng == nil {
		rng = w.Rng
	}
	inputs, err := RandomInputsFrom(rng, m, max(d.Rows, 1))
	if err != nil {
		return false, err
	}
	res, err := Deliver(w, w.EvaluationMsg.RequestEvaluation, &evaluationtypes.MsgRequestEvaluation{
		Client: d.Acct.Bech, ModelId: d.Model, Inputs: inputs,
		MaxFee: sdkmath.NewInt(d.MaxFee), Deadline: w.Height() + max(d.Deadline, 2),
	})
	if err != nil {
		return false, nil //nolint:nilerr // cannot pay or model retired: an outcome
	}
	d.Stats.Requested++
	if _, err := Deliver(w, w.EvaluationMsg.ClaimRequest, &evaluationtypes.MsgClaimRequest{
		Evaluator: d.Acct.Bech, RequestId: res.RequestId,
	}); err != nil {
		// Nobody else may serve it: take the escrow back.
		if _, err := Deliver(w, w.EvaluationMsg.CancelRequest, &evaluationtypes.MsgCancelRequest{
			Client: d.Acct.Bech, RequestId: res.RequestId,
		}); err == nil {
			d.Stats.Cancelled++
		}
		return false, nil
	}
	r, err := w.Request(res.RequestId)
	if err != nil {
		return false, err
	}
	d.Stats.Claimed++
	d.Stats.Prices = d.Stats.Prices.Add(r.Price)
	d.claimed = append(d.claimed, res.RequestId)
	return true, nil
}

// answer submits the correct result of every request claimed before this
// block.
func (d *SelfDealer) answer(w *World) error {
	kept := d.claimed[:0]
	for _, id := range d.claimed {
		r, err := w.Request(id)
		if err != nil {
			return err
		}
		if r.Status != evaluationtypes.REQUEST_STATUS_CLAIMED {
			continue
		}
		if r.ClaimHeight >= w.Height() {
			kept = append(kept, id)
			continue
		}
		outs, err := TrueOutputs(w, r)
		if err != nil {
			return err
		}
		if _, err := Deliver(w, w.EvaluationMsg.SubmitResult, &evaluationtypes.MsgSubmitResult{
			Evaluator: d.Acct.Bech, RequestId: id, Outputs: outs,
		}); err != nil {
			kept = append(kept, id) // retried next block, until its deadline
			continue
		}
		d.Stats.Answered++
		d.answered = append(d.answered, id)
	}
	d.claimed = kept
	return nil
}

// track drops the answered requests that are final.
func (d *SelfDealer) track(w *World) error {
	kept := d.answered[:0]
	for _, id := range d.answered {
		r, err := w.Request(id)
		if err != nil {
			return err
		}
		switch r.Status {
		case evaluationtypes.REQUEST_STATUS_SUBMITTED:
			kept = append(kept, id)
		case evaluationtypes.REQUEST_STATUS_SETTLED:
			d.Stats.Settled++
		}
	}
	d.answered = kept
	return nil
}
