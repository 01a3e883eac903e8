package devnet

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// DefaultLocalnetValidators is the validator count when config.yml's
// localnet section does not give one.
const DefaultLocalnetValidators = 4

// portStride separates the ports of neighbouring localnet nodes: node i
// listens on every base port + i·portStride.
const portStride = 100

// Localnet is a multi-validator chain of real dond processes, one home per
// node under Dir: Nodes[:Validators] are the genesis validators, any later
// node a full node added with AddNode.
type Localnet struct {
	Dir        string
	Nodes      []*Node
	Validators int
	binary     string
	cfg        Config
	procs      []*Process // by node index; nil until started
}

// SetupLocalnet creates a fresh n-validator chain from cfg in dir (removed
// first) with the real gentx flow: each node has its own home and validator
// key and signs its own gentx; node 0 holds the config.yml accounts, collects
// the gentxs and its genesis is copied to every node. Node i listens on
// basePorts + 100·i on 127.0.0.1 (a zero base port picks free ports) and
// has every other validator as a persistent peer.
func SetupLocalnet(binary, dir string, cfg Config, n int, basePorts Ports) (*Localnet, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	stakes, err := localnetStakes(cfg, n)
	if err != nil {
		return nil, err
	}
	if err := os.RemoveAll(dir); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	l := &Localnet{Dir: dir, Validators: n, binary: binary, cfg: cfg}
	for i := 0; i < n; i++ {
		if _, err := l.addNode(offsetPorts(basePorts, i*portStride)); err != nil {
			return nil, err
		}
	}
	if err := eachNode(l.Nodes, func(_ int, node *Node) error { return node.init(l.cfg.Denom) }); err != nil {
		return nil, err
	}
	if err := l.genesis(stakes); err != nil {
		return nil, err
	}
	if err := eachNode(l.Nodes, func(_ int, node *Node) error { return l.configure(node) }); err != nil {
		return nil, err
	}
	return l, nil
}

