package cli

import (
	"encoding/json"
	"fmt"
	"os"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

// ModelSpecFile is the JSON a creator writes for `register-model`. Config is
// the domain config in proto JSON (e.g. {"friedman1": {"hidden": 16,
// "noise": "1.0"}}); when omitted the domain's defaults are used.
type ModelSpecFile struct {
	Name           string          `json:"name"`
	Domain         string          `json:"domain"`
	Config         json.RawMessage `json:"config,omitempty"`
	InitialParams  json.RawMessage `json:"initial_params,omitempty"`
	EvalSamples    uint32          `json:"eval_samples"`
	MinImprovement string          `json:"min_improvement"`
	SeedBlocks     uint32          `json:"seed_blocks"`
	RevealWindow   uint32          `json:"reveal_window"`
	CommitBond     string          `json:"commit_bond"`
	Deposit        string          `json:"deposit"`
}

// ReadModelSpec reads a spec file into a MsgRegisterModel for creator.
func ReadModelSpec(cdc codec.JSONCodec, path, creator string) (*types.MsgRegisterModel, error) {
	bz, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f ModelSpecFile
	if err := json.Unmarshal(bz, &f); err != nil {
		return nil, fmt.Errorf("model spec %s: %w", path, err)
	}
	msg := &types.MsgRegisterModel{
		Creator:      creator,
		Name:         f.Name,
		Domain:       f.Domain,
		EvalSamples:  f.EvalSamples,
		SeedBlocks:   f.SeedBlocks,
		RevealWindow: f.RevealWindow,
	}
	if len(f.Config) > 0 {
		if err := cdc.UnmarshalJSON(f.Config, &msg.Config); err != nil {
			return nil, fmt.Errorf("config: %w", err)
		}
	} else if msg.Config, err = types.DefaultDomainConfig(f.Domain); err != nil {
		return nil, err
	}
	if len(f.InitialParams) > 0 {
		if msg.InitialParams, err = ParseParamsJSON(f.InitialParams); err != nil {
			return nil, fmt.Errorf("initial_params: %w", err)
		}
	}
	if msg.MinImprovement, err = sdkmath.LegacyNewDecFromStr(f.MinImprovement); err != nil {
		return nil, fmt.Errorf("min_improvement: %w", err)
	}
	if msg.CommitBond, err = sdk.ParseCoinNormalized(f.CommitBond); err != nil {
		return nil, fmt.Errorf("commit_bond: %w", err)
	}
	if msg.Deposit, err = sdk.ParseCoinNormalized(f.Deposit); err != nil {
		return nil, fmt.Errorf("deposit: %w", err)
	}
	return msg, nil
}
