package txqueue

import (
	"context"
	"fmt"
	"time"
)

// await polls until p is included, re-broadcasting its identical bytes while
// the node does not have it. It returns ErrTimedOut when the caller's
// timeout height passed, errResign when the tx is dead otherwise (the
// queue's own timeout height passed, or another tx took its sequence), or
// the context's error (the tx then keeps its sequence until its timeout
// height: it may still land).
func (q *Queue) await(ctx context.Context, p *pending) (Result, error) {
	b := q.newBackoff()
	timer := time.NewTimer(q.opts.PollInterval)
	defer timer.Stop()
	for {
		nudged := false
		select {
		case <-ctx.Done():
			q.seq.abandon(p)
			return Result{}, ctx.Err()
		case <-timer.C:
		case <-p.nudge:
			nudged = true
		}
		res, state, err := q.check(ctx, p, nudged)
		switch {
		case err != nil:
			if ctx.Err() == nil {
				q.logger.Debug("node unreachable while waiting for a tx", "sequence", p.seq, "err", err)
			}
			timer.Reset(b.next())
			continue
		case state == stateIncluded:
			q.seq.included(p)
			return res, nil
		case state == stateDead:
			q.seq.dead(p)
			height, _ := q.node.LatestHeight(ctx)
			if p.callerDeadline && height >= p.timeoutHeight {
				err := fmt.Errorf("%w: timeout height %d, latest height %d", ErrTimedOut, p.timeoutHeight, height)
				if p.lastRejection != nil {
					err = fmt.Errorf("%w; its last re-broadcast: %w", err, p.lastRejection)
				}
				return Result{}, err
			}
			q.logger.Info("tx dead before the caller's deadline: signing again", "sequence", p.seq)
			return Result{}, errResign
		}
		b.reset()
		timer.Reset(q.opts.PollInterval)
	}
}

type txState int

const (
	statePending txState = iota
	stateIncluded
	stateDead
)

// check looks p up once, settles it when it can no longer enter a block, and
// re-broadcasts it when it has been missing for a while (or when nudged).
func (q *Queue) check(ctx context.Context, p *pending, nudged bool) (Result, txState, error) {
	res, found, err := q.node.Tx(ctx, p.hash)
	if err != nil {
		return Result{}, statePending, err
	}
	if found {
		return res, stateIncluded, nil
	}
	height, err := q.node.LatestHeight(ctx)
	if err != nil {
		return Result{}, statePending, err
	}
	if height >= p.timeoutHeight { // no later block may include it
		return q.settle(ctx, p, true)
	}
	if !nudged && time.Since(p.lastBroadcast) < q.opts.RebroadcastInterval {
		return Result{}, statePending, nil
	}
	return q.rebroadcast(ctx, p)
}

// rebroadcast sends p's identical bytes again.
func (q *Queue) rebroadcast(ctx context.Context, p *pending) (Result, txState, error) {
	res, err := q.node.BroadcastSync(ctx, p.bytes)
	p.lastBroadcast = time.Now()
	if err != nil {
		return Result{}, statePending, err
	}
	switch res.Code {
	case 0: // it had left the mempool and is back: the next of ours may follow it
		q.logger.Debug("re-broadcast an evicted tx", "sequence", p.seq)
		if next := q.seq.liveAt(p.seq + 1); next != nil {
			select {
			case next.nudge <- struct{}{}:
			default:
			}
		}
	case codeWrongSequence:
		n, ok := expectedSequence(res.Log)
		switch {
		case ok && n > p.seq: // its sequence is used: by p itself or by another tx
			return q.settle(ctx, p, false)
		case ok && n < p.seq: // a lower tx of ours must re-enter first
			if lower := q.seq.liveAt(n); lower != nil {
				select {
				case lower.nudge <- struct{}{}:
				default:
				}
			}
		}
	case codeInCache, codeMempoolFull, codeTimeoutHeight:
		// still held, or try later, or settled by the next poll's height check
	default:
		// The tx no longer passes CheckTx here (the state changed under it).
		// Another node may still hold it, or the state may change back:
		// it stays pending until its timeout height passes.
		p.lastRejection = rejected(res)
		q.logger.Info("re-broadcast tx rejected", "sequence", p.seq, "code", res.Code, "log", res.Log)
	}
	return Result{}, statePending, nil
}

// settle decides whether p, which can no longer enter the mempool (its
// timeout height passed, or the node's next sequence is above p's), was
// included or is dead. The committed account sequence is the authority: at
// or below p's sequence, p is not in any block; above it, p's sequence is in
// a block, and p is that tx only if the node finds it by hash (waiting two
// blocks for the tx index to catch up). Without expired, a sequence that is
// not committed yet leaves p pending: the tx holding it may still be dropped.
func (q *Queue) settle(ctx context.Context, p *pending, expired bool) (Result, txState, error) {
	var since int64
	for {
		_, committed, err := q.node.Account(ctx, q.addr)
		if err != nil {
			return Result{}, statePending, err
		}
		if committed <= p.seq {
			if expired {
				return Result{}, stateDead, nil
			}
			return Result{}, statePending, nil
		}
		res, found, err := q.node.Tx(ctx, p.hash)
		if err != nil {
			return Result{}, statePending, err
		}
		if found {
			return res, stateIncluded, nil
		}
		height, err := q.node.LatestHeight(ctx)
		if err != nil {
			return Result{}, statePending, err
		}
		if since == 0 {
			since = height
		} else if height >= since+2 {
			return Result{}, stateDead, nil
		}
		select {
		case <-ctx.Done():
			return Result{}, statePending, ctx.Err()
		case <-time.After(q.opts.PollInterval):
		}
	}
}