// eachNode runs f for every node at once (each dond call mostly waits on
// its own start-up) and joins the errors.
func eachNode(nodes []*Node, f func(i int, node *Node) error) error {
	errs := make([]error, len(nodes))
	var wg sync.WaitGroup
	for i, node := range nodes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = f(i, node)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// localnetStakes is each validator's self-bond: config.yml's localnet.stakes,
// else validator.stake for all.
func localnetStakes(cfg Config, n int) ([]string, error) {
	if n < 1 {
		return nil, fmt.Errorf("a localnet needs at least one validator, got %d", n)
	}
	if len(cfg.Localnet.Stakes) == 0 {
		stakes := make([]string, n)
		for i := range stakes {
			stakes[i] = cfg.Validator.Stake
		}
		return stakes, nil
	}
	if len(cfg.Localnet.Stakes) != n {
		return nil, fmt.Errorf("localnet.stakes has %d entries for %d validators", len(cfg.Localnet.Stakes), n)
	}
	return cfg.Localnet.Stakes, nil
}

// ValidatorKey is the name of node i's validator key in its keyring.
func (l *Localnet) ValidatorKey(i int) string {
	if i == 0 {
		return l.cfg.Validator.Account
	}
	return fmt.Sprintf("%s%d", l.cfg.Validator.Account, i)
}

// genesis runs the gentx flow and leaves the same genesis in every home.
func (l *Localnet) genesis(stakes []string) error {
	first := l.Nodes[0]
	// Keys: the config.yml accounts in node 0's keyring, each other node's
	// validator key in its own.
	if err := eachNode(l.Nodes, func(i int, node *Node) error {
		if i == 0 {
			return node.addKeys(l.cfg.Accounts)
		}
		return node.addKey(Account{Name: l.ValidatorKey(i)})
	}); err != nil {
		return err
	}
	balances := first.balances(l.cfg.Accounts)
	funds, _ := l.cfg.account(l.cfg.Validator.Account)
	for i, node := range l.Nodes[1:] {
		balances = append(balances, balance{node.Addresses[l.ValidatorKey(i+1)], funds.Coins})
	}
	if err := first.addGenesisAccounts(balances); err != nil {
		return err
	}
	gentxDir := filepath.Join(first.Home, "config", "gentx")
	if err := os.MkdirAll(gentxDir, 0o755); err != nil {
		return err
	}
	genesisAccounts, err := os.ReadFile(first.GenesisPath())
	if err != nil {
		return err
	}
	if err := eachNode(l.Nodes, func(i int, node *Node) error {
		// gentx checks the balance in the node's own genesis: give it the
		// accounts first.
		if err := os.WriteFile(node.GenesisPath(), genesisAccounts, 0o600); err != nil {
			return err
		}
		out := filepath.Join(gentxDir, fmt.Sprintf("gentx-node%d.json", i))
		return node.gentx(l.ValidatorKey(i), stakes[i], out, "127.0.0.1")
	}); err != nil {
		return err
	}
	if err := first.finishGenesis(l.cfg.Genesis); err != nil {
		return err
	}
	for _, node := range l.Nodes[1:] {
		if err := copyFile(first.GenesisPath(), node.GenesisPath()); err != nil {
			return err
		}
	}
	return nil
}

// AddNode adds a full node (no validator key) with the chain's genesis and
// the validators as persistent peers; it starts with the others or with
// StartNode. Its ports are free ones for the zero fields of ports.
func (l *Localnet) AddNode(ports Ports) (*Node, error) {
	node, err := l.addNode(ports)
	if err != nil {
		return nil, err
	}
	if err := node.init(l.cfg.Denom); err != nil {
		return nil, err
	}
	if err := copyFile(l.Nodes[0].GenesisPath(), node.GenesisPath()); err != nil {
		return nil, err
	}
	return node, l.configure(node)
}

// addNode appends the next node, in Dir/node<i>, with its ports resolved;
// its home is created by init.
func (l *Localnet) addNode(ports Ports) (*Node, error) {
	ports, err := ResolvePorts(ports)
	if err != nil {
		return nil, err
	}
	name := fmt.Sprintf("node%d", len(l.Nodes))
	node := newNode(l.binary, filepath.Join(l.Dir, name), name, l.cfg.ChainID, ports)
	l.Nodes = append(l.Nodes, node)
	l.procs = append(l.procs, nil)
	return node, nil
}

// configure writes the loopback configs of the devnet and makes every
// validator other than node itself a persistent peer, by node id.
func (l *Localnet) configure(node *Node) error {
	if err := node.WriteConfigs(l.cfg); err != nil {
		return err
	}
	var peers []string
	for _, v := range l.Nodes[:l.Validators] {
		if v == node {
			continue
		}
		id, err := v.NodeID()
		if err != nil {
			return err
		}
		peers = append(peers, fmt.Sprintf("%s@127.0.0.1:%d", id, v.Ports.P2P))
	}
	return node.SetConfig("config.toml", "p2p", "persistent_peers", `"`+strings.Join(peers, ",")+`"`)
}

// LogPath is where node i's output goes: Dir/node<i>.log.
func (l *Localnet) LogPath(i int) string {
	return filepath.Join(l.Dir, fmt.Sprintf("node%d.log", i))
}

// Start starts every node that is not running.
func (l *Localnet) Start() error {
	for i := range l.Nodes {
		if l.procs[i] != nil && !l.procs[i].Exited() {
			continue
		}
		if err := l.StartNode(i); err != nil {
			return err
		}
	}
	return nil
}

// StartNode starts (or restarts) node i, appending to its log.
func (l *Localnet) StartNode(i int) error {
	if p := l.procs[i]; p != nil && !p.Exited() {
		return fmt.Errorf("node%d is already running", i)
	}
	p, err := l.Nodes[i].Start(l.LogPath(i))
	if err != nil {
		return fmt.Errorf("node%d: %w", i, err)
	}
	l.procs[i] = p
	return nil
}

// Process is node i's running (or exited) process, nil if never started.
func (l *Localnet) Process(i int) *Process { return l.procs[i] }

// Stop stops every running node at once (SIGTERM, then SIGKILL after 20 s).
func (l *Localnet) Stop() error {
	errs := make([]error, len(l.procs))
	var wg sync.WaitGroup
	for i, p := range l.procs {
		if p == nil {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := p.Stop(); err != nil {
				errs[i] = fmt.Errorf("node%d: %w", i, err)
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// offsetPorts adds delta to every non-zero port; zero stays "pick a free one".
func offsetPorts(p Ports, delta int) Ports {
	for _, port := range []*int{&p.RPC, &p.P2P, &p.GRPC, &p.API} {
		if *port != 0 {
			*port += delta
		}
	}
	return p
}

func copyFile(from, to string) error {
	bz, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, bz, 0o600)
}
