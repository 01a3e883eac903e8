package devnet

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"time"
)

// Process is a running dond node.
type Process struct {
	cmd  *exec.Cmd
	done chan struct{} // closed when the process has exited
}

// Start runs `dond start` for the node, logging to logPath.
func (n *Node) Start(logPath string) (*Process, error) {
	logFile, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(n.Binary, "start", "--home", n.Home)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, err
	}
	p := &Process{cmd: cmd, done: make(chan struct{})}
	go func() {
		_ = cmd.Wait() // a node stopped by a signal exits non-zero; that is expected
		logFile.Close()
		close(p.done)
	}()
	return p, nil
}

// Stop sends SIGTERM and waits up to 20 s, then kills the node. Stopping a
// stopped node does nothing.
func (p *Process) Stop() error {
	if p.Exited() {
		return nil
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
		return nil
	case <-time.After(20 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.done
		return fmt.Errorf("node did not stop on SIGTERM")
	}
}

// Exited reports whether the node process has ended.
func (p *Process) Exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// Height returns the latest block height from the CometBFT RPC.
func (n *Node) Height() (int64, error) {
	resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/status", n.Ports.RPC))
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, err
	}
	var status struct {
		Result struct {
			SyncInfo struct {
				LatestBlockHeight string `json:"latest_block_height"`
			} `json:"sync_info"`
		} `json:"result"`
	}
	if err := json.Unmarshal(body, &status); err != nil {
		return 0, err
	}
	return strconv.ParseInt(status.Result.SyncInfo.LatestBlockHeight, 10, 64)
}

// WaitHeight polls until the chain reaches height h or the timeout passes.
func (n *Node) WaitHeight(h int64, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		got, err := n.Height()
		if err == nil && got >= h {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("height %d not reached in %s (at %d, last error %v)", h, timeout, got, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
