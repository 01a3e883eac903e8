package cli

import (
	"fmt"

	sdkmath "cosmossdk.io/math"
	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"

	"github.com/don-network/don/x/evaluation/types"
	"github.com/don-network/don/x/internal/modulekit"
	optimatypes "github.com/don-network/don/x/optima/types"
)

const (
	flagDeadline       = "deadline"
	flagDeadlineBlocks = "deadline-blocks"
)

// GetTxCmd returns the hand-written x/evaluation transactions; autocli adds the rest.
func GetTxCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        types.ModuleName,
		Short:                      "x/evaluation transactions: evaluators, requests, results, challenges",
		DisableFlagParsing:         true,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(requestCmd(), submitCmd())
	return cmd
}

func requestCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "request [model-id] [inputs.json|inputs.csv] [max-fee]",
		Short: "Ask for the best optimum of a model to be run on your inputs, escrowing max-fee udon",
		Long: `Request an evaluation. The inputs file holds rows of decimals in the model's
input width: JSON ([[0.1, 0.2, 0.3, 0.4], [1, 2, 3, 4]]) or CSV (one row per
line; only a first line with no number-like cell is a header). Values are converted to the
chain's fixed point without floats. max-fee (udon) is escrowed; you pay the
price an evaluator claims at and get the rest back. The deadline is
--deadline (a height) or --deadline-blocks from the current height. The
inputs are checked against the model's width, max_rows and max_abs_input
before anything is broadcast.`,
		Args:         cobra.ExactArgs(3),
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			modelID, err := modulekit.ParseID("model-id", args[0])
			if err != nil {
				return err
			}
			rows, err := ReadRowsFile(args[1])
			if err != nil {
				return err
			}
			inputs, width, err := Flatten(rows)
			if err != nil {
				return err
			}
			if err := modulekit.Precheck(cmd, clientCtx, "the inputs", func() error {
				return precheckRequest(cmd.Context(), types.NewQueryClient(clientCtx), optimatypes.NewQueryClient(clientCtx), modelID, inputs, width)
			}); err != nil {
				return err
			}
			fee, ok := sdkmath.NewIntFromString(args[2])
			if !ok {
				return fmt.Errorf("max-fee %q is not an integer amount of udon", args[2])
			}
			deadline, err := deadlineFlags(cmd, clientCtx)
			if err != nil {
				return err
			}
			msg := &types.MsgRequestEvaluation{
				Client: clientCtx.GetFromAddress().String(), ModelId: modelID, Inputs: inputs, MaxFee: fee, Deadline: deadline,
			}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	cmd.Flags().Int64(flagDeadline, 0, "last height at which a result is accepted")
	cmd.Flags().Int64(flagDeadlineBlocks, 100, "deadline as blocks from the current height (when --deadline is not set)")
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// deadlineFlags returns --deadline, or the node's latest height plus
// --deadline-blocks.
func deadlineFlags(cmd *cobra.Command, clientCtx client.Context) (int64, error) {
	if h, _ := cmd.Flags().GetInt64(flagDeadline); h > 0 {
		return h, nil
	}
	blocks, _ := cmd.Flags().GetInt64(flagDeadlineBlocks)
	if clientCtx.Client == nil {
		return 0, fmt.Errorf("no node to read the height from: set --%s", flagDeadline)
	}
	status, err := clientCtx.Client.Status(cmd.Context())
	if err != nil {
		return 0, fmt.Errorf("reading the latest height (or set --%s): %w", flagDeadline, err)
	}
	return status.SyncInfo.LatestBlockHeight + blocks, nil
}

func submitCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "submit [request-id] [outputs.json|outputs.csv]",
		Short: "Submit the outputs of a request you claimed (rows of decimals, as 'q evaluation compute' writes them)",
		Args:  cobra.ExactArgs(2),
		// A failed transaction is not a usage error.
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			id, err := modulekit.ParseID("request-id", args[0])
			if err != nil {
				return err
			}
			rows, err := ReadRowsFile(args[1])
			if err != nil {
				return err
			}
			outputs, _, err := Flatten(rows)
			if err != nil {
				return err
			}
			msg := &types.MsgSubmitResult{Evaluator: clientCtx.GetFromAddress().String(), RequestId: id, Outputs: outputs}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}
