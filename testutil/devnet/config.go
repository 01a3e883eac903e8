// Package devnet builds and runs local DON chains of real dond processes:
// the one-node devnet of `make devnet` and the nodes of end-to-end tests.
// It reads config.yml, drives dond's own init, keys and genesis commands,
// patches genesis and the TOML configs, and starts the node.
package devnet

import (
	"encoding/json"
	"fmt"
	"os"

	"sigs.k8s.io/yaml"
)

// Config is config.yml.
type Config struct {
	ChainID   string    `json:"chain_id"`
	Moniker   string    `json:"moniker"`
	Denom     string    `json:"denom"`
	BlockTime string    `json:"block_time"`
	MinGas    string    `json:"minimum_gas_prices"`
	Accounts  []Account `json:"accounts"`
	Validator Validator `json:"validator"`
	Ports     Ports     `json:"ports"`
	// Localnet shapes the multi-validator chain of `make localnet`; the
	// one-node devnet ignores it.
	Localnet LocalnetConfig `json:"localnet"`
	// Genesis holds per-module patches merged into app_state, e.g. the
	// optima params and genesis_models, or a short gov voting period.
	Genesis map[string]json.RawMessage `json:"genesis"`
}

// Account is a key in the test keyring with a genesis balance.
type Account struct {
	Name     string `json:"name"`
	Coins    string `json:"coins"`
	Mnemonic string `json:"mnemonic,omitempty"`
}

// Validator names the account that self-bonds Stake in the genesis tx.
type Validator struct {
	Account string `json:"account"`
	Stake   string `json:"stake"`
}

// LocalnetConfig is config.yml's localnet section.
type LocalnetConfig struct {
	// Validators is the number of validator nodes (default 4).
	Validators int `json:"validators"`
	// Stakes are the validators' self-bonds, node 0 first; left out, every
	// validator bonds validator.stake. Node 0's validator is
	// validator.account; node i's is a new key validator.account+i funded
	// like validator.account.
	Stakes []string `json:"stakes,omitempty"`
}

// Ports are the loopback ports of the node; 0 picks a free port.
type Ports struct {
	RPC  int `json:"rpc"`
	P2P  int `json:"p2p"`
	GRPC int `json:"grpc"`
	API  int `json:"api"`
}

// LoadConfig reads a config.yml.
func LoadConfig(path string) (Config, error) {
	bz, err := os.ReadFile(path)
	if err != nil {
		return Config{}, err
	}
	var cfg Config
	if err := yaml.UnmarshalStrict(bz, &cfg); err != nil {
		return Config{}, fmt.Errorf("%s: %w", path, err)
	}
	return cfg, cfg.Validate()
}

// Validate checks the fields that Setup relies on.
func (c Config) Validate() error {
	switch {
	case c.ChainID == "":
		return fmt.Errorf("chain_id is required")
	case c.Denom == "":
		return fmt.Errorf("denom is required")
	case len(c.Accounts) == 0:
		return fmt.Errorf("at least one account is required")
	case c.Validator.Account == "" || c.Validator.Stake == "":
		return fmt.Errorf("validator.account and validator.stake are required")
	}
	if _, ok := c.account(c.Validator.Account); !ok {
		return fmt.Errorf("validator account %q is not in accounts", c.Validator.Account)
	}
	return nil
}

func (c Config) account(name string) (Account, bool) {
	for _, a := range c.Accounts {
		if a.Name == name {
			return a, true
		}
	}
	return Account{}, false
}
