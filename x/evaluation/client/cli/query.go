package cli

import (
	"context"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"

	"github.com/don-network/don/x/evaluation/types"
	"github.com/don-network/don/x/internal/modulekit"
	optimatypes "github.com/don-network/don/x/optima/types"
)

const (
	flagCSV = "csv"
	flagOut = "out"
)

// GetQueryCmd returns the hand-written x/evaluation queries; autocli adds the rest.
func GetQueryCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        types.ModuleName,
		Short:                      "x/evaluation queries: evaluators, requests, prices, load curve",
		DisableFlagParsing:         true,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(outputsCmd(), computeCmd())
	return cmd
}

// rowsCmd is a query that prints (or writes to --out) rows of decimals.
func rowsCmd(use, short string, rows func(cmd *cobra.Command, clientCtx client.Context, r types.Request) ([][]string, error)) *cobra.Command {
	cmd := &cobra.Command{
		Use:          use,
		Short:        short,
		Args:         cobra.ExactArgs(1),
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientQueryContext(cmd)
			if err != nil {
				return err
			}
			id, err := modulekit.ParseID("request-id", args[0])
			if err != nil {
				return err
			}
			res, err := types.NewQueryClient(clientCtx).Request(cmd.Context(), &types.QueryRequestRequest{Id: id})
			if err != nil {
				return err
			}
			out, err := rows(cmd, clientCtx, res.Request)
			if err != nil {
				return err
			}
			asCSV, _ := cmd.Flags().GetBool(flagCSV)
			w := cmd.OutOrStdout()
			if path, _ := cmd.Flags().GetString(flagOut); path != "" {
				f, err := os.Create(path)
				if err != nil {
					return err
				}
				defer f.Close()
				w = f
			}
			return WriteRows(w, out, asCSV)
		},
	}
	cmd.Flags().Bool(flagCSV, false, "print CSV instead of JSON")
	cmd.Flags().String(flagOut, "", "write to this file instead of stdout")
	flags.AddQueryFlagsToCmd(cmd)
	return cmd
}

// outputWidth reads a model's output width from the chain.
func outputWidth(ctx context.Context, oq optimatypes.QueryClient, modelID uint64) (optimatypes.Model, int, error) {
	res, err := oq.Model(ctx, &optimatypes.QueryModelRequest{ModelId: modelID})
	if err != nil {
		return optimatypes.Model{}, 0, err
	}
	dom, cfg, err := optimatypes.ResolveDomain(res.Model.Domain, res.Model.Config)
	if err != nil {
		return res.Model, 0, err
	}
	return res.Model, dom.OutputDim(cfg), nil
}

func outputsCmd() *cobra.Command {
	return rowsCmd("outputs [request-id]", "Print a request's submitted outputs as rows of decimals",
		func(cmd *cobra.Command, clientCtx client.Context, r types.Request) ([][]string, error) {
			if len(r.Outputs) == 0 {
				return nil, fmt.Errorf("request %d has no outputs yet (status %s)", r.Id, r.Status)
			}
			_, width, err := outputWidth(cmd.Context(), optimatypes.NewQueryClient(clientCtx), r.ModelId)
			if err != nil {
				return nil, err
			}
			return Rows(r.Outputs, width), nil
		})
}

func computeCmd() *cobra.Command {
	cmd := rowsCmd("compute [request-id]", "Run a claimed request's pinned optimum on its inputs locally, as a challenge would; write the outputs for 'tx evaluation submit'",
		func(cmd *cobra.Command, clientCtx client.Context, r types.Request) ([][]string, error) {
			if r.Status != types.REQUEST_STATUS_CLAIMED && r.Status != types.REQUEST_STATUS_SUBMITTED && r.Status != types.REQUEST_STATUS_SETTLED {
				return nil, fmt.Errorf("request %d is %s: no optimum pinned yet", r.Id, r.Status)
			}
			outputs, width, err := Compute(cmd.Context(), optimatypes.NewQueryClient(clientCtx), r)
			if err != nil {
				return nil, err
			}
			return Rows(outputs, width), nil
		})
	return cmd
}

// Compute runs the pinned optimum of a request on its inputs with the
// chain's fixed-point engine: the outputs a challenge re-execution expects.
// `q evaluation compute` and the evaluator agent (x/evaluation/client/agent) both
// use it.
func Compute(ctx context.Context, oq optimatypes.QueryClient, r types.Request) ([]int64, int, error) {
	m, width, err := outputWidth(ctx, oq, r.ModelId)
	if err != nil {
		return nil, 0, err
	}
	o, err := oq.Optimum(ctx, &optimatypes.QueryOptimumRequest{ModelId: r.ModelId, OptimumId: r.OptimumId})
	if err != nil {
		return nil, 0, err
	}
	outs, _, err := optimatypes.Predict(m, o.Optimum.Params, r.Inputs)
	return outs, width, err
}
