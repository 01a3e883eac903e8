package cmd

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"sigs.k8s.io/yaml"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/rpc"
)

// waitTxCmd is the SDK's `q wait-tx` (hash argument, or a tx command's
// output on stdin) that also fails when the transaction failed. The SDK's
// tx commands and wait-tx exit 0 whatever the tx's code, so a script (or the
// README) could not tell a rejected tx from an included one.
func waitTxCmd() *cobra.Command {
	cmd := rpc.WaitTxCmd()
	wait := cmd.RunE
	cmd.SilenceUsage = true // a failed tx is not a usage error
	cmd.Long += "\n\nExits non-zero if the transaction failed: rejected by CheckTx (read from a tx command's output " +
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

		// Capture the printed response to read its code, then print it as usual.
		clientCtx := client.GetClientContextFromCmd(cmd)
		out := clientCtx.Output
		if out == nil {
			out = cmd.OutOrStdout()
		}
		var buf bytes.Buffer
		if err := client.SetCmdClientContext(cmd, clientCtx.WithOutput(&buf)); err != nil {
			return err
		}
		if err := wait(cmd, args); err != nil {
			return err
		}
		if _, err := out.Write(buf.Bytes()); err != nil {
			return err
		}
		res, err := decodeTxResponse(buf.Bytes())
		if err != nil {
			return fmt.Errorf("reading the tx result: %w", err)
		}
		if res.Code != 0 {
			return res.failure("failed in block " + strings.Trim(string(res.Height), `"`))
		}
		return nil
	}
	return cmd
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
