package txqueue

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"time"

	"github.com/cosmos/cosmos-sdk/client/tx"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// send signs msgs with the next free sequence and broadcasts them until
// CheckTx accepts the tx. It holds sendMu throughout, so that the node
// receives this queue's sequences in order.
func (q *Queue) send(ctx context.Context, callerTimeout int64, msgs []sdk.Msg) (*pending, error) {
	q.sendMu.Lock()
	defer q.sendMu.Unlock()
	b := q.newBackoff()
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p, err := q.signNext(ctx, callerTimeout, msgs)
		var mm *mismatchError
		switch {
		case errors.As(err, &mm):
			if _, err := q.onMismatch(ctx, mm.expected, mm.got, b); err != nil {
				return nil, err
			}
			continue
		case errors.As(err, new(*transportError)) && ctx.Err() == nil:
			q.logger.Debug("node unreachable, retrying", "err", err)
			_ = b.wait(ctx)
			continue
		case err != nil:
			return nil, err
		}
		done, err := q.broadcastNew(ctx, p, b)
		if done || err != nil {
			return p, err
		}
	}
}

// mismatchError is a simulation's "account sequence mismatch".
type mismatchError struct{ expected, got uint64 }

func (e *mismatchError) Error() string {
	return fmt.Sprintf("account sequence mismatch, expected %d, got %d", e.expected, e.got)
}

// transportError is a node error that is not the chain's answer: send
// retries after a backoff.
type transportError struct{ err error }

func (e *transportError) Error() string { return "node unreachable: " + e.err.Error() }
func (e *transportError) Unwrap() error { return e.err }

// signNext queries the account if needed, picks the timeout height and the
// next free sequence, estimates gas and signs.
func (q *Queue) signNext(ctx context.Context, callerTimeout int64, msgs []sdk.Msg) (*pending, error) {
	if q.seq.needSync() {
		accNum, seq, err := q.node.Account(ctx, q.addr)
		if err != nil {
			if transient(err) {
				return nil, &transportError{err}
			}
			return nil, fmt.Errorf("txqueue: account %s: %w", q.addr, err)
		}
		q.seq.sync(accNum, seq)
		q.logger.Debug("account sequence queried", "sequence", seq)
	}
	height, err := q.node.LatestHeight(ctx)
	if err != nil {
		return nil, &transportError{err}
	}
	timeout := callerTimeout
	switch {
	case timeout == 0:
		timeout = height + q.opts.MaxPendingBlocks
	case height >= timeout: // the next block is above it
		return nil, fmt.Errorf("%w: timeout height %d, latest height %d", ErrTimedOut, timeout, height)
	}
	accNum, seq := q.seq.allocate(height)
	txf := q.txf.WithAccountNumber(accNum).WithSequence(seq).WithTimeoutHeight(uint64(timeout))

	simTx, err := txf.BuildSimTx(msgs...)
	if err != nil {
		return nil, fmt.Errorf("txqueue: building the tx: %w", err)
	}
	gasUsed, err := q.node.Simulate(ctx, simTx)
	if err != nil {
		if n, ok := expectedSequence(err.Error()); ok {
			return nil, &mismatchError{expected: n, got: seq}
		}
		if transient(err) {
			return nil, &transportError{err}
		}
		return nil, fmt.Errorf("%w: simulation: %w", ErrRejected, err)
	}
	txf = txf.WithGas(uint64(q.opts.GasAdjustment * float64(gasUsed)))
	builder, err := txf.BuildUnsignedTx(msgs...)
	if err != nil {
		return nil, fmt.Errorf("txqueue: building the tx: %w", err)
	}
	if err := tx.Sign(ctx, txf, q.keyName, builder, true); err != nil {
		return nil, fmt.Errorf("txqueue: signing: %w", err)
	}
	bz, err := q.txConfig.TxEncoder()(builder.GetTx())
	if err != nil {
		return nil, fmt.Errorf("txqueue: encoding the tx: %w", err)
	}
	hash := sha256.Sum256(bz)
	return &pending{
		seq:            seq,
		bytes:          bz,
		hash:           hash[:],
		timeoutHeight:  timeout,
		callerDeadline: callerTimeout != 0,
		nudge:          make(chan struct{}, 1),
	}, nil
}

// onMismatch handles "expected N, got M" for a tx signed with M: it moves the
// local sequence to N, unless N belongs to one of this queue's own txs that
// may still land (it left the node's mempool); then it re-broadcasts that
// tx and the ones after it, identical, and waits a little before M is tried
// again. resynced reports which.
func (q *Queue) onMismatch(ctx context.Context, expected, got uint64, b *backoff) (resynced bool, err error) {
	if q.seq.mismatch(expected, got) {
		q.logger.Info("account sequence mismatch: resynchronised", "expected", expected, "got", got)
		return true, nil
	}
	q.refill(ctx, expected, got)
	return false, b.wait(ctx)
}

// broadcastNew broadcasts a freshly signed tx until CheckTx answers. done
// is true once the tx is accepted (it is then live); false asks send to sign
// again (the sequence or the timeout height changed).
func (q *Queue) broadcastNew(ctx context.Context, p *pending, b *backoff) (done bool, err error) {
	// maybeSent: a broadcast failed in transit, so the tx may be in the
	// mempool; from then on it is treated as live whatever the node says.
	maybeSent := false
	for {
		res, err := q.node.BroadcastSync(ctx, p.bytes)
		p.lastBroadcast = time.Now()
		if err != nil {
			maybeSent = true
			if ctx.Err() != nil {
				q.seq.abandon(p)
				return true, ctx.Err()
			}
			q.logger.Debug("broadcast failed, retrying the same bytes", "sequence", p.seq, "err", err)
			_ = b.wait(ctx)
			continue
		}
		b.reset()
		switch res.Code {
		case 0, codeInCache:
			q.seq.accepted(p)
			return true, nil
		case codeWrongSequence:
			n, ok := expectedSequence(res.Log)
			if !ok {
				return true, rejected(res)
			}
			if maybeSent && n > p.seq {
				// Our own earlier attempt may have taken the sequence: let
				// the inclusion check decide whether the tx landed.
				q.seq.accepted(p)
				return true, nil
			}
			resynced, err := q.onMismatch(ctx, n, p.seq, b)
			switch {
			case err != nil:
				return true, err
			case resynced:
				return false, nil // sign again with the node's sequence
			}
			// else our own tx with sequence n went first: try these bytes again
		case codeMempoolFull:
			if err := b.wait(ctx); err != nil {
				return true, err
			}
		case codeTimeoutHeight:
			if p.callerDeadline {
				return true, fmt.Errorf("%w: timeout height %d", ErrTimedOut, p.timeoutHeight)
			}
			return false, nil // a new block came meanwhile: pick a new timeout height
		default:
			return true, rejected(res)
		}
	}
}

// refill re-broadcasts, in order, the identical bytes of this queue's live
// txs with sequences from..to-1 (they left the node's mempool), and stops at
// the first one the node does not take.
func (q *Queue) refill(ctx context.Context, from, to uint64) {
	for seq := from; seq < to; seq++ {
		p := q.seq.liveAt(seq)
		if p == nil {
			return
		}
		res, err := q.node.BroadcastSync(ctx, p.bytes)
		if err != nil || (res.Code != 0 && res.Code != codeInCache) {
			return
		}
		q.logger.Debug("re-broadcast an evicted tx", "sequence", seq)
	}
}
