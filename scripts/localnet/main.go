// Command localnet creates the multi-validator chain described by config.yml
// (four validators unless its localnet section says otherwise) and runs every
// node in the foreground: `make localnet` (which builds and runs it). Every
// run starts a fresh chain; Ctrl-C stops all nodes cleanly.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/don-network/don/testutil/devnet"
)

func main() {
	config := flag.String("config", "config.yml", "chain description")
	dir := flag.String("dir", ".localnet", "directory of the node homes and logs (deleted and recreated)")
	binary := flag.String("binary", "build/dond", "dond binary")
	flag.Parse()

	if err := run(*config, *dir, *binary); err != nil {
		fmt.Fprintln(os.Stderr, "localnet:", err)
		os.Exit(1)
	}
}

func run(configPath, dir, binary string) error {
	cfg, err := devnet.LoadConfig(configPath)
	if err != nil {
		return err
	}
	n := cfg.Localnet.Validators
	if n == 0 {
		n = devnet.DefaultLocalnetValidators
	}
	fmt.Printf("Creating a %d-validator chain in %s ...\n", n, dir)
	l, err := devnet.SetupLocalnet(binary, dir, cfg, n, cfg.Ports)
	if err != nil {
		return err
	}
	printNodes(l, cfg, binary)

	// Catch Ctrl-C/TERM before starting, so no signal is lost in between.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	if err := l.Start(); err != nil {
		_ = l.Stop()
		return err
	}
	exited := anyExited(l)
	firstBlock := time.NewTicker(500 * time.Millisecond)
	defer firstBlock.Stop()
	for {
		select {
		case <-sigs:
			fmt.Println("\nstopping the nodes ...")
			if err := l.Stop(); err != nil {
				return err
			}
			fmt.Println("localnet stopped")
			return nil
		case i := <-exited:
			stopErr := l.Stop()
			// Ctrl-C in a terminal also reaches the nodes, which may exit
			// before this loop sees the signal; by the time the others have
			// stopped, that signal has been delivered.
			select {
			case <-sigs:
				fmt.Println("\nlocalnet stopped")
				return stopErr
			default:
				return fmt.Errorf("node%d exited; see %s", i, l.LogPath(i))
			}
		case <-firstBlock.C:
			if h, err := l.Nodes[0].Height(); err == nil && h >= 1 {
				fmt.Printf("Blocks are being made (height %d). Logs: tail -f %s\n", h, filepath.Join(dir, "node*.log"))
				firstBlock.Stop()
			}
		}
	}
}

func printNodes(l *devnet.Localnet, cfg devnet.Config, binary string) {
	fmt.Printf("DON localnet %s in %s: %d validators\n", cfg.ChainID, l.Dir, l.Validators)
	for i, node := range l.Nodes {
		fmt.Printf("  node%d  RPC %s  P2P %d  gRPC %s  REST %s\n", i, node.RPC(), node.Ports.P2P, node.GRPC(), node.API())
		fmt.Printf("         home %s  log %s  validator key %s %s\n", node.Home, l.LogPath(i), l.ValidatorKey(i), node.Addresses[l.ValidatorKey(i)])
	}
	home := l.Nodes[0].Home
	devnet.PrintWallets(os.Stdout, cfg, l.Nodes[0])
	fmt.Printf("The config.yml keys (%s) are in %s's test keyring.\n", accountNames(cfg), home)
	fmt.Printf("Try:  %s q staking validators --home %s\nStop with Ctrl-C; the next 'make localnet' starts a fresh chain.\n\n", binary, home)
}

func accountNames(cfg devnet.Config) string {
	names := make([]string, len(cfg.Accounts))
	for i, a := range cfg.Accounts {
		names[i] = a.Name
	}
	return strings.Join(names, ", ")
}

// anyExited reports the index of each node whose process ends.
func anyExited(l *devnet.Localnet) <-chan int {
	out := make(chan int, len(l.Nodes))
	for i := range l.Nodes {
		go func() {
			<-l.Process(i).Done()
			out <- i
		}()
	}
	return out
}
