package txqueue

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/tx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
)

// ErrTimedOut is returned by Submit when the caller's timeout height passed
// without the tx being included: the tx is dead and its messages were not
// executed.
var ErrTimedOut = errors.New("txqueue: timeout height passed without inclusion")

// ErrRejected wraps a CheckTx rejection other than a sequence mismatch (which
// the queue resolves itself) and a failed gas simulation. The chain's own
// error is wrapped too: errors.Is(err, types.ErrSomething) works for a
// registered error.
var ErrRejected = errors.New("txqueue: rejected by the node")

// Options tune a queue; zero values mean defaults.
type Options struct {
	GasAdjustment float64       // default 1.5 (gas = simulate × adjustment)
	GasPrices     string        // e.g. "0udon"; default: none (no fee)
	Logger        log.Logger    // default nop
	PollInterval  time.Duration // default 500ms (inclusion polling)

	// RebroadcastInterval is how long a tx may be missing from the node's
	// index before its identical bytes are broadcast again (a node answers
	// "already in cache" while it still holds it). Default 4 × PollInterval.
	RebroadcastInterval time.Duration
	// MaxPendingBlocks is the timeout height, relative to the latest height,
	// of a tx submitted without one (default 30): a tx stuck behind a sequence
	// gap then dies and is signed again instead of waiting for ever.
	MaxPendingBlocks int64
	// MaxBackoff caps the wait between retries after transport errors
	// (default 5s; the first wait is PollInterval/4).
	MaxBackoff time.Duration
}

func (o Options) withDefaults() Options {
	if o.GasAdjustment <= 0 {
		o.GasAdjustment = 1.5
	}
	if o.Logger == nil {
		o.Logger = log.NewNopLogger()
	}
	if o.PollInterval <= 0 {
		o.PollInterval = 500 * time.Millisecond
	}
	if o.RebroadcastInterval <= 0 {
		o.RebroadcastInterval = 4 * o.PollInterval
	}
	if o.MaxPendingBlocks <= 0 {
		o.MaxPendingBlocks = 30
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = 5 * time.Second
	}
	return o
}

// Result of an included tx.
type Result struct {
	TxHash  string
	Height  int64
	Code    uint32
	Log     string
	GasUsed int64
	Events  []abci.Event
}

// Queue serialises every transaction of one key (docs/txqueue.md).
// Its methods are safe for concurrent use.
type Queue struct {
	node     Node
	txf      tx.Factory // chain id, tx config, keyring, key name, sign mode, gas adjustment and prices
	txConfig client.TxConfig
	addr     sdk.AccAddress
	keyName  string
	opts     Options
	logger   log.Logger

	// sendMu serialises broadcasts, so that sequences reach the node in order.
	sendMu sync.Mutex
	seq    sequences
}

// New returns the queue of key `from` (a key name or address in
// clientCtx.Keyring); clientCtx carries the chain id, node client, tx config,
// codec, keyring, home.
func New(clientCtx client.Context, from string, opts Options) (*Queue, error) {
	if clientCtx.Client == nil {
		return nil, errors.New("txqueue: the client context has no node (set --node)")
	}
	return NewWithNode(clientCtx, NewRPCNode(clientCtx), from, opts)
}

// NewWithNode is New with another Node: a scripted fake in tests, or a node
// reached another way. clientCtx provides the chain id, tx config and keyring.
func NewWithNode(clientCtx client.Context, node Node, from string, opts Options) (*Queue, error) {
	switch {
	case clientCtx.ChainID == "":
		return nil, errors.New("txqueue: the client context has no chain id (set --chain-id)")
	case clientCtx.TxConfig == nil:
		return nil, errors.New("txqueue: the client context has no tx config")
	case clientCtx.Keyring == nil:
		return nil, errors.New("txqueue: the client context has no keyring")
	case from == "":
		return nil, errors.New("txqueue: no key given (set --from)")
	}
	addr, name, _, err := client.GetFromFields(clientCtx, clientCtx.Keyring, from)
	if err != nil {
		return nil, fmt.Errorf("txqueue: key %q: %w", from, err)
	}
	opts = opts.withDefaults()
	txf := tx.Factory{}.
		WithTxConfig(clientCtx.TxConfig).
		WithKeybase(clientCtx.Keyring).
		WithChainID(clientCtx.ChainID).
		WithFromName(name).
		WithSignMode(signing.SignMode_SIGN_MODE_DIRECT).
		WithGasAdjustment(opts.GasAdjustment).
		WithSimulateAndExecute(true) // the simulated tx carries the key's real public key
	if opts.GasPrices != "" {
		// The factory panics on malformed prices: check them first.
		if _, err := sdk.ParseDecCoins(opts.GasPrices); err != nil {
			return nil, fmt.Errorf("txqueue: gas prices %q: %w", opts.GasPrices, err)
		}
		txf = txf.WithGasPrices(opts.GasPrices)
	}
	return &Queue{
		node:     node,
		txf:      txf,
		txConfig: clientCtx.TxConfig,
		addr:     addr,
		keyName:  name,
		opts:     opts,
		logger:   opts.Logger.With("module", "txqueue", "key", name),
		seq:      newSequences(),
	}, nil
}

// Address is the key's account address.
func (q *Queue) Address() sdk.AccAddress { return q.addr }

// Submit signs msgs in one tx with the next local sequence, broadcasts it
// (serialised with every other Submit of this queue), re-broadcasts the
// identical bytes while it is not included and timeoutHeight (0: none) has
// not passed, and returns once it is included (Result.Code may be non-zero: a
// failed tx), or an error (ErrTimedOut when timeoutHeight passed without
// inclusion, ErrRejected for a CheckTx rejection other than a sequence
// mismatch, which it resyncs and retries, or the context's error).
func (q *Queue) Submit(ctx context.Context, timeoutHeight int64, msgs ...sdk.Msg) (Result, error) {
	if len(msgs) == 0 {
		return Result{}, errors.New("txqueue: no messages to submit")
	}
	if timeoutHeight < 0 {
		return Result{}, fmt.Errorf("txqueue: negative timeout height %d", timeoutHeight)
	}
	for {
		p, err := q.send(ctx, timeoutHeight, msgs)
		if err != nil {
			return Result{}, err
		}
		res, err := q.await(ctx, p)
		if errors.Is(err, errResign) {
			continue // the tx is known dead and the caller set no deadline: sign again
		}
		return res, err
	}
}
