package txqueue_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/depinject"
	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/don-network/don/app"
	"github.com/don-network/don/testutil/devnet"
	"github.com/don-network/don/x/internal/client/txqueue"
)

// Real-node tests: one validator from config.yml with 200 ms blocks, queues
// built by FromCommand from an agent-like command's flags, as the agents do.
func TestRealNode(t *testing.T) {
	node, _ := devnet.StartTestNode(t, nil)
	t.Run("200 sends from one queue", func(t *testing.T) { testManySends(t, node) })
	t.Run("two queues on one key", func(t *testing.T) { testTwoQueues(t, node) })
}

// testManySends sends 200 bank sends from bob through one queue, all
// Submits at once: all are committed, their sequences follow the order of
// the chain, none is lost.
func testManySends(t *testing.T, node *devnet.Node) {
	const n, amount = 200, 1000
	q, clientCtx := commandQueue(t, node, "bob", txqueue.Options{})
	to := freshAddress(t)
	_, seq0, err := txqueue.NewRPCNode(clientCtx).Account(context.Background(), q.Address())
	require.NoError(t, err)

	start := time.Now()
	results := submitAll(t, q, n, banktypes.NewMsgSend(q.Address(), to, sdk.NewCoins(sdk.NewInt64Coin("udon", amount))))
	elapsed := time.Since(start)
	t.Logf("%d sends committed in %s (%.0f tx/s)", n, elapsed.Round(time.Millisecond), n/elapsed.Seconds())

	// In chain order (height, then index in the block), the sequences are
	// seq0, seq0+1, …, seq0+199.
	type placed struct {
		height int64
		index  uint32
		seq    uint64
	}
	var txs []placed
	for _, res := range results {
		require.Zero(t, res.Code, res.Log)
		height, index, seq := lookup(t, clientCtx, res.TxHash)
		txs = append(txs, placed{height, index, seq})
	}
	sort.Slice(txs, func(i, j int) bool {
		return txs[i].height < txs[j].height || txs[i].height == txs[j].height && txs[i].index < txs[j].index
	})
	for i, tx := range txs {
		require.Equal(t, seq0+uint64(i), tx.seq, "tx %d in chain order", i)
	}
	t.Logf("over %d blocks (heights %d to %d)", txs[n-1].height-txs[0].height+1, txs[0].height, txs[n-1].height)

	require.EqualValues(t, n*amount, balance(t, clientCtx, to))
	_, seq, err := txqueue.NewRPCNode(clientCtx).Account(context.Background(), q.Address())
	require.NoError(t, err)
	require.Equal(t, seq0+n, seq)
}

// testTwoQueues runs two queues of alice's key at once, as two processes
// on one key would: each resyncs on the other's sequences and both finish.
func testTwoQueues(t *testing.T, node *devnet.Node) {
	const n = 50
	var logs devnet.SyncBuffer
	opts := txqueue.Options{Logger: log.NewLogger(&logs, log.ColorOption(false))}
	a, clientCtx := commandQueue(t, node, "alice", opts)
	b, _ := commandQueue(t, node, "alice", opts)
	to := freshAddress(t)
	_, seq0, err := txqueue.NewRPCNode(clientCtx).Account(context.Background(), a.Address())
	require.NoError(t, err)

	start := time.Now()
	var wg sync.WaitGroup
	for i, q := range []*txqueue.Queue{a, b} {
		msg := banktypes.NewMsgSend(q.Address(), to, sdk.NewCoins(sdk.NewInt64Coin("udon", int64(1000*(i+1)))))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, res := range submitAll(t, q, n, msg) {
				require.Zero(t, res.Code, res.Log)
			}
		}()
	}
	wg.Wait()
	resyncs := strings.Count(logs.String(), "account sequence mismatch: resynchronised")
	t.Logf("2 × %d sends from one key through two queues committed in %s, %d resyncs", n, time.Since(start).Round(time.Millisecond), resyncs)
	require.NotZero(t, resyncs, "the queues never met: the test did not test resync")

	require.EqualValues(t, n*1000+n*2000, balance(t, clientCtx, to))
	_, seq, err := txqueue.NewRPCNode(clientCtx).Account(context.Background(), a.Address())
	require.NoError(t, err)
	require.Equal(t, seq0+2*n, seq)
}

// commandQueue builds a queue the way the agents do: FromCommand on a
// command with the SDK's tx flags and the app's client context.
func commandQueue(t *testing.T, node *devnet.Node, key string, opts txqueue.Options) (*txqueue.Queue, client.Context) {
	app.SetAddressPrefixes()
	var (
		cdc      codec.Codec
		registry codectypes.InterfaceRegistry
		txConfig client.TxConfig
	)
	require.NoError(t, depinject.Inject(depinject.Configs(app.AppConfig, depinject.Supply(log.NewNopLogger())),
		&cdc, &registry, &txConfig))
	base := client.Context{}.WithCodec(cdc).WithInterfaceRegistry(registry).WithTxConfig(txConfig).
		WithAccountRetriever(authtypes.AccountRetriever{}).WithViper("")

	cmd := &cobra.Command{Use: "agent"}
	cmd.Flags().String(flags.FlagHome, "", "")
	flags.AddTxFlagsToCmd(cmd)
	require.NoError(t, cmd.ParseFlags([]string{"--from", key, "--home", node.Home, "--node", node.RPC(),
		"--chain-id", node.ChainID, "--keyring-backend", "test"}))
	cmd.SetContext(context.Background())
	require.NoError(t, client.SetCmdClientContext(cmd, base))

	q, err := txqueue.FromCommand(cmd, opts)
	require.NoError(t, err)
	clientCtx, err := client.GetClientTxContext(cmd)
	require.NoError(t, err)
	return q, clientCtx
}

// submitAll submits msg n times at once and returns the results.
func submitAll(t *testing.T, q *txqueue.Queue, n int, msg sdk.Msg) []txqueue.Result {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	results := make([]txqueue.Result, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = q.Submit(ctx, 0, msg)
		}()
	}
	wg.Wait()
	require.NoError(t, errors.Join(errs...))
	return results
}

// lookup returns where a committed tx is and its signer's sequence.
func lookup(t *testing.T, clientCtx client.Context, hash string) (height int64, index uint32, seq uint64) {
	bz, err := hex.DecodeString(hash)
	require.NoError(t, err)
	res, err := clientCtx.Client.Tx(context.Background(), bz, false)
	require.NoError(t, err)
	tx, err := clientCtx.TxConfig.TxDecoder()(res.Tx)
	require.NoError(t, err)
	sigs, err := tx.(authsigning.SigVerifiableTx).GetSignaturesV2()
	require.NoError(t, err)
	return res.Height, res.Index, sigs[0].Sequence
}

func balance(t *testing.T, clientCtx client.Context, addr sdk.AccAddress) int64 {
	res, err := banktypes.NewQueryClient(clientCtx).Balance(context.Background(),
		&banktypes.QueryBalanceRequest{Address: addr.String(), Denom: "udon"})
	require.NoError(t, err)
	return res.Balance.Amount.Int64()
}

func freshAddress(t *testing.T) sdk.AccAddress {
	addr := make([]byte, 20)
	_, err := rand.Read(addr)
	require.NoError(t, err)
	return addr
}
