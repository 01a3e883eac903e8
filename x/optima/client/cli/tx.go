package cli

import (
	"encoding/hex"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"

	"github.com/don-network/don/x/internal/modulekit"
	"github.com/don-network/don/x/optima/types"
)

const flagSalt = "salt"

// GetTxCmd returns the hand-written x/optima transactions; autocli adds the rest.
func GetTxCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        types.ModuleName,
		Short:                      "x/optima transactions: models, commits and reveals of optima",
		DisableFlagParsing:         true,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(registerModelCmd(), commitCmd(), revealCmd())
	return cmd
}

func registerModelCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "register-model [spec.json]",
		Short: "Register a model of a built-in domain from a JSON spec, locking its deposit",
		Long: `Register a model. The spec file is JSON, for example:
{"name": "my-friedman", "domain": "friedman1", "config": {"friedman1": {"hidden": 16, "noise": "1.0"}},
 "eval_samples": 512, "min_improvement": "0.005", "seed_blocks": 3, "reveal_window": 50,
 "commit_bond": "10000udon", "deposit": "1000000udon"}
"config" may be omitted for the domain's defaults; "initial_params" is an optional array of decimals.`,
		Args: cobra.ExactArgs(1),
		// A failed transaction is not a usage error.
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			msg, err := ReadModelSpec(clientCtx.Codec, args[0], clientCtx.GetFromAddress().String())
			if err != nil {
				return err
			}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

func commitCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "commit [model-id] [params.json]",
		Short: "Commit to a params file: only SHA-256(params, salt, you) goes on chain",
		Long: `Commit to the parameter vector in params.json (a JSON array of decimals).
The commitment binds the model, your address, the params and a salt; the salt
is printed (or taken from --salt) and must be kept to reveal after seed_blocks.
The chain cannot see the params behind a commitment, so the params are
checked against the model (count, domain) before anything is broadcast: a
commit that could never be revealed would burn its bond.`,
		Args:         cobra.ExactArgs(2),
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			modelID, params, err := idAndParams("model-id", args[0], args[1])
			if err != nil {
				return err
			}
			if err := modulekit.Precheck(cmd, clientCtx, "the params", func() error {
				return precheckCommit(cmd.Context(), types.NewQueryClient(clientCtx), modelID, params)
			}); err != nil {
				return err
			}
			salt, err := saltFlag(cmd, true)
			if err != nil {
				return err
			}
			from := clientCtx.GetFromAddress()
			msg := &types.MsgCommitOptimum{
				Optimizer:  from.String(),
				ModelId:    modelID,
				Commitment: types.ComputeCommitment(modelID, from, params, salt),
			}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	cmd.Flags().String(flagSalt, "", "hex salt of 16 to 64 bytes (default: a new random one, printed)")
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

func revealCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:          "reveal [commit-id] [params.json]",
		Short:        "Reveal a commit; the chain verifies the params on fresh data",
		Args:         cobra.ExactArgs(2),
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			commitID, params, err := idAndParams("commit-id", args[0], args[1])
			if err != nil {
				return err
			}
			salt, err := saltFlag(cmd, false)
			if err != nil {
				return err
			}
			if err := modulekit.Precheck(cmd, clientCtx, "the params and salt", func() error {
				return precheckReveal(cmd.Context(), types.NewQueryClient(clientCtx), commitID, clientCtx.GetFromAddress(), params, salt)
			}); err != nil {
				return err
			}
			msg := &types.MsgRevealOptimum{
				Optimizer: clientCtx.GetFromAddress().String(),
				CommitId:  commitID,
				Params:    params,
				Salt:      salt,
			}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	cmd.Flags().String(flagSalt, "", "hex salt used for the commit (required)")
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// saltFlag reads --salt; with generate set, a missing salt is created and
// printed to stderr so the user can keep it for the reveal.
func saltFlag(cmd *cobra.Command, generate bool) ([]byte, error) {
	s, err := cmd.Flags().GetString(flagSalt)
	if err != nil {
		return nil, err
	}
	if s != "" {
		return ParseSalt(s)
	}
	if !generate {
		return nil, fmt.Errorf("--%s is required", flagSalt)
	}
	salt, err := NewSalt()
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "salt: %s (keep it: the reveal needs it)\n", hex.EncodeToString(salt))
	return salt, nil
}
