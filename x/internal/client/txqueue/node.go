package txqueue

import (
	"context"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/cosmos/cosmos-sdk/client"
	sdk "github.com/cosmos/cosmos-sdk/types"
	txtypes "github.com/cosmos/cosmos-sdk/types/tx"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
)

// Node is what a queue needs from a node. NewRPCNode implements it over a
// client.Context; tests script a fake.
//
// An error the chain answered with (a failed simulation, an unknown account)
// must be a gRPC status error other than Unavailable, DeadlineExceeded,
// Canceled, ResourceExhausted or Aborted; any other error is taken for a
// transport problem and retried with backoff.
type Node interface {
	// Account returns the account number and sequence of addr in the latest
	// committed state.
	Account(ctx context.Context, addr sdk.AccAddress) (accNum, seq uint64, err error)
	// Simulate returns the gas a tx would use on top of the node's mempool.
	Simulate(ctx context.Context, txBytes []byte) (gasUsed uint64, err error)
	// BroadcastSync returns CheckTx's answer to a tx.
	BroadcastSync(ctx context.Context, txBytes []byte) (CheckTxResult, error)
	// Tx returns the result of an included tx; found is false while the node
	// has not indexed a tx of that hash.
	Tx(ctx context.Context, hash []byte) (res Result, found bool, err error)
	// LatestHeight returns the height of the latest committed block.
	LatestHeight(ctx context.Context) (int64, error)
}

// CheckTxResult is a node's answer to a sync broadcast.
type CheckTxResult struct {
	Code      uint32
	Codespace string
	Log       string
}

// rpcNode is a Node over a client.Context's CometBFT RPC client.
type rpcNode struct{ clientCtx client.Context }

// NewRPCNode returns the Node that clientCtx's node client reaches.
func NewRPCNode(clientCtx client.Context) Node { return rpcNode{clientCtx: clientCtx} }

// with makes the SDK's query helpers, which use the context's command
// context for the RPC call, honour ctx.
func (n rpcNode) with(ctx context.Context) client.Context { return n.clientCtx.WithCmdContext(ctx) }

func (n rpcNode) Account(ctx context.Context, addr sdk.AccAddress) (uint64, uint64, error) {
	res, err := authtypes.NewQueryClient(n.with(ctx)).Account(ctx, &authtypes.QueryAccountRequest{Address: addr.String()})
	if err != nil {
		return 0, 0, err
	}
	var acc sdk.AccountI
	if err := n.clientCtx.InterfaceRegistry.UnpackAny(res.Account, &acc); err != nil {
		return 0, 0, fmt.Errorf("decoding account %s: %w", addr, err)
	}
	return acc.GetAccountNumber(), acc.GetSequence(), nil
}

func (n rpcNode) Simulate(ctx context.Context, txBytes []byte) (uint64, error) {
	res, err := txtypes.NewServiceClient(n.with(ctx)).Simulate(ctx, &txtypes.SimulateRequest{TxBytes: txBytes})
	if err != nil {
		return 0, err
	}
	return res.GasInfo.GasUsed, nil
}

func (n rpcNode) BroadcastSync(ctx context.Context, txBytes []byte) (CheckTxResult, error) {
	node, err := n.clientCtx.GetNode()
	if err != nil {
		return CheckTxResult{}, err
	}
	res, err := node.BroadcastTxSync(ctx, txBytes)
	// CometBFT's own refusals (already in cache, mempool full) come as RPC
	// errors; the SDK turns them into codes.
	if known := client.CheckCometError(err, txBytes); known != nil {
		return CheckTxResult{Code: known.Code, Codespace: known.Codespace, Log: known.RawLog}, nil
	}
	if err != nil {
		return CheckTxResult{}, err
	}
	return CheckTxResult{Code: res.Code, Codespace: res.Codespace, Log: res.Log}, nil
}

func (n rpcNode) Tx(ctx context.Context, hash []byte) (Result, bool, error) {
	node, err := n.clientCtx.GetNode()
	if err != nil {
		return Result{}, false, err
	}
	res, err := node.Tx(ctx, hash, false)
	if err != nil {
		if strings.Contains(err.Error(), "not found") {
			return Result{}, false, nil
		}
		return Result{}, false, err
	}
	return Result{
		TxHash:  strings.ToUpper(hex.EncodeToString(hash)),
		Height:  res.Height,
		Code:    res.TxResult.Code,
		Log:     res.TxResult.Log,
		GasUsed: res.TxResult.GasUsed,
		Events:  res.TxResult.Events,
	}, true, nil
}

func (n rpcNode) LatestHeight(ctx context.Context) (int64, error) {
	node, err := n.clientCtx.GetNode()
	if err != nil {
		return 0, err
	}
	status, err := node.Status(ctx)
	if err != nil {
		return 0, err
	}
	return status.SyncInfo.LatestBlockHeight, nil
}
