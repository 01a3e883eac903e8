package txqueue_test

import (
	"bytes"
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/don-network/don/x/internal/client/txqueue"
)

func TestSubmitSimulatesSignsAndWaitsForInclusion(t *testing.T) {
	chain, q, msg := setup(t, fastOptions())
	done := submitAsync(context.Background(), q, 0, msg)
	chain.waitFor("the tx in the mempool", func() bool { return len(chain.mempool) == 1 })
	chain.commit()
	got := receive(t, done)
	require.NoError(t, got.err)

	sent := chain.broadcasts[0]
	require.Equal(t, hashOf(sent), got.res.TxHash)
	require.EqualValues(t, 2, got.res.Height)
	tx, err := chain.txConfig.TxDecoder()(sent)
	require.NoError(t, err)
	require.EqualValues(t, 150_000, tx.(sdk.FeeTx).GetGas(), "gas = simulated 100,000 × the default adjustment 1.5")
	require.EqualValues(t, 1+30, tx.(sdk.TxWithTimeoutHeight).GetTimeoutHeight(), "latest height + MaxPendingBlocks")
	require.Zero(t, chain.seqOf(sent))
}

func TestSequenceMismatchResyncs(t *testing.T) {
	// Broadcasts are counted below: no identical re-broadcast of a tx
	// waiting in the mempool may slip in, however slow the machine.
	opts := fastOptions()
	opts.RebroadcastInterval = time.Hour
	chain, q, msg := setup(t, opts)
	// Another process on the key has three txs in the mempool: the
	// simulation reports "expected 3, got 0".
	chain.mu.Lock()
	chain.external()
	chain.external()
	chain.external()
	chain.mu.Unlock()
	done := submitAsync(context.Background(), q, 0, msg)
	chain.waitFor("the tx in the mempool", func() bool { return len(chain.mempool) == 4 })
	chain.commit()
	require.NoError(t, receive(t, done).err)
	require.Len(t, chain.broadcasts, 1)
	require.EqualValues(t, 3, chain.seqOf(chain.broadcasts[0]))

	// The other process sends again between our simulation and our
	// broadcast: CheckTx answers "expected 5, got 4"; the queue re-signs
	// with 5 (the tx with 4 never entered the mempool).
	raced := false
	chain.beforeCheckTx = func(*fakeTx) *txqueue.CheckTxResult {
		if !raced {
			raced = true
			chain.external()
		}
		return nil
	}
	done = submitAsync(context.Background(), q, 0, msg)
	chain.waitFor("the tx in the mempool", func() bool { return len(chain.mempool) == 2 })
	chain.commit()
	require.NoError(t, receive(t, done).err)
	require.Len(t, chain.broadcasts, 3)
	require.EqualValues(t, 4, chain.seqOf(chain.broadcasts[1]), "rejected: sequence 4 was taken")
	require.EqualValues(t, 5, chain.seqOf(chain.broadcasts[2]))
	require.EqualValues(t, 6, chain.committed)
}

func TestEvictedTxIsRebroadcastIdentically(t *testing.T) {
	chain, q, msg := setup(t, fastOptions())
	done := submitAsync(context.Background(), q, 0, msg)
	chain.waitFor("the tx in the mempool", func() bool { return len(chain.mempool) == 1 })
	chain.evictAll()
	chain.waitFor("the re-broadcast tx back in the mempool", func() bool { return len(chain.mempool) == 1 })
	chain.commit()
	got := receive(t, done)
	require.NoError(t, got.err)

	require.GreaterOrEqual(t, len(chain.broadcasts), 2)
	for i, bz := range chain.broadcasts {
		require.True(t, bytes.Equal(chain.broadcasts[0], bz), "broadcast %d differs from the first", i)
	}
	require.Equal(t, hashOf(chain.broadcasts[0]), got.res.TxHash)
}

