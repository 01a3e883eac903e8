package agent

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	errorsmod "cosmossdk.io/errors"
	"github.com/cosmos/gogoproto/proto"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/internal/client/txqueue"
	"github.com/don-network/don/x/optima/types"
)

// resume loads the store: a commit sent by an earlier run is matched with
// the chain's open commits by its commitment; one that never landed (its
// timeout height passed) or that is closed already is dropped.
func (a *Agent) resume(ctx context.Context) error {
	if err := a.store.RemoveTemp(); err != nil {
		return err
	}
	recs, err := a.store.Load()
	if err != nil {
		return err
	}
	if len(recs) == 0 {
		return nil
	}
	onChain, err := a.chain.OpenCommits(ctx, a.addr)
	if err != nil {
		return err
	}
	h, err := a.chain.Height(ctx)
	if err != nil {
		return err
	}
	for i := range recs {
		rec := &recs[i]
		known := rec.CommitID != 0
		if a.match(rec, onChain) && !known {
			if err := a.store.Save(*rec); err != nil {
				return err
			}
		}
		switch {
		case rec.CommitID == 0 && h > rec.CommitTimeout:
			a.logf("model %d: the commit of %s never landed; forgetting it", rec.ModelID, short(rec.Commitment))
			_ = a.store.Delete(*rec)
			continue
		case known && !a.onChain(rec, onChain):
			a.logf("model %d: commit %d is closed already (revealed or expired); forgetting it", rec.ModelID, rec.CommitID)
			_ = a.store.Delete(*rec)
			continue
		}
		m, err := a.chain.Model(ctx, rec.ModelID)
		if err != nil {
			return err
		}
		ms, err := a.track(ctx, m)
		if err != nil {
			return err
		}
		a.mu.Lock()
		a.open[rec.Commitment] = rec
		ms.cycles++ // the resumed commit is this model's cycle
		a.mu.Unlock()
		a.logf("model %d: resuming commit %d (reveal in [%d, %d])", rec.ModelID, rec.CommitID, rec.RevealFrom, rec.RevealUntil)
	}
	return nil
}

// match fills rec's id and window from the chain's open commits.
func (a *Agent) match(rec *Record, onChain []types.Commit) bool {
	want, err := hex.DecodeString(rec.Commitment)
	if err != nil {
		return false
	}
	for _, c := range onChain {
		if c.ModelId == rec.ModelID && bytes.Equal(c.Commitment, want) {
			rec.CommitID, rec.RevealFrom, rec.RevealUntil = c.Id, c.RevealFrom, c.RevealUntil
			return true
		}
	}
	return false
}

func (a *Agent) onChain(rec *Record, onChain []types.Commit) bool {
	for _, c := range onChain {
		if c.Id == rec.CommitID {
			return true
		}
	}
	return false
}

// revealLoop reveals every open commit once its window opens, until ctx ends.
func (a *Agent) revealLoop(ctx context.Context) {
	for ctx.Err() == nil {
		if err := a.revealDue(ctx); err != nil && ctx.Err() == nil {
			a.logf("reveals: %v", err)
		}
		sleep(ctx, a.opts.PollInterval)
	}
}

func (a *Agent) revealDue(ctx context.Context) error {
	a.mu.Lock()
	var due []*Record
	unmatched := false
	for c, r := range a.open {
		if !a.busy[c] {
			due = append(due, r)
			unmatched = unmatched || r.CommitID == 0
		}
	}
	a.mu.Unlock()
	if len(due) == 0 {
		return nil
	}
	h, err := a.chain.Height(ctx)
	if err != nil {
		return err
	}
	var onChain []types.Commit
	if unmatched {
		if onChain, err = a.chain.OpenCommits(ctx, a.addr); err != nil {
			return err
		}
	}
	for _, rec := range due {
		if rec.CommitID == 0 {
			a.mu.Lock()
			found := a.match(rec, onChain)
			a.mu.Unlock()
			switch {
			case found:
				if err := a.store.Save(*rec); err != nil {
					return err
				}
			case h > rec.CommitTimeout:
				a.logf("model %d: the commit of %s never landed; forgetting it", rec.ModelID, short(rec.Commitment))
				a.drop(rec)
				continue
			default:
				continue
			}
		}
		switch {
		case h > rec.RevealUntil:
			a.expire(ctx, rec)
		case h >= rec.RevealFrom:
			a.reveal(ctx, rec)
		}
	}
	return nil
}

