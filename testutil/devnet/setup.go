package devnet

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/cometbft/cometbft/p2p"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Node is a configured (not yet started) single-validator chain.
type Node struct {
	Binary  string
	Home    string
	Moniker string
	ChainID string
	Ports   Ports
	// Addresses of the config.yml accounts, by name.
	Addresses map[string]string
}

// RPC, GRPC and API are the node's client endpoints.
func (n *Node) RPC() string  { return fmt.Sprintf("tcp://127.0.0.1:%d", n.Ports.RPC) }
func (n *Node) GRPC() string { return fmt.Sprintf("127.0.0.1:%d", n.Ports.GRPC) }
func (n *Node) API() string  { return fmt.Sprintf("http://127.0.0.1:%d", n.Ports.API) }

// Setup creates a fresh chain home from cfg: it removes home, runs dond init,
// adds the keys and genesis accounts, the validator's gentx, merges the
// genesis patches and binds every listener to 127.0.0.1.
func Setup(binary, home string, cfg Config) (*Node, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	ports, err := ResolvePorts(cfg.Ports)
	if err != nil {
		return nil, err
	}
	if err := os.RemoveAll(home); err != nil {
		return nil, err
	}
	moniker := cfg.Moniker
	if moniker == "" {
		moniker = "don-devnet"
	}
	n := newNode(binary, home, moniker, cfg.ChainID, ports)
	if err := n.init(cfg.Denom); err != nil {
		return nil, err
	}
	if err := n.addKeys(cfg.Accounts); err != nil {
		return nil, err
	}
	if err := n.addGenesisAccounts(n.balances(cfg.Accounts)); err != nil {
		return nil, err
	}
	if err := n.gentx(cfg.Validator.Account, cfg.Validator.Stake, "", ""); err != nil {
		return nil, err
	}
	if err := n.finishGenesis(cfg.Genesis); err != nil {
		return nil, err
	}
	return n, n.WriteConfigs(cfg)
}

func newNode(binary, home, moniker, chainID string, ports Ports) *Node {
	return &Node{Binary: binary, Home: home, Moniker: moniker, ChainID: chainID, Ports: ports, Addresses: map[string]string{}}
}

// init runs dond init: the home, its node and validator keys, a genesis
// whose staking denom is denom.
func (n *Node) init(denom string) error {
	_, err := n.Exec("init", n.Moniker, "--chain-id", n.ChainID, "--default-denom", denom)
	return err
}

// NodeID is the node's P2P id, from its node key.
func (n *Node) NodeID() (string, error) {
	key, err := p2p.LoadNodeKey(filepath.Join(n.Home, "config", "node_key.json"))
	if err != nil {
		return "", err
	}
	return string(key.ID()), nil
}

// addKeys adds each account's key to the node's test keyring.
func (n *Node) addKeys(accounts []Account) error {
	for _, a := range accounts {
		if err := n.addKey(a); err != nil {
			return err
		}
	}
	return nil
}

// balance is a genesis balance: coins as in config.yml, e.g. "100udon".
type balance struct{ address, coins string }

// balances are the genesis balances of accounts whose keys are in this node.
func (n *Node) balances(accounts []Account) []balance {
	out := make([]balance, len(accounts))
	for i, a := range accounts {
		out[i] = balance{n.Addresses[a.Name], a.Coins}
	}
	return out
}

// addGenesisAccounts adds every balance to genesis with one dond call.
func (n *Node) addGenesisAccounts(balances []balance) error {
	type bulkAccount struct {
		Address string    `json:"address"`
		Coins   sdk.Coins `json:"coins"`
	}
	accounts := make([]bulkAccount, len(balances))
	for i, b := range balances {
		coins, err := sdk.ParseCoinsNormalized(b.coins)
		if err != nil {
			return fmt.Errorf("genesis coins %q of %s: %w", b.coins, b.address, err)
		}
		accounts[i] = bulkAccount{b.address, coins}
	}
	bz, err := json.Marshal(accounts)
	if err != nil {
		return err
	}
	file := filepath.Join(n.Home, "config", "genesis-accounts.json")
	if err := os.WriteFile(file, bz, 0o600); err != nil {
		return err
	}
	defer os.Remove(file)
	_, err = n.Exec("genesis", "bulk-add-genesis-account", file)
	return err
}

// gentx signs the genesis tx of key self-bonding stake. outFile "" keeps
// dond's default place (this home's config/gentx); peerIP "" keeps the
// memo's default peer address.
func (n *Node) gentx(key, stake, outFile, peerIP string) error {
	args := []string{"genesis", "gentx", key, stake, "--chain-id", n.ChainID, "--keyring-backend", "test"}
	if outFile != "" {
		args = append(args, "--output-document", outFile)
	}
	if peerIP != "" {
		args = append(args, "--ip", peerIP, "--p2p-port", fmt.Sprint(n.Ports.P2P))
	}
	_, err := n.Exec(args...)
	return err
}

// finishGenesis collects the gentxs in this home, merges the config.yml
// patches and validates the result.
func (n *Node) finishGenesis(patches map[string]json.RawMessage) error {
	if _, err := n.Exec("genesis", "collect-gentxs"); err != nil {
		return err
	}
	if err := patchGenesis(n.GenesisPath(), patches); err != nil {
		return err
	}
	_, err := n.Exec("genesis", "validate")
	return err
}

// GenesisPath is the node's config/genesis.json.
func (n *Node) GenesisPath() string { return filepath.Join(n.Home, "config", "genesis.json") }