func TestEvictedTxGoesBeforeTheNextOne(t *testing.T) {
	opts := fastOptions()
	opts.RebroadcastInterval = time.Hour // only the next Submit may bring it back
	chain, q, msg := setup(t, opts)
	first := submitAsync(context.Background(), q, 0, msg)
	chain.waitFor("the first tx in the mempool", func() bool { return len(chain.mempool) == 1 })
	firstBytes := chain.broadcasts[0]
	chain.evictAll()

	// Sequence 0 is the evicted tx's: it may still land, so the second tx
	// must not take it; the queue re-broadcasts the first, then sends the
	// second with sequence 1.
	second := submitAsync(context.Background(), q, 0, msg)
	chain.waitFor("both txs in the mempool", func() bool { return len(chain.mempool) == 2 })
	chain.commit()
	require.NoError(t, receive(t, first).err)
	require.NoError(t, receive(t, second).err)
	for _, bz := range chain.broadcasts {
		if chain.seqOf(bz) == 0 {
			require.True(t, bytes.Equal(firstBytes, bz), "sequence 0 re-signed")
		}
	}
	require.Len(t, chain.accepted[0], 1)
	require.Len(t, chain.accepted[1], 1)
}

func TestTimeoutIsReportedAndTheSequenceRequeried(t *testing.T) {
	chain, q, msg := setup(t, fastOptions())
	chain.drop = func(*fakeTx) bool { return true } // the node loses every tx
	done := submitAsync(context.Background(), q, 4, msg)
	chain.waitFor("a broadcast", func() bool { return len(chain.broadcasts) > 0 })
	for range 3 { // heights 2, 3, 4: 4 is the timeout height
		chain.commit()
	}
	err := receive(t, done).err
	require.ErrorIs(t, err, txqueue.ErrTimedOut)
	for _, bz := range chain.broadcasts {
		require.True(t, bytes.Equal(chain.broadcasts[0], bz), "the tx was re-signed before it was dead")
	}

	// The tx is dead: the next one re-queries the account and is signed
	// with the dead tx's sequence at once.
	chain.drop = nil
	accounts, simulated := chain.accounts, len(chain.simulated)
	done = submitAsync(context.Background(), q, 0, msg)
	chain.waitFor("the next tx in the mempool", func() bool { return len(chain.mempool) == 1 })
	chain.commit()
	require.NoError(t, receive(t, done).err)
	require.Equal(t, accounts+1, chain.accounts, "sequence re-queried after the timeout")
	require.Equal(t, []uint64{0}, chain.simulated[simulated:])
}

func TestTxWithoutDeadlineIsSignedAgainOnceDead(t *testing.T) {
	opts := fastOptions()
	opts.MaxPendingBlocks = 3
	chain, q, msg := setup(t, opts)
	chain.drop = func(tx *fakeTx) bool { return tx.timeout == 4 } // the first signing is lost
	done := submitAsync(context.Background(), q, 0, msg)
	chain.waitFor("a broadcast", func() bool { return len(chain.broadcasts) > 0 })
	for range 3 {
		chain.commit()
	}
	chain.waitFor("the tx signed again in the mempool", func() bool { return len(chain.mempool) == 1 })
	chain.commit()
	got := receive(t, done)
	require.NoError(t, got.err)
	require.NotEqual(t, hashOf(chain.broadcasts[0]), got.res.TxHash)
	require.Len(t, chain.accepted[0], 2, "sequence 0 reused only after the first tx was dead (checked by the fake)")
}

func TestTransportErrorsAreRetriedWithTheSameBytes(t *testing.T) {
	// Broadcasts are counted: only the retries after the transport errors,
	// no identical re-broadcast of the tx waiting in the mempool.
	opts := fastOptions()
	opts.RebroadcastInterval = time.Hour
	chain, q, msg := setup(t, opts)
	chain.failBroadcasts = 3
	done := submitAsync(context.Background(), q, 0, msg)
	chain.waitFor("the tx in the mempool", func() bool { return len(chain.mempool) == 1 })
	chain.commit()
	require.NoError(t, receive(t, done).err)
	require.Len(t, chain.broadcasts, 4)
	for _, bz := range chain.broadcasts {
		require.True(t, bytes.Equal(chain.broadcasts[0], bz))
	}
}

