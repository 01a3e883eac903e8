package txqueue

import (
	"sync"
	"time"
)

// pending is a signed tx that CheckTx accepted (or that may have reached the
// node): until it is included or known dead, no other tx is signed with its
// sequence.
type pending struct {
	seq           uint64
	bytes         []byte // re-broadcast as they are, never re-signed
	hash          []byte
	timeoutHeight int64 // the tx cannot land in a block above it
	// callerDeadline: timeoutHeight is the caller's (ErrTimedOut when it
	// passes), not the queue's MaxPendingBlocks (sign again when it passes).
	callerDeadline bool
	lastBroadcast  time.Time
	lastRejection  error         // CheckTx's answer to the last re-broadcast, if it refused the tx
	nudge          chan struct{} // re-broadcast now (a lower tx re-entered the mempool)
	abandoned      bool          // its Submit returned (context done); pruned once its timeout passes
}

// sequences is the key's local account state: the account number, the next
// sequence to sign with and the txs that may still land.
type sequences struct {
	mu     sync.Mutex
	synced bool // false: query the account before the next signature
	accNum uint64
	next   uint64
	height int64 // latest height seen, to prune abandoned txs
	live   map[uint64]*pending
}

func newSequences() sequences { return sequences{live: map[uint64]*pending{}} }

// needSync reports whether the account must be queried before signing.
func (s *sequences) needSync() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return !s.synced
}

// synced sets the account number and the committed sequence from a query.
// Txs still in the mempool keep their sequences: allocate skips them.
func (s *sequences) sync(accNum, seq uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.synced, s.accNum, s.next = true, accNum, seq
}

// allocate returns the account number and the lowest sequence from next on
// that no tx which may still land holds.
func (s *sequences) allocate(height int64) (accNum, seq uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.height = max(s.height, height)
	for seq, p := range s.live {
		if p.abandoned && s.height >= p.timeoutHeight {
			delete(s.live, seq) // included or dead by now: either way its sequence is settled
		}
	}
	seq = s.next
	for s.live[seq] != nil {
		seq++
	}
	return s.accNum, seq
}

// accepted records a tx that CheckTx accepted (or that may have reached the node).
func (s *sequences) accepted(p *pending) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.live[p.seq] = p
	s.next = p.seq + 1
}

// mismatch handles "expected N" for a tx signed with got. It reports false
// when N is the sequence of one of this queue's own txs that may still land
// (it left the node's mempool): then nothing may be signed with N, the tx
// must be re-broadcast instead.
func (s *sequences) mismatch(expected, got uint64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if expected < got && s.live[expected] != nil {
		return false
	}
	s.next = expected
	return true
}

// liveAt returns the tx that holds a sequence, if any.
func (s *sequences) liveAt(seq uint64) *pending {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.live[seq]
}

// included releases the sequence of an included tx.
func (s *sequences) included(p *pending) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.live[p.seq] == p {
		delete(s.live, p.seq)
	}
	s.next = max(s.next, p.seq+1)
}

// dead releases the sequence of a tx that can no longer land and asks for a
// fresh account query: the chain, not the local count, says what comes next.
func (s *sequences) dead(p *pending) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.live[p.seq] == p {
		delete(s.live, p.seq)
	}
	s.synced = false
}

// abandon keeps the sequence of a tx whose Submit gave up (it may still
// land) until its timeout height passes.
func (s *sequences) abandon(p *pending) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p.abandoned = true
	s.live[p.seq] = p
	s.next = max(s.next, p.seq+1)
}
