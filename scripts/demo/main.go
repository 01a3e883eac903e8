// Command demo runs DON as a network a person can watch (`make demo`): a
// fresh localnet from config.yml, two optimizer agents on different keys,
// an evaluator agent, and a client that sends evaluation requests at a
// steady rate; it prints accepted optima, settled requests, weights moving
// with demand and rounds closing with their payouts as they happen. The
// agents' own progress lines go to their logs. Ctrl-C stops everything.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/don-network/don/testutil/devnet"
)

func main() {
	config := flag.String("config", "config.yml", "chain description")
	dir := flag.String("dir", ".demo", "directory of the node homes and logs (deleted and recreated)")
	binary := flag.String("binary", "build/dond", "dond binary")
	every := flag.Duration("request-every", 4*time.Second, "the client sends one evaluation request this often")
	duration := flag.Duration("duration", 0, "stop after this long (0: run until Ctrl-C)")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if *duration > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, *duration)
		defer cancel()
	}
	if err := run(ctx, *config, *dir, *binary, *every); err != nil {
		fmt.Fprintln(os.Stderr, "demo:", err)
		os.Exit(1)
	}
}

// agents of the demo: the config.yml keys they use and their commands.
var agents = []struct{ name, key string }{
	{"optimizer-alice", "alice"},
	{"optimizer-dave", "dave"},
	{"evaluator-carol", "carol"},
}

func run(ctx context.Context, configPath, dir, binary string, every time.Duration) error {
	cfg, err := devnet.LoadConfig(configPath)
	if err != nil {
		return err
	}
	for _, a := range agents {
		if !hasAccount(cfg, a.key) {
			return fmt.Errorf("config.yml has no account %q for %s", a.key, a.name)
		}
	}
	n := cfg.Localnet.Validators
	if n == 0 {
		n = devnet.DefaultLocalnetValidators
	}
	fmt.Printf("Creating a %d-validator localnet in %s ...\n", n, dir)
	l, err := devnet.SetupLocalnet(binary, dir, cfg, n, cfg.Ports)
	if err != nil {
		return err
	}
	if err := l.Start(); err != nil {
		_ = l.Stop()
		return err
	}
	defer func() {
		fmt.Println("\nstopping the agents and the localnet ...")
		_ = l.Stop()
	}()
	home := l.Nodes[0]
	if err := home.WaitHeight(2, time.Minute); err != nil {
		return err
	}

	// Each agent talks to its own node, as agents of different operators would.
	var procs []*devnet.Process
	defer func() {
		for _, p := range procs {
			_ = p.Stop()
		}
	}()
	for i, a := range agents {
		node := l.Nodes[(i+1)%len(l.Nodes)]
		args := []string{"--from", a.key, "--node", node.RPC(), "--chain-id", cfg.ChainID, "--keyring-backend", "test"}
		if a.key == "carol" {
			args = append([]string{"evaluator", "--collateral", "20000000", "--capacity", "8"}, args...)
		} else {
			args = append([]string{"optimizer", "--model", "auto"}, args...)
		}
		p, err := home.StartCommand(filepath.Join(dir, a.name+".log"), args...)
		if err != nil {
			return err
		}
		procs = append(procs, p)
	}
	fmt.Printf("localnet: %d validators, RPC %s … ; agents: ", n, home.RPC())
	for _, a := range agents {
		fmt.Printf("%s (log %s) ", a.name, filepath.Join(dir, a.name+".log"))
	}
	fmt.Printf("\nclient: bob sends a request every %s. Ctrl-C stops.\n\n", every)

	go client(ctx, home, cfg, every, filepath.Join(dir, "client-bob.log"))
	return watch(ctx, home.RPC(), os.Stdout)
}

func hasAccount(cfg devnet.Config, name string) bool {
	for _, a := range cfg.Accounts {
		if a.Name == name {
			return true
		}
	}
	return false
}
