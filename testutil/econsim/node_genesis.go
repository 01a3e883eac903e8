package econsim

import (
	"encoding/json"
	"fmt"
	"os"

	sdkmath "cosmossdk.io/math"
	"github.com/cosmos/gogoproto/proto"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"

	evaluationtypes "github.com/don-network/don/x/evaluation/types"
	minttypes "github.com/don-network/don/x/mint/types"
	optimatypes "github.com/don-network/don/x/optima/types"
	weightstypes "github.com/don-network/don/x/weights/types"
)

// NodeGenesis is what a world takes from a real node's genesis.json: the
// genesis states of DON's four modules and the udon balances of the genesis
// accounts, so that a simulated chain starts where the node started.
type NodeGenesis struct {
	Optima     optimatypes.GenesisState
	Evaluation evaluationtypes.GenesisState
	Weights    weightstypes.GenesisState
	Mint       minttypes.GenesisState
	// Balances are the genesis udon balances by bech32 address (before the
	// gentxs' self-bonds, which are transactions of the first block).
	Balances map[string]sdkmath.Int
}

// ReadNodeGenesis reads and validates a genesis.json's app_state for
// optima, evaluation, weights and mint, and bank's udon balances.
func ReadNodeGenesis(path string) (*NodeGenesis, error) {
	bz, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc struct {
		AppState map[string]json.RawMessage `json:"app_state"`
	}
	if err := json.Unmarshal(bz, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	g := &NodeGenesis{Balances: map[string]sdkmath.Int{}}
	cdc := codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
	for _, m := range []struct {
		name     string
		state    proto.Message
		validate func() error // called after the unmarshal
	}{
		{optimatypes.ModuleName, &g.Optima, func() error { return g.Optima.Validate() }},
		{evaluationtypes.ModuleName, &g.Evaluation, func() error { return g.Evaluation.Validate() }},
		{weightstypes.ModuleName, &g.Weights, func() error { return g.Weights.Validate() }},
		{minttypes.ModuleName, &g.Mint, func() error { return g.Mint.Validate() }},
	} {
		raw, ok := doc.AppState[m.name]
		if !ok {
			return nil, fmt.Errorf("%s: no app_state.%s", path, m.name)
		}
		if err := cdc.UnmarshalJSON(raw, m.state); err != nil {
			return nil, fmt.Errorf("%s: app_state.%s: %w", path, m.name, err)
		}
		if err := m.validate(); err != nil {
			return nil, fmt.Errorf("%s: app_state.%s: %w", path, m.name, err)
		}
	}
	// bank's genesis is read as plain JSON: only the balances matter here.
	var bank struct {
		Balances []struct {
			Address string `json:"address"`
			Coins   []struct {
				Denom  string `json:"denom"`
				Amount string `json:"amount"`
			} `json:"coins"`
		} `json:"balances"`
	}
	if err := json.Unmarshal(doc.AppState["bank"], &bank); err != nil {
		return nil, fmt.Errorf("%s: app_state.bank: %w", path, err)
	}
	for _, b := range bank.Balances {
		for _, c := range b.Coins {
			if c.Denom != Denom {
				continue
			}
			amount, ok := sdkmath.NewIntFromString(c.Amount)
			if !ok {
				return nil, fmt.Errorf("%s: balance of %s: %q is not an integer", path, b.Address, c.Amount)
			}
			g.Balances[b.Address] = amount
		}
	}
	return g, nil
}

// Config is a world config whose DON genesis is the node's: each Config
// func replaces donchain's state with the node's whole module state (no
// donchain models: Models is 0). Worlds built from it share the parsed
// states, which InitGenesis only reads.
func (g *NodeGenesis) Config(seed uint64) Config {
	return Config{
		Seed:       seed,
		Optima:     func(s *optimatypes.GenesisState) { *s = g.Optima },
		Evaluation: func(s *evaluationtypes.GenesisState) { *s = g.Evaluation },
		Weights:    func(s *weightstypes.GenesisState) { *s = g.Weights },
		Mint:       func(s *minttypes.GenesisState) { *s = g.Mint },
	}
}
