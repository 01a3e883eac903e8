package cmd

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/spf13/cobra"
	"sigs.k8s.io/yaml"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/version"
)

const flagField = "field"

// waitHeightCmd blocks until the chain has committed a height, so scripts
// can wait for a reveal window or a settlement without sleep loops. The
// height comes from the argument or from one field of a query's output on
// stdin (JSON or text), e.g. a commit's reveal_from.
func waitHeightCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "wait-height [height]",
		Short: "Wait until the chain has committed a block at a height",
		Long: "Wait until the chain's latest block height reaches [height], then print that height.\n" +
			"Without [height], read a query's output (JSON or text) on stdin and take the height from its only field named --field.",
		Example:      fmt.Sprintf("$ %[1]s q wait-height 120\n$ %[1]s q optima commit 1 | %[1]s q wait-height --field reveal_from", version.AppName),
		Args:         cobra.MaximumNArgs(1),
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientQueryContext(cmd)
			if err != nil {
				return err
			}
			timeout, err := cmd.Flags().GetDuration("timeout")
			if err != nil {
				return err
			}
			field, err := cmd.Flags().GetString(flagField)
			if err != nil {
				return err
			}
			var target int64
			switch {
			case len(args) == 1 && field != "":
				return errors.New("give either [height] or --field with a query's output on stdin, not both")
			case len(args) == 1:
				if target, err = strconv.ParseInt(args[0], 10, 64); err != nil {
					return fmt.Errorf("height %q: %w", args[0], err)
				}
			case field == "":
				return errors.New("give [height], or --field with a query's output on stdin")
			default:
				in, err := io.ReadAll(cmd.InOrStdin())
				if err != nil {
					return err
				}
				if target, err = heightField(in, field); err != nil {
					return err
				}
			}
			node, err := clientCtx.GetNode()
			if err != nil {
				return err
			}
			ctx, cancel := context.WithTimeout(cmd.Context(), timeout)
			defer cancel()
			for {
				status, err := node.Status(ctx)
				if err == nil && status.SyncInfo.LatestBlockHeight >= target {
					return clientCtx.PrintString(fmt.Sprintf("%d\n", status.SyncInfo.LatestBlockHeight))
				}
				select {
				case <-ctx.Done():
					if err != nil {
						return fmt.Errorf("height %d not reached in %s: %w", target, timeout, err)
					}
					return fmt.Errorf("height %d not reached in %s (at %d)", target, timeout, status.SyncInfo.LatestBlockHeight)
				case <-time.After(200 * time.Millisecond):
				}
			}
		},
	}
	cmd.Flags().String(flagField, "", "read the height from this field of a query's output on stdin")
	cmd.Flags().Duration("timeout", time.Minute, "the maximum time to wait")
	flags.AddQueryFlagsToCmd(cmd)
	return cmd
}

// heightField returns the height in the only field named field of a JSON
// or YAML document, at any depth; heights print as strings or numbers.
func heightField(doc []byte, field string) (int64, error) {
	js, err := yaml.YAMLToJSON(doc)
	if err != nil {
		return 0, fmt.Errorf("stdin is not a query's JSON or text output: %w", err)
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(js))
	dec.UseNumber() // keep large heights exact
	if err := dec.Decode(&v); err != nil {
		return 0, fmt.Errorf("stdin is not a query's JSON or text output: %w", err)
	}
	var found []any
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if k == field {
					found = append(found, x)
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(v)
	if len(found) != 1 {
		return 0, fmt.Errorf("stdin has %d fields named %q, want exactly 1", len(found), field)
	}
	h, err := strconv.ParseInt(fmt.Sprint(found[0]), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("field %q is not a height: %v", field, found[0])
	}
	return h, nil
}
