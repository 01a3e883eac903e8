package txqueue_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/crypto/hd"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
	"github.com/cosmos/cosmos-sdk/x/bank"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/don-network/don/x/internal/client/txqueue"
)

// fakeChain is a scripted node holding one account: a mempool in CheckTx
// order, blocks on demand (commit) or on a clock (run), CometBFT's recheck
// after each block, and hooks for evictions, other processes on the same
// key and transport failures. It records every broadcast and every tx
// CheckTx accepted, by sequence.
type fakeChain struct {
	t        *testing.T
	txConfig client.TxConfig

	mu        sync.Mutex
	accNum    uint64
	committed uint64 // the account's sequence after the last block
	height    int64
	mempool   []*fakeTx
	included  map[string]txqueue.Result // by hash
	blockCap  int                       // txs per block; 0: all

	broadcasts [][]byte                      // every broadcast, in order
	accepted   map[uint64]map[string]*fakeTx // sequence → hash → tx CheckTx accepted
	accounts   int                           // Account queries
	simulated  []uint64                      // the sequence of every simulated tx

	// drop makes CheckTx accept a tx that never reaches the mempool (a node
	// that loses it) when it returns true.
	drop func(tx *fakeTx) bool
	// failBroadcasts makes the next broadcasts fail in transit.
	failBroadcasts int
	// beforeCheckTx runs (with mu held) before CheckTx; a non-nil result is
	// CheckTx's answer.
	beforeCheckTx func(tx *fakeTx) *txqueue.CheckTxResult
}

type fakeTx struct {
	bz       []byte
	hash     string
	seq      uint64
	timeout  int64
	external bool // sent by another process on the key
}

func newFakeChain(t *testing.T, txConfig client.TxConfig) *fakeChain {
	return &fakeChain{
		t: t, txConfig: txConfig, accNum: 7, height: 1,
		included: map[string]txqueue.Result{}, accepted: map[uint64]map[string]*fakeTx{},
	}
}

func hashOf(bz []byte) string {
	h := sha256.Sum256(bz)
	return strings.ToUpper(hex.EncodeToString(h[:]))
}

func (c *fakeChain) decode(bz []byte) (seq uint64, timeout int64) {
	tx, err := c.txConfig.TxDecoder()(bz)
	require.NoError(c.t, err)
	sigs, err := tx.(authsigning.SigVerifiableTx).GetSignaturesV2()
	require.NoError(c.t, err)
	require.Len(c.t, sigs, 1)
	return sigs[0].Sequence, int64(tx.(sdk.TxWithTimeoutHeight).GetTimeoutHeight())
}

// checkSeq is the sequence CheckTx expects: the committed one plus the
// mempool (kept contiguous by recheck).
func (c *fakeChain) checkSeq() uint64 { return c.committed + uint64(len(c.mempool)) }

func mismatchLog(expected, got uint64) string {
	return fmt.Sprintf("account sequence mismatch, expected %d, got %d: incorrect account sequence", expected, got)
}

func (c *fakeChain) Account(ctx context.Context, addr sdk.AccAddress) (uint64, uint64, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.accounts++
	return c.accNum, c.committed, nil
}

func (c *fakeChain) Simulate(ctx context.Context, bz []byte) (uint64, error) {
	seq, _ := c.decode(bz)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.simulated = append(c.simulated, seq)
	if seq != c.checkSeq() {
		return 0, status.Error(codes.Unknown, mismatchLog(c.checkSeq(), seq))
	}
	return 100_000, nil
}

func (c *fakeChain) BroadcastSync(ctx context.Context, bz []byte) (txqueue.CheckTxResult, error) {
	seq, timeout := c.decode(bz)
	hash := hashOf(bz)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.broadcasts = append(c.broadcasts, bz)
	if c.failBroadcasts > 0 {
		c.failBroadcasts--
		return txqueue.CheckTxResult{}, errors.New("post failed: connection reset by peer")
	}
	tx := &fakeTx{bz: bz, hash: hash, seq: seq, timeout: timeout}
	if c.beforeCheckTx != nil {
		if res := c.beforeCheckTx(tx); res != nil {
			return *res, nil
		}
	}
	if _, ok := c.included[hash]; ok || c.inMempool(hash) {
		return txqueue.CheckTxResult{Code: sdkerrors.ErrTxInMempoolCache.ABCICode(), Codespace: "sdk"}, nil
	}
	if timeout != 0 && c.height+1 > timeout {
		return txqueue.CheckTxResult{Code: sdkerrors.ErrTxTimeoutHeight.ABCICode(), Codespace: "sdk", Log: "tx timeout height"}, nil
	}
	if seq != c.checkSeq() {
		return txqueue.CheckTxResult{Code: sdkerrors.ErrWrongSequence.ABCICode(), Codespace: "sdk", Log: mismatchLog(c.checkSeq(), seq)}, nil
	}
	c.accept(tx)
	if c.drop == nil || !c.drop(tx) {
		c.mempool = append(c.mempool, tx)
	}
	return txqueue.CheckTxResult{}, nil
}

// accept records a tx CheckTx accepted and fails the test if another live
// tx was accepted with the same sequence: a double spend of a sequence.
func (c *fakeChain) accept(tx *fakeTx) {
	if c.accepted[tx.seq] == nil {
		c.accepted[tx.seq] = map[string]*fakeTx{}
	}
	for _, other := range c.accepted[tx.seq] {
		if other.hash != tx.hash && !c.dead(other) && !other.external && !tx.external {
			c.t.Errorf("sequence %d signed twice: %s and %s both accepted while the first may land", tx.seq, other.hash, tx.hash)
		}
	}
	c.accepted[tx.seq][tx.hash] = tx
}

