package agent

import (
	"context"
	"errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/evaluation/client/cli"
	"github.com/don-network/don/x/evaluation/types"
	"github.com/don-network/don/x/internal/client/txqueue"
)

// The agent's transactions, one job per request: claim then submit, submit
// alone (recovery), or challenge. Each job holds its request in a.busy.

// claim claims a request and, once the claim is in, computes and submits.
func (a *Agent) claim(ctx context.Context, c Claim, h int64) {
	id := c.Request.Id
	timeout := min(c.Request.Deadline-1, h+claimTimeoutBlocks)
	res, err := a.tx.Submit(ctx, timeout, &types.MsgClaimRequest{Evaluator: a.self, RequestId: id})
	a.mu.Lock()
	delete(a.inFlight, id)
	a.mu.Unlock()
	if err = txError(res, err); err != nil {
		a.release(id)
		if ctx.Err() == nil {
			a.mu.Lock()
			a.stats.LostClaims++
			a.refused[id] = h + claimBackoffBlocks
			a.mu.Unlock()
			a.say("claim #%d not taken: %v", id, err)
		}
		return
	}
	r, err := a.chain.request(ctx, id)
	if err != nil {
		a.release(id) // the next poll finds it claimed and submits it
		a.say("claimed #%d, reading it back: %v", id, err)
		return
	}
	a.mu.Lock()
	a.stats.Claimed++
	a.mu.Unlock()
	a.say("claimed #%d (model %d, %d rows) at %s%s in block %d, optimum %d pinned, deadline %d",
		id, r.ModelId, r.Rows, r.Price, a.denom, res.Height, r.OptimumId, r.Deadline)
	a.submit(ctx, r)
}

// submit computes a claimed request's outputs with the pinned optimum and
// submits them, with the deadline as the tx's timeout height.
func (a *Agent) submit(ctx context.Context, r types.Request) {
	defer a.release(r.Id)
	h, err := a.chain.height(ctx)
	if err != nil {
		a.failedSubmit(ctx, r.Id, err)
		return
	}
	a.mu.Lock()
	params := a.params
	a.mu.Unlock()
	timeout, ok := SubmitTimeout(params, r, h)
	if !ok {
		a.failedSubmit(ctx, r.Id, errors.New("deadline and grace passed: it will time out"))
		return
	}
	outputs, _, err := cli.Compute(ctx, a.chain.optima, r)
	if err != nil {
		a.failedSubmit(ctx, r.Id, err)
		return
	}
	res, err := a.tx.Submit(ctx, timeout, &types.MsgSubmitResult{Evaluator: a.self, RequestId: r.Id, Outputs: outputs})
	if err = txError(res, err); err != nil {
		a.failedSubmit(ctx, r.Id, err)
		return
	}
	a.mu.Lock()
	a.stats.Submitted++
	a.awaiting[r.Id] = true
	a.mu.Unlock()
	a.say("submitted #%d in block %d: %d outputs, settles at %d unless challenged", r.Id, res.Height, len(outputs), res.Height+int64(params.ChallengeBlocks))
}

func (a *Agent) failedSubmit(ctx context.Context, id uint64, err error) {
	if ctx.Err() != nil {
		return // stopping: the next start submits it
	}
	a.mu.Lock()
	a.attempts[id]++
	n := a.attempts[id]
	a.mu.Unlock()
	a.say("submit #%d (attempt %d of %d): %v", id, n, maxSubmitAttempts, err)
}

// challenge challenges a result the agent recomputed differently, with the
// minimum bond, before the window ends.
func (a *Agent) challenge(ctx context.Context, params types.Params, r types.Request) {
	defer a.release(r.Id)
	defer a.mark(r.Id)
	msg := &types.MsgChallengeResult{Challenger: a.self, RequestId: r.Id, Bond: params.MinChallengeBond}
	res, err := a.tx.Submit(ctx, ChallengeEnd(params, r), msg)
	if err = txError(res, err); err != nil {
		if ctx.Err() == nil {
			a.say("challenge of #%d: %v", r.Id, err)
		}
		return
	}
	resolved := challengeResolved(res)
	a.mu.Lock()
	a.stats.Challenged++
	if resolved != nil && resolved.Wrong {
		a.stats.Won++
		if !resolved.Bounty.Amount.IsNil() {
			a.stats.Bounties = a.stats.Bounties.Add(resolved.Bounty.Amount)
		}
	}
	a.mu.Unlock()
	switch {
	case resolved == nil:
		a.say("challenged #%d in block %d (no resolution event found)", r.Id, res.Height)
	case resolved.Wrong:
		a.say("challenged #%d in block %d: wrong, %s slashed %s, bounty %s", r.Id, res.Height, r.Evaluator, resolved.Slashed, resolved.Bounty)
	default:
		a.say("challenged #%d in block %d: the chain found the result right; the bond %s went to the evaluator", r.Id, res.Height, resolved.Bond)
	}
}

// txError is the error of a tx that did not go through: not sent, not
// included in time, or failed in its block.
func txError(res txqueue.Result, err error) error {
	switch {
	case err != nil:
		return err
	case res.Code != 0:
		return errors.New(res.Log)
	}
	return nil
}

// challengeResolved finds the challenge's outcome in its tx events.
func challengeResolved(res txqueue.Result) *types.EventChallengeResolved {
	for _, ev := range res.Events {
		msg, err := sdk.ParseTypedEvent(ev)
		if err != nil {
			continue
		}
		if resolved, ok := msg.(*types.EventChallengeResolved); ok {
			return resolved
		}
	}
	return nil
}
