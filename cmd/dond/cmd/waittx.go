package cmd

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"
	"sigs.k8s.io/yaml"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/rpc"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
)

// waitTxCmd is the SDK's `q wait-tx` (hash argument, or a tx command's
// output on stdin) with two changes. It fails when the transaction failed:
// the SDK's tx commands and wait-tx exit 0 whatever the tx's code, so a
// script (or the README) could not tell a rejected tx from an included one.
// And it polls the node's tx index instead of waiting for a websocket
// event: the SDK subscribes, then looks the hash up once, and a tx
// committed just before the subscription but not yet indexed (the indexer
// runs behind the event bus, further under load) was never seen and the
// command timed out although the tx was in a block.
func waitTxCmd() *cobra.Command {
	cmd := rpc.WaitTxCmd()
	cmd.SilenceUsage = true // a failed tx is not a usage error
	cmd.Long = "Waits for a transaction to be included in a block, polling the node's transaction index." +
		"\n\nExits non-zero if the transaction failed: rejected by CheckTx (read from a tx command's output " +
		"on stdin, without waiting), or included with a non-zero code."
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			in, err := io.ReadAll(cmd.InOrStdin())
			if err != nil {
				return err
			}
			sent, err := decodeTxResponse(in)
			if err != nil || sent.TxHash == "" {
				return errors.New("no txhash on stdin: the tx command printed no response (see its error above)")
			}
			// A tx rejected by CheckTx never enters a block: waiting would only time out.
			if sent.Code != 0 {
				return sent.failure("rejected by CheckTx")
			}
			args = []string{sent.TxHash}
		}
		if _, err := hex.DecodeString(args[0]); err != nil {
			return fmt.Errorf("tx hash %q is not hexadecimal", args[0])
		}
		clientCtx, err := client.GetClientQueryContext(cmd)
		if err != nil {
			return err
		}
		timeout, err := cmd.Flags().GetDuration(rpc.TimeoutFlag)
		if err != nil {
			return err
		}
		res, err := pollTx(cmd.Context(), clientCtx, args[0], timeout)
		if err != nil {
			return err
		}
		if err := clientCtx.PrintProto(res); err != nil {
			return err
		}
		if res.Code != 0 {
			return txResponse{TxHash: res.TxHash, Code: res.Code, Codespace: res.Codespace, RawLog: res.RawLog}.
				failure(fmt.Sprintf("failed in block %d", res.Height))
		}
		return nil
	}
	return cmd
}

// waitTxPoll is how often wait-tx asks the node for the transaction.
const waitTxPoll = 250 * time.Millisecond

// pollTx looks a transaction up by hash until the node has it indexed or
// the timeout passes.
func pollTx(ctx context.Context, clientCtx client.Context, hash string, timeout time.Duration) (*sdk.TxResponse, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	clientCtx = clientCtx.WithCmdContext(ctx)
	var last error
	for {
		res, err := authtx.QueryTx(clientCtx, hash)
		if err == nil {
			return res, nil
		}
		last = err
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("transaction %s not in a block after %s (last answer: %v)", hash, timeout, last)
		case <-time.After(waitTxPoll):
		}
	}
}

// txResponse holds the fields of an sdk.TxResponse that wait-tx checks.
type txResponse struct {
	TxHash    string          `json:"txhash"`
	Height    json.RawMessage `json:"height"`
	Code      uint32          `json:"code"`
	Codespace string          `json:"codespace"`
	RawLog    string          `json:"raw_log"`
}

// decodeTxResponse reads a TxResponse printed as JSON or as text (YAML).
func decodeTxResponse(bz []byte) (txResponse, error) {
	var res txResponse
	js, err := yaml.YAMLToJSON(bz)
	if err != nil {
		return res, err
	}
	return res, json.Unmarshal(js, &res)
}

func (r txResponse) failure(what string) error {
	return fmt.Errorf("transaction %s %s with code %d (codespace %q): %s", r.TxHash, what, r.Code, r.Codespace, r.RawLog)
}