// dead reports whether a tx can no longer land: its timeout height passed
// without it in a block.
func (c *fakeChain) dead(tx *fakeTx) bool {
	_, included := c.included[tx.hash]
	return !included && tx.timeout != 0 && c.height >= tx.timeout
}

func (c *fakeChain) inMempool(hash string) bool {
	for _, tx := range c.mempool {
		if tx.hash == hash {
			return true
		}
	}
	return false
}

func (c *fakeChain) Tx(ctx context.Context, hash []byte) (txqueue.Result, bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	res, ok := c.included[strings.ToUpper(hex.EncodeToString(hash))]
	return res, ok, nil
}

func (c *fakeChain) LatestHeight(ctx context.Context) (int64, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.height, nil
}

// commit makes a block from the mempool, then rechecks what is left.
func (c *fakeChain) commit() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.height++
	n := 0
	for _, tx := range c.mempool {
		if c.blockCap > 0 && n == c.blockCap {
			break
		}
		if tx.timeout != 0 && c.height > tx.timeout || tx.seq != c.committed {
			break // recheck drops it and everything after it
		}
		c.included[tx.hash] = txqueue.Result{TxHash: tx.hash, Height: c.height, GasUsed: 90_000}
		c.committed++
		n++
	}
	c.mempool = c.mempool[n:]
	c.recheck()
}

// recheck keeps the mempool txs that still pass CheckTx, as CometBFT does
// after a block: the contiguous run from the committed sequence.
func (c *fakeChain) recheck() {
	kept := c.mempool[:0]
	for _, tx := range c.mempool {
		if tx.seq != c.committed+uint64(len(kept)) || tx.timeout != 0 && c.height+1 > tx.timeout {
			break
		}
		kept = append(kept, tx)
	}
	c.mempool = kept
}

// evictAll empties the mempool (a node restart, or eviction under load).
func (c *fakeChain) evictAll() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.mempool = nil
}

// external is a tx of another process on the same key entering the mempool.
func (c *fakeChain) external() {
	seq := c.checkSeq()
	tx := &fakeTx{bz: []byte(fmt.Sprintf("external %d", seq)), seq: seq, external: true}
	tx.hash = hashOf(tx.bz)
	c.accept(tx)
	c.mempool = append(c.mempool, tx)
}

// run makes a block every interval until ctx is done.
func (c *fakeChain) run(ctx context.Context, interval time.Duration) {
	go func() {
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				c.commit()
			}
		}
	}()
}

// waitFor polls cond (called with mu held) for up to 5 s.
func (c *fakeChain) waitFor(what string, cond func() bool) {
	c.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		c.mu.Lock()
		ok := cond()
		c.mu.Unlock()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

// seqOf returns the sequence of signed tx bytes.
func (c *fakeChain) seqOf(bz []byte) uint64 {
	seq, _ := c.decode(bz)
	return seq
}

// testKey is an in-memory keyring with one key, and the client context a
// queue needs around it.
func testClientContext(t *testing.T) (client.Context, sdk.AccAddress) {
	enc := moduletestutil.MakeTestEncodingConfig(bank.AppModuleBasic{})
	kr := keyring.NewInMemory(enc.Codec)
	rec, _, err := kr.NewMnemonic("agent", keyring.English, sdk.FullFundraiserPath, keyring.DefaultBIP39Passphrase, hd.Secp256k1)
	require.NoError(t, err)
	addr, err := rec.GetAddress()
	require.NoError(t, err)
	return client.Context{}.
		WithChainID("don-test-1").
		WithTxConfig(enc.TxConfig).
		WithCodec(enc.Codec).
		WithInterfaceRegistry(enc.InterfaceRegistry).
		WithKeyring(kr), addr
}

// fastOptions poll every millisecond, so that the scripted tests run fast.
func fastOptions() txqueue.Options {
	return txqueue.Options{PollInterval: time.Millisecond, RebroadcastInterval: 5 * time.Millisecond, MaxBackoff: 10 * time.Millisecond}
}

// setup returns a fake chain and a queue of its key.
func setup(t *testing.T, opts txqueue.Options) (*fakeChain, *txqueue.Queue, sdk.Msg) {
	clientCtx, addr := testClientContext(t)
	chain := newFakeChain(t, clientCtx.TxConfig)
	q, err := txqueue.NewWithNode(clientCtx, chain, "agent", opts)
	require.NoError(t, err)
	require.Equal(t, addr, q.Address())
	msg := banktypes.NewMsgSend(addr, addr, sdk.NewCoins(sdk.NewInt64Coin("udon", 1)))
	return chain, q, msg
}

// submitAsync runs Submit in a goroutine.
func submitAsync(ctx context.Context, q *txqueue.Queue, timeoutHeight int64, msg sdk.Msg) <-chan submitted {
	ch := make(chan submitted, 1)
	go func() {
		res, err := q.Submit(ctx, timeoutHeight, msg)
		ch <- submitted{res, err}
	}()
	return ch
}

type submitted struct {
	res txqueue.Result
	err error
}

func receive(t *testing.T, ch <-chan submitted) submitted {
	t.Helper()
	select {
	case s := <-ch:
		return s
	case <-time.After(10 * time.Second):
		t.Fatal("Submit did not return")
		return submitted{}
	}
}
