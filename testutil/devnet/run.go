package devnet

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"syscall"
	"time"
)

// Process is a running dond node.
type Process struct {
	cmd  *exec.Cmd
	done chan struct{} // closed when the process has exited
}

// Start runs `dond start` for the node, appending its output to logPath (a
// restarted node keeps its earlier log).
func (n *Node) Start(logPath string) (*Process, error) {
	// The log is a file: no colour codes in it.
	return n.StartCommand(logPath, "start", "--log_no_color")
}

// StartCommand runs a long-lived dond command with the node's --home (a
// node, or an agent such as `dond evaluator`), appending its output to
// logPath.
func (n *Node) StartCommand(logPath string, args ...string) (*Process, error) {
	logFile, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(n.Binary, append(args, "--home", n.Home)...)
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

// Kill ends the node with SIGKILL, as a crash would, and waits for it.
func (p *Process) Kill() {
	if !p.Exited() {
		_ = p.cmd.Process.Kill()
	}
	<-p.done
}

// Done is closed when the process has exited.
func (p *Process) Done() <-chan struct{} { return p.done }

// Exited reports whether the node process has ended.
func (p *Process) Exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// Status is the part of the CometBFT RPC /status that tools and tests read.
type Status struct {
	NodeID           string
	ValidatorAddress string // hex consensus address, as in block signatures
	LatestHeight     int64
	EarliestHeight   int64 // the first block this node stores
	CatchingUp       bool
}

// Status queries the node's /status.
func (n *Node) Status() (Status, error) {
	var res struct {
		NodeInfo struct {
			ID string `json:"id"`
		} `json:"node_info"`
		SyncInfo struct {
			LatestBlockHeight   int64 `json:"latest_block_height,string"`
			EarliestBlockHeight int64 `json:"earliest_block_height,string"`
			CatchingUp          bool  `json:"catching_up"`
		} `json:"sync_info"`
		ValidatorInfo struct {
			Address string `json:"address"`
		} `json:"validator_info"`
	}
	if err := n.QueryRPC("status", &res); err != nil {
		return Status{}, err
	}
	return Status{
		NodeID:           res.NodeInfo.ID,
		ValidatorAddress: res.ValidatorInfo.Address,
		LatestHeight:     res.SyncInfo.LatestBlockHeight,
		EarliestHeight:   res.SyncInfo.EarliestBlockHeight,
		CatchingUp:       res.SyncInfo.CatchingUp,
	}, nil
}

// Height returns the latest block height from the CometBFT RPC.
func (n *Node) Height() (int64, error) {
	s, err := n.Status()
	return s.LatestHeight, err
}

// QueryRPC GETs path (e.g. "block?height=5") from the node's CometBFT RPC
// and decodes the JSON-RPC result into result.
func (n *Node) QueryRPC(path string, result any) error {
	client := http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get(fmt.Sprintf("http://127.0.0.1:%d/%s", n.Ports.RPC, path))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	var envelope struct {
		Result json.RawMessage `json:"result"`
		Error  *struct {
			Message string `json:"message"`
			Data    string `json:"data"`
		} `json:"error"`
	}
	if err := json.Unmarshal(body, &envelope); err != nil {
		return fmt.Errorf("rpc %s: %w", path, err)
	}
	if envelope.Error != nil {
		return fmt.Errorf("rpc %s: %s %s", path, envelope.Error.Message, envelope.Error.Data)
	}
	return json.Unmarshal(envelope.Result, result)
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