func (n *Node) addKey(a Account) error {
	args := []string{"keys", "add", a.Name, "--keyring-backend", "test", "--output", "json"}
	var stdin string
	if a.Mnemonic != "" {
		args = append(args, "--recover")
		stdin = a.Mnemonic + "\n"
	}
	out, err := n.execInput(stdin, args...)
	if err != nil {
		return err
	}
	var key struct {
		Address string `json:"address"`
	}
	if err := json.Unmarshal([]byte(out), &key); err != nil || key.Address == "" {
		return fmt.Errorf("dond keys add %s: no address in its output %q", a.Name, out)
	}
	n.Addresses[a.Name] = key.Address
	return nil
}

// WriteConfigs binds all listeners to loopback, sets the block time, turns
// the dashboard and CORS on and points the client config at this node.
func (n *Node) WriteConfigs(cfg Config) error {
	dir := filepath.Join(n.Home, "config")
	cmt, app, client := filepath.Join(dir, "config.toml"), filepath.Join(dir, "app.toml"), filepath.Join(dir, "client.toml")
	blockTime := cfg.BlockTime
	if blockTime == "" {
		blockTime = "1s"
	}
	minGas := cfg.MinGas
	if minGas == "" {
		minGas = "0" + cfg.Denom
	}
	q := func(s string) string { return `"` + s + `"` }
	edits := []struct{ file, section, key, value string }{
		{cmt, "rpc", "laddr", q(n.RPC())},
		{cmt, "p2p", "laddr", q(fmt.Sprintf("tcp://127.0.0.1:%d", n.Ports.P2P))},
		// No pprof listener: its fixed default port would collide between
		// nodes (tests run several at once; a localnet runs four).
		{cmt, "rpc", "pprof_laddr", q("")},
		{cmt, "p2p", "addr_book_strict", "false"},
		{cmt, "p2p", "allow_duplicate_ip", "true"},
		{cmt, "consensus", "timeout_commit", q(blockTime)},
		{app, "", "minimum-gas-prices", q(minGas)},
		{app, "api", "enable", "true"},
		{app, "api", "address", q(fmt.Sprintf("tcp://127.0.0.1:%d", n.Ports.API))},
		{app, "grpc", "address", q(n.GRPC())},
		// Development chains serve the dashboard (off by default elsewhere)
		// and answer browsers of any origin: a wallet extension, or a
		// dashboard pointed at this node from another (docs/wallets.md).
		{app, "dashboard", "enable", "true"},
		{app, "api", "enabled-unsafe-cors", "true"},
		{cmt, "rpc", "cors_allowed_origins", `["*"]`},
		{client, "", "chain-id", q(n.ChainID)},
		{client, "", "keyring-backend", q("test")},
		{client, "", "node", q(n.RPC())},
		{client, "", "broadcast-mode", q("sync")},
	}
	for _, e := range edits {
		if err := setTOML(e.file, e.section, e.key, e.value); err != nil {
			return err
		}
	}
	return nil
}

// patchGenesis merges each module patch into app_state (a shallow merge of
// the module's top-level fields; a "params" object is merged field by field).
func patchGenesis(path string, patches map[string]json.RawMessage) error {
	if len(patches) == 0 {
		return nil
	}
	bz, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(bz, &doc); err != nil {
		return err
	}
	var appState map[string]map[string]json.RawMessage
	if err := json.Unmarshal(doc["app_state"], &appState); err != nil {
		return err
	}
	for module, raw := range patches {
		var patch map[string]json.RawMessage
		if err := json.Unmarshal(raw, &patch); err != nil {
			return fmt.Errorf("genesis patch for %s: %w", module, err)
		}
		state, ok := appState[module]
		if !ok {
			return fmt.Errorf("genesis patch for unknown module %q", module)
		}
		for field, value := range patch {
			merged, err := mergeObjects(state[field], value)
			if err != nil {
				return fmt.Errorf("genesis patch %s.%s: %w", module, field, err)
			}
			state[field] = merged
		}
	}
	if doc["app_state"], err = json.Marshal(appState); err != nil {
		return err
	}
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, out, 0o600)
}

// mergeObjects overlays patch on base when both are JSON objects; otherwise
// patch replaces base.
func mergeObjects(base, patch json.RawMessage) (json.RawMessage, error) {
	var b, p map[string]json.RawMessage
	if json.Unmarshal(base, &b) != nil || json.Unmarshal(patch, &p) != nil || b == nil || p == nil {
		return patch, nil
	}
	for k, v := range p {
		b[k] = v
	}
	return json.Marshal(b)
}

// Exec runs dond with --home and returns its stdout; errors carry stderr.
func (n *Node) Exec(args ...string) (string, error) { return n.execInput("", args...) }

func (n *Node) execInput(stdin string, args ...string) (string, error) {
	args = append(args, "--home", n.Home)
	cmd := exec.Command(n.Binary, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.String(), fmt.Errorf("dond %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return stdout.String(), nil
}

// ResolvePorts replaces zero ports with free loopback ports.
func ResolvePorts(p Ports) (Ports, error) {
	for _, port := range []*int{&p.RPC, &p.P2P, &p.GRPC, &p.API} {
		if *port != 0 {
			continue
		}
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return p, err
		}
		*port = l.Addr().(*net.TCPAddr).Port
		if err := l.Close(); err != nil {
			return p, err
		}
	}
	return p, nil
}