// reveal sends the reveal with the window's end as timeout height and
// reads the outcome from the tx's events.
func (a *Agent) reveal(ctx context.Context, rec *Record) {
	salt, err := hex.DecodeString(rec.Salt)
	if err != nil {
		a.logf("commit %d: unreadable salt in the store: %v", rec.CommitID, err)
		return
	}
	res, err := a.tx.Submit(ctx, rec.RevealUntil, &types.MsgRevealOptimum{
		Optimizer: a.addr, CommitId: rec.CommitID, Params: rec.Params, Salt: salt,
	})
	switch {
	case err == nil && res.Code != 0:
		err = errorsmod.ABCIError(types.ModuleName, res.Code, res.Log)
		fallthrough
	case err != nil:
		switch {
		case ctx.Err() != nil:
		case errors.Is(err, txqueue.ErrTimedOut):
			a.expire(ctx, rec)
		case chainError(err, types.ErrRevealTooEarly):
			// the node's state is a block behind: the next poll retries
		case chainError(err, types.ErrCommitClosed), chainError(err, types.ErrCommitNotFound):
			a.logf("model %d: commit %d is closed already; forgetting it", rec.ModelID, rec.CommitID)
			a.drop(rec)
		default:
			a.logf("model %d: reveal of commit %d failed (retrying while the window is open): %v", rec.ModelID, rec.CommitID, err)
		}
		return
	}
	a.drop(rec)
	ms := a.modelOf(rec.ModelID)
	if acc, err := findEvent[*types.EventOptimumAccepted](res); err == nil {
		a.mu.Lock()
		ms.accepted++
		a.mu.Unlock()
		if best, err := a.chain.Best(ctx, rec.ModelID); err == nil {
			a.mu.Lock()
			ms.best = best
			a.mu.Unlock()
		}
		a.progress(ctx, ms, fmt.Sprintf("ACCEPTED commit %d as optimum %d: loss %s vs %s, increment %s",
			rec.CommitID, acc.OptimumId, acc.Loss, acc.IncumbentLoss, acc.Increment))
		return
	}
	a.mu.Lock()
	ms.rejected++
	a.mu.Unlock()
	reason := "no outcome event"
	if rej, err := findEvent[*types.EventOptimumRejected](res); err == nil {
		reason = fmt.Sprintf("%s (loss %s vs %s, burned %s)", rej.Reason, rej.Loss, rej.IncumbentLoss, rej.Burned)
	}
	a.progress(ctx, ms, fmt.Sprintf("REJECTED commit %d: %s", rec.CommitID, reason))
}

// expire forgets a commit whose window has passed: EndBlock burns its bond.
func (a *Agent) expire(ctx context.Context, rec *Record) {
	a.drop(rec)
	ms := a.modelOf(rec.ModelID)
	a.mu.Lock()
	ms.expired++
	a.mu.Unlock()
	a.progress(ctx, ms, fmt.Sprintf("EXPIRED commit %d: its window closed at %d, bond %s burned", rec.CommitID, rec.RevealUntil, rec.Bond))
}

func (a *Agent) modelOf(id uint64) *modelState {
	a.mu.Lock()
	defer a.mu.Unlock()
	if ms, ok := a.models[id]; ok {
		return ms
	}
	ms := &modelState{model: types.Model{Id: id}}
	a.models[id] = ms
	return ms
}

// chainError reports whether err is, or carries the message of, a chain
// error (a simulation's failure reaches the queue as gRPC text).
func chainError(err error, target *errorsmod.Error) bool {
	return errors.Is(err, target) || strings.Contains(err.Error(), target.Error())
}

// findEvent returns the first typed event of type T in a tx result.
func findEvent[T proto.Message](res txqueue.Result) (T, error) {
	var zero T
	name := proto.MessageName(zero)
	for _, ev := range res.Events {
		if ev.Type != name {
			continue
		}
		msg, err := sdk.ParseTypedEvent(ev)
		if err != nil {
			return zero, err
		}
		if t, ok := msg.(T); ok {
			return t, nil
		}
	}
	return zero, fmt.Errorf("no %s in tx %s", name, res.TxHash)
}

func short(hexStr string) string {
	if len(hexStr) > 12 {
		return hexStr[:12]
	}
	return hexStr
}
