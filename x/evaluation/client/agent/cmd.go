package agent

import (
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"cosmossdk.io/log/v2"
	sdkmath "cosmossdk.io/math"
	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"

	"github.com/don-network/don/x/internal/client/txqueue"
)

const (
	flagCollateral  = "collateral"
	flagCapacity    = "capacity"
	flagMinPrice    = "min-price"
	flagChallenge   = "challenge"
	flagPoll        = "poll-interval"
	flagMaxRequests = "max-requests"
	flagOnce        = "once"
	flagVerbose     = "verbose"
)

// Command is `dond evaluator`.
func Command() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "evaluator --from <key> [--collateral <udon> --capacity <n>] [--min-price <udon>]",
		Short: "Run an evaluator: claim paid requests, compute them with the fixed-point Predict, submit, challenge wrong results",
		Long: `Run an evaluator agent for the key --from until Ctrl-C (SIGINT) or SIGTERM.

If the key is not yet an evaluator, it registers it with --collateral (udon)
and --capacity. Every block it reads the open requests and claims those on
active models whose personalised price at the next height (the auction price
times its load and reputation multiplier, computed with the chain's own code)
is at least --min-price, as long as its capacity and its exposure
((exposure + max_fee) · collateral_ratio ≤ collateral) allow. It computes the
outputs with the chain's fixed-point Predict on the pinned optimum and
submits them with the request's deadline as the timeout height. With
--challenge (the default) it also recomputes other evaluators' results inside
their challenge windows and challenges wrong ones (bond: min_challenge_bond),
earning the bounty. Every transaction goes through one queue for the key:
run one agent per key.`,
		Args:         cobra.NoArgs,
		SilenceUsage: true,
		RunE:         run,
	}
	cmd.Flags().String(flagCollateral, "", "collateral (udon) to register with if the key is not an evaluator yet")
	cmd.Flags().Uint32(flagCapacity, 0, "capacity (most open assignments) to register with")
	cmd.Flags().String(flagMinPrice, "0", "never claim a request below this price (udon)")
	cmd.Flags().Bool(flagChallenge, true, "recompute other evaluators' results and challenge wrong ones")
	cmd.Flags().Duration(flagPoll, time.Second, "how often to look for a new block")
	cmd.Flags().Int(flagMaxRequests, 0, "stop once this many of its results are settled or slashed (0: run until stopped)")
	cmd.Flags().Bool(flagOnce, false, "one poll: claim and submit what is open now, then stop")
	cmd.Flags().Bool(flagVerbose, false, "log the transaction queue's work to stderr")
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

func run(cmd *cobra.Command, _ []string) error {
	cfg, err := configFromFlags(cmd)
	if err != nil {
		return err
	}
	clientCtx, err := client.GetClientTxContext(cmd)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	clientCtx = clientCtx.WithCmdContext(ctx) // ABCI queries follow the command's context

	opts := txqueue.Options{}
	if verbose, _ := cmd.Flags().GetBool(flagVerbose); verbose {
		opts.Logger = log.NewLogger(os.Stderr)
	}
	q, err := txqueue.FromCommand(cmd, opts)
	if err != nil {
		return err
	}
	return New(clientCtx, q, cfg).Run(ctx)
}

func configFromFlags(cmd *cobra.Command) (Config, error) {
	f := cmd.Flags()
	cfg := Config{Out: cmd.OutOrStdout(), Collateral: sdkmath.ZeroInt()}
	var err error
	if s, _ := f.GetString(flagCollateral); s != "" {
		if cfg.Collateral, err = amount(flagCollateral, s); err != nil {
			return cfg, err
		}
	}
	s, _ := f.GetString(flagMinPrice)
	if cfg.MinPrice, err = amount(flagMinPrice, s); err != nil {
		return cfg, err
	}
	cfg.Capacity, _ = f.GetUint32(flagCapacity)
	cfg.Challenge, _ = f.GetBool(flagChallenge)
	cfg.PollInterval, _ = f.GetDuration(flagPoll)
	cfg.MaxRequests, _ = f.GetInt(flagMaxRequests)
	cfg.Once, _ = f.GetBool(flagOnce)
	switch {
	case cfg.PollInterval <= 0:
		return cfg, fmt.Errorf("--%s must be positive", flagPoll)
	case cfg.MaxRequests < 0:
		return cfg, fmt.Errorf("--%s must not be negative", flagMaxRequests)
	case cfg.Collateral.IsPositive() != (cfg.Capacity > 0):
		return cfg, fmt.Errorf("--%s and --%s go together (they register the evaluator)", flagCollateral, flagCapacity)
	}
	return cfg, nil
}

// amount parses a non-negative integer amount of udon ("1000" or "1000udon").
func amount(flag, s string) (sdkmath.Int, error) {
	v, ok := sdkmath.NewIntFromString(strings.TrimSuffix(s, "udon"))
	if !ok || v.IsNegative() {
		return sdkmath.Int{}, fmt.Errorf("--%s %q is not a non-negative integer amount of udon", flag, s)
	}
	return v, nil
}