func TestCheckTxRejectionIsReported(t *testing.T) {
	chain, q, msg := setup(t, fastOptions())
	chain.beforeCheckTx = func(*fakeTx) *txqueue.CheckTxResult {
		return &txqueue.CheckTxResult{Code: sdkerrors.ErrInsufficientFunds.ABCICode(), Codespace: "sdk", Log: "insufficient funds"}
	}
	_, err := q.Submit(context.Background(), 0, msg)
	require.ErrorIs(t, err, txqueue.ErrRejected)
	require.ErrorIs(t, err, sdkerrors.ErrInsufficientFunds)

	// The rejected tx never entered the mempool: its sequence is free.
	chain.beforeCheckTx = nil
	done := submitAsync(context.Background(), q, 0, msg)
	chain.waitFor("the tx in the mempool", func() bool { return len(chain.mempool) == 1 })
	chain.commit()
	require.NoError(t, receive(t, done).err)
	require.Zero(t, chain.seqOf(chain.broadcasts[1]))
}

func TestContextCancelStopsCleanly(t *testing.T) {
	opts := fastOptions()
	opts.RebroadcastInterval = time.Hour
	chain, q, msg := setup(t, opts)

	// Cancelled while waiting for inclusion.
	ctx, cancel := context.WithCancel(context.Background())
	done := submitAsync(ctx, q, 0, msg)
	chain.waitFor("the tx in the mempool", func() bool { return len(chain.mempool) == 1 })
	abandoned := chain.broadcasts[0]
	cancel()
	require.ErrorIs(t, receive(t, done).err, context.Canceled)

	// The abandoned tx may still land: a later tx never takes its sequence,
	// even once it left the mempool (it is re-broadcast first).
	chain.evictAll()
	done = submitAsync(context.Background(), q, 0, msg)
	chain.waitFor("both txs in the mempool", func() bool { return len(chain.mempool) == 2 })
	chain.commit()
	got := receive(t, done)
	require.NoError(t, got.err)
	require.EqualValues(t, 1, chain.seqOf(chain.broadcasts[len(chain.broadcasts)-1]))
	require.Contains(t, chain.included, hashOf(abandoned))

	// Cancelled while the node is unreachable.
	chain.failBroadcasts = 1 << 30
	ctx, cancel = context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := q.Submit(ctx, 0, msg)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.Less(t, time.Since(start), time.Second)
}

// submitMany runs n concurrent Submits and returns their results.
func submitMany(t *testing.T, q *txqueue.Queue, msg sdk.Msg, n int) []txqueue.Result {
	results := make([]txqueue.Result, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			results[i], errs[i] = q.Submit(ctx, 0, msg)
		}()
	}
	wg.Wait()
	require.NoError(t, errors.Join(errs...))
	return results
}

func TestConcurrentSubmitsNeverSignASequenceTwice(t *testing.T) {
	opts := fastOptions()
	opts.MaxPendingBlocks = 10
	chain, q, msg := setup(t, opts)
	chain.blockCap = 4
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	chain.run(ctx, 3*time.Millisecond)
	// Evict everything now and then, and let another process slip in txs
	// that it then abandons (the mempool loses them with the rest).
	go func() {
		for i := 0; ctx.Err() == nil; i++ {
			time.Sleep(7 * time.Millisecond)
			chain.mu.Lock()
			if i%5 == 0 {
				chain.external()
			}
			if i%3 == 0 {
				chain.mempool = nil
			}
			chain.mu.Unlock()
		}
	}()

	results := submitMany(t, q, msg, 100)
	stop()
	seen := map[string]bool{}
	for _, r := range results {
		require.False(t, seen[r.TxHash], "two Submits returned the same tx")
		seen[r.TxHash] = true
	}
	// Each included tx of ours has its own sequence (the fake also failed
	// the test had CheckTx accepted two live txs with one sequence).
	chain.mu.Lock()
	defer chain.mu.Unlock()
	seqs := map[uint64]bool{}
	for _, bz := range chain.broadcasts {
		if _, ok := chain.included[hashOf(bz)]; ok {
			seqs[chain.seqOf(bz)] = true
		}
	}
	require.Len(t, seqs, 100)
}

