package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

const (
	flagSeed      = "seed"
	flagOptimizer = "optimizer"
)

// GetQueryCmd returns the hand-written x/optima queries; autocli adds the rest.
func GetQueryCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        types.ModuleName,
		Short:                      "x/optima queries: models, optima, commits, beacon",
		DisableFlagParsing:         true,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(checkCmd())
	return cmd
}

// CheckResult is what `check` prints.
type CheckResult struct {
	ModelID       uint64 `json:"model_id"`
	Commitment    string `json:"commitment,omitempty"`
	Salt          string `json:"salt,omitempty"`
	Seed          string `json:"seed"`
	Samples       uint32 `json:"samples"`
	Loss          string `json:"loss"`
	IncumbentLoss string `json:"incumbent_loss"`
	LCB           string `json:"lcb"`
	Threshold     string `json:"threshold"`
	WouldAccept   bool   `json:"would_accept"`
	Increment     string `json:"increment"`
	Reason        string `json:"reason,omitempty"`
	// Ops is what the two losses counted; GasEstimate is what a reveal is
	// charged for verification (generation included), before tx overhead.
	Ops         uint64 `json:"ops"`
	GasEstimate uint64 `json:"gas_estimate"`
}

func checkCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "check [model-id] [params.json]",
		Short: "Measure a params file locally against the best optimum, as the chain would, before paying for a commit",
		Long: `Runs the model's domain locally with the chain's fixed-point engine: draws a
fresh sample (random, or --seed), measures the params and the current best
optimum on it, and applies the chain's significance test. With --salt and
--optimizer it also prints the commitment that 'tx optima commit' would send.
A pass on one local sample is evidence, not a guarantee: the chain uses a seed
that does not exist yet.`,
		Args:         cobra.ExactArgs(2),
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientQueryContext(cmd)
			if err != nil {
				return err
			}
			modelID, params, err := idAndParams("model-id", args[0], args[1])
			if err != nil {
				return err
			}
			q := types.NewQueryClient(clientCtx)
			ctx := cmd.Context()
			modelRes, err := q.Model(ctx, &types.QueryModelRequest{ModelId: modelID})
			if err != nil {
				return err
			}
			bestRes, err := q.BestOptimum(ctx, &types.QueryBestOptimumRequest{ModelId: modelID})
			if err != nil {
				return err
			}
			paramsRes, err := q.Params(ctx, &types.QueryParamsRequest{})
			if err != nil {
				return err
			}
			seed, err := seedFlag(cmd)
			if err != nil {
				return err
			}
			res, err := LocalCheck(paramsRes.Params, modelRes.Model, bestRes.Optimum.Params, params, seed)
			if err != nil {
				return err
			}
			if err := addCommitment(cmd, &res, modelID, params); err != nil {
				return err
			}
			return clientCtx.PrintObjectLegacy(res)
		},
	}
	cmd.Flags().String(flagSeed, "", "hex seed of the local sample (default: random)")
	cmd.Flags().String(flagSalt, "", "hex salt: also print the commitment")
	cmd.Flags().String(flagOptimizer, "", "optimizer address for the commitment (with --salt)")
	flags.AddQueryFlagsToCmd(cmd)
	return cmd
}

// LocalCheck runs the chain's verification off-chain on a given seed.
func LocalCheck(p types.Params, m types.Model, incumbent, candidate []int64, seed [32]byte) (CheckResult, error) {
	if err := types.CheckCandidate(p, m, candidate); err != nil {
		return CheckResult{}, err
	}
	v, err := types.Verify(m, incumbent, candidate, seed, p)
	if err != nil {
		return CheckResult{}, err
	}
	ops, err := types.ModelOps(m)
	if err != nil {
		return CheckResult{}, err
	}
	return CheckResult{
		ModelID:       m.Id,
		Seed:          hex.EncodeToString(seed[:]),
		Samples:       m.EvalSamples,
		Loss:          v.NewLoss.String(),
		IncumbentLoss: v.IncumbentLoss.String(),
		LCB:           v.LCB.String(),
		Threshold:     m.MinImprovement.Mul(v.IncumbentLoss).String(),
		WouldAccept:   v.Accepted,
		Increment:     v.Increment.String(),
		Reason:        v.Reason,
		Ops:           v.Ops,
		GasEstimate:   ops * p.GasPerOp,
	}, nil
}

func seedFlag(cmd *cobra.Command) ([32]byte, error) {
	var seed [32]byte
	s, err := cmd.Flags().GetString(flagSeed)
	if err != nil {
		return seed, err
	}
	if s == "" {
		salt, err := NewSalt()
		if err != nil {
			return seed, err
		}
		return sha256.Sum256(salt), nil
	}
	bz, err := hex.DecodeString(s)
	if err != nil || len(bz) != len(seed) {
		return seed, fmt.Errorf("--%s must be 32 bytes of hex", flagSeed)
	}
	copy(seed[:], bz)
	return seed, nil
}

func addCommitment(cmd *cobra.Command, res *CheckResult, modelID uint64, params []int64) error {
	saltHex, _ := cmd.Flags().GetString(flagSalt)
	if saltHex == "" {
		return nil
	}
	salt, err := ParseSalt(saltHex)
	if err != nil {
		return err
	}
	optimizer, _ := cmd.Flags().GetString(flagOptimizer)
	addr, err := sdk.AccAddressFromBech32(optimizer)
	if err != nil {
		return fmt.Errorf("--%s: %w", flagOptimizer, err)
	}
	res.Salt = hex.EncodeToString(salt)
	res.Commitment = hex.EncodeToString(types.ComputeCommitment(modelID, addr, params, salt))
	return nil
}
