package agent

import (
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	sdkmath "cosmossdk.io/math"
	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/internal/client/txqueue"
)

const (
	flagModel         = "model"
	flagAutoCount     = "auto-count"
	flagMaxBondAtRisk = "max-bond-at-risk"
	flagOnce          = "once"
	flagTrainSeconds  = "train-seconds"
	flagSeeds         = "seeds"
	flagMargin        = "margin"
)

// StoreDir is where an agent keeps its open commits under its home.
func StoreDir(home string) string { return filepath.Join(home, "optimizer", "commits") }

// Command is `dond optimizer`.
func Command() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "optimizer",
		Short: "Mine optima: train off chain, commit candidates that clear the threshold, reveal them",
		Long: `Runs the optimizer agent (docs/optima.md) with the key of --from. For each model
it trains a candidate from the current best in float64, quantizes it to the
chain's fixed point, measures it against the best with the chain's own
verification on several fresh local seeds, and commits only when the lower
confidence bound clears min_improvement × L_inc by --margin standard errors on
every seed. It reveals inside the reveal window and prints the outcome.

Open commits (params, salt, commit id, window) are kept in
<home>/optimizer/commits before the commit is broadcast: a restarted agent
reveals what a stopped or crashed one committed. Stop it with Ctrl-C.`,
		Example: `  dond optimizer --model regime-ar-k4 --from alice
  dond optimizer --model auto --from alice --max-bond-at-risk 3000000udon
  dond optimizer --model 1 --model 3 --from alice --once --train-seconds 10`,
		Args:         cobra.NoArgs,
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts, err := optionsFromFlags(cmd)
			if err != nil {
				return err
			}
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			store, err := OpenStore(StoreDir(clientCtx.HomeDir))
			if err != nil {
				return err
			}
			queue, err := txqueue.FromCommand(cmd, txqueue.Options{})
			if err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return New(NewChain(clientCtx), queue, store, opts).Run(ctx)
		},
	}
	cmd.Flags().StringArray(flagModel, nil, `model id or name (repeatable), or "auto"`)
	cmd.Flags().Int(flagAutoCount, 2, "with --model auto: how many models to work on")
	cmd.Flags().String(flagMaxBondAtRisk, "10000000udon", "most the bonds of open commits may sum to (0 for no limit)")
	cmd.Flags().Bool(flagOnce, false, "one commit-reveal cycle per model, then exit")
	cmd.Flags().Float64(flagTrainSeconds, 30, "training time of one cycle, in seconds")
	cmd.Flags().Int(flagSeeds, 4, "fresh local seeds a candidate must pass on before it is committed")
	cmd.Flags().String(flagMargin, "1", "standard errors by which the local lower confidence bound must clear the threshold")
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

func optionsFromFlags(cmd *cobra.Command) (Options, error) {
	fs := cmd.Flags()
	models, _ := fs.GetStringArray(flagModel)
	if len(models) == 0 {
		return Options{}, fmt.Errorf("--%s is required: a model id or name, or auto", flagModel)
	}
	for _, m := range models {
		if m == autoModels && len(models) > 1 {
			return Options{}, fmt.Errorf("--%s auto cannot be combined with other models", flagModel)
		}
	}
	autoCount, _ := fs.GetInt(flagAutoCount)
	budgetStr, _ := fs.GetString(flagMaxBondAtRisk)
	var budget sdk.Coin
	if budgetStr != "0" && budgetStr != "" {
		c, err := sdk.ParseCoinNormalized(budgetStr)
		if err != nil {
			return Options{}, fmt.Errorf("--%s: %w", flagMaxBondAtRisk, err)
		}
		budget = c
	}
	once, _ := fs.GetBool(flagOnce)
	secs, _ := fs.GetFloat64(flagTrainSeconds)
	if secs <= 0 || secs > 86400 {
		return Options{}, fmt.Errorf("--%s must be in (0, 86400], got %g", flagTrainSeconds, secs)
	}
	seeds, _ := fs.GetInt(flagSeeds)
	if seeds < 1 || seeds > 64 {
		return Options{}, fmt.Errorf("--%s must be in [1, 64], got %d", flagSeeds, seeds)
	}
	marginStr, _ := fs.GetString(flagMargin)
	margin, err := sdkmath.LegacyNewDecFromStr(marginStr)
	if err != nil || margin.IsNegative() {
		return Options{}, fmt.Errorf("--%s must be a non-negative decimal, got %q", flagMargin, marginStr)
	}
	return Options{
		Models: models, AutoCount: autoCount, MaxBondAtRisk: budget, Once: once,
		TrainTime: time.Duration(secs * float64(time.Second)), Seeds: seeds, Margin: margin,
		Out: cmd.OutOrStdout(),
	}, nil
}