func TestTwoQueuesOnOneKeyBothFinish(t *testing.T) {
	clientCtx, addr := testClientContext(t)
	chain := newFakeChain(t, clientCtx.TxConfig)
	a, err := txqueue.NewWithNode(clientCtx, chain, "agent", fastOptions())
	require.NoError(t, err)
	b, err := txqueue.NewWithNode(clientCtx, chain, addr.String(), fastOptions()) // by address this time
	require.NoError(t, err)
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	chain.run(ctx, 3*time.Millisecond)

	// The two processes send different messages: two identical messages
	// signed with one sequence would be one tx.
	var wg sync.WaitGroup
	for i, q := range []*txqueue.Queue{a, b} {
		msg := banktypes.NewMsgSend(addr, addr, sdk.NewCoins(sdk.NewInt64Coin("udon", int64(i+1))))
		wg.Add(1)
		go func() {
			defer wg.Done()
			submitMany(t, q, msg, 40)
		}()
	}
	wg.Wait()
	chain.mu.Lock()
	defer chain.mu.Unlock()
	require.EqualValues(t, 80, chain.committed)
}

func TestQueueRecoversWhenTheOtherProcessOnTheKeyStops(t *testing.T) {
	opts := fastOptions()
	opts.MaxPendingBlocks = 3
	chain, q, msg := setup(t, opts)
	chain.mu.Lock()
	for range 3 {
		chain.external() // the other process's txs, sequences 0 to 2
	}
	chain.mu.Unlock()
	done := submitAsync(context.Background(), q, 0, msg)
	chain.waitFor("our tx in the mempool", func() bool { return len(chain.mempool) == 4 })
	require.EqualValues(t, 3, chain.seqOf(chain.broadcasts[len(chain.broadcasts)-1]))

	// The other process stops and the node loses its txs (a restart): our
	// tx with sequence 3 can no longer land until 0 to 2 are used. It dies
	// at its timeout height and is signed again with sequence 0.
	chain.evictAll()
	for range 3 {
		chain.commit()
	}
	chain.waitFor("our tx signed again", func() bool { return len(chain.mempool) == 1 })
	chain.commit()
	got := receive(t, done)
	require.NoError(t, got.err)
	require.Equal(t, hashOf(chain.broadcasts[len(chain.broadcasts)-1]), got.res.TxHash)
	require.Zero(t, chain.seqOf(chain.broadcasts[len(chain.broadcasts)-1]))
}

func TestRebroadcastRejectedTxIsNotSignedAgainBeforeItsTimeout(t *testing.T) {
	chain, q, msg := setup(t, fastOptions())
	done := submitAsync(context.Background(), q, 5, msg)
	chain.waitFor("the tx in the mempool", func() bool { return len(chain.mempool) == 1 })
	// The node loses it and then refuses it (say, the fee payer's balance
	// dropped): another node may still hold it, so it is not signed again.
	chain.mu.Lock()
	chain.mempool = nil
	chain.beforeCheckTx = func(*fakeTx) *txqueue.CheckTxResult {
		return &txqueue.CheckTxResult{Code: sdkerrors.ErrInsufficientFunds.ABCICode(), Codespace: "sdk", Log: "insufficient funds"}
	}
	chain.mu.Unlock()
	chain.waitFor("a refused re-broadcast", func() bool { return len(chain.broadcasts) >= 3 })
	for range 4 { // up to the timeout height 5
		chain.commit()
	}
	err := receive(t, done).err
	require.ErrorIs(t, err, txqueue.ErrTimedOut)
	require.ErrorIs(t, err, sdkerrors.ErrInsufficientFunds)
	chain.mu.Lock()
	defer chain.mu.Unlock()
	for _, bz := range chain.broadcasts {
		require.True(t, bytes.Equal(chain.broadcasts[0], bz), "re-signed before its timeout height")
	}
}
