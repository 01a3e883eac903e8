package devnet

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// ConfigPath is the repository's config.yml.
func ConfigPath() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "config.yml")
}

// StartTestNode starts, for a test, the one-validator chain of config.yml
// with free loopback ports and 200 ms blocks, after mutate (may be nil)
// changed the config. It runs $DON_BINARY and skips the test when that is
// unset (tests never build dond). The node stops when the test ends, and
// the tail of its log is printed if the test failed. It returns once the
// chain is at height 2.
func StartTestNode(t testing.TB, mutate func(*Config)) (*Node, *Process) {
	t.Helper()
	bin := os.Getenv("DON_BINARY")
	if bin == "" {
		t.Skip("DON_BINARY is not set: real-node test")
	}
	cfg, err := LoadConfig(ConfigPath())
	if err != nil {
		t.Fatal(err)
	}
	cfg.Ports, cfg.BlockTime = Ports{}, "200ms"
	if mutate != nil {
		mutate(&cfg)
	}
	home := t.TempDir()
	node, err := Setup(bin, home, cfg)
	if err != nil {
		t.Fatal(err)
	}
	logPath := filepath.Join(home, "node.log")
	proc, err := node.Start(logPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := proc.Stop(); err != nil {
			t.Error(err)
		}
		if t.Failed() {
			log, _ := os.ReadFile(logPath)
			lines := strings.Split(string(log), "\n")
			t.Logf("node log tail:\n%s", strings.Join(lines[max(0, len(lines)-40):], "\n"))
		}
	})
	if err := node.WaitHeight(2, 60*time.Second); err != nil {
		t.Fatal(err)
	}
	return node, proc
}
