// Command devnet creates the one-node chain described by config.yml and runs
// it in the foreground: `make devnet` (which builds and runs it).
// Every run starts a fresh chain; Ctrl-C stops the node cleanly.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"sync/atomic"
	"syscall"

	"github.com/don-network/don/testutil/devnet"
)

func main() {
	config := flag.String("config", "config.yml", "chain description")
	home := flag.String("home", ".devnet", "node home (deleted and recreated)")
	binary := flag.String("binary", "build/dond", "dond binary")
	flag.Parse()

	if err := run(*config, *home, *binary); err != nil {
		fmt.Fprintln(os.Stderr, "devnet:", err)
		os.Exit(1)
	}
}

func run(configPath, home, binary string) error {
	cfg, err := devnet.LoadConfig(configPath)
	if err != nil {
		return err
	}
	node, err := devnet.Setup(binary, home, cfg)
	if err != nil {
		return err
	}
	fmt.Printf("DON devnet %s in %s\n  RPC   %s\n  gRPC  %s\n  REST  %s\n",
		node.ChainID, home, node.RPC(), node.GRPC(), node.API())
	devnet.PrintWallets(os.Stdout, cfg, node)
	fmt.Printf("The keys are also in %s's test keyring (--keyring-backend test).\n", home)
	fmt.Printf("Try:  %s q optima models --home %s\nStop with Ctrl-C; the next 'make devnet' starts a fresh chain.\n\n", binary, home)

	cmd := exec.Command(binary, "start", "--home", home)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	// Forward Ctrl-C/TERM so dond shuts down cleanly, then wait for it. A
	// node stopped on request is a clean exit, whatever its status.
	var stopping atomic.Bool
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		for s := range sigs {
			stopping.Store(true)
			_ = cmd.Process.Signal(s)
		}
	}()
	err = cmd.Wait()
	if stopping.Load() {
		fmt.Println("devnet stopped")
		return nil
	}
	return err
}
