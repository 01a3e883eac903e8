package e2e

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/don-network/don/testutil/devnet"
)

// readmeSection is the README section whose ```sh blocks the test runs: the
// walkthrough. The Quick start blocks above it (make devnet, make test) are
// what starts the chain, so they stay out.
const readmeSection = "## Walkthrough"

// shBlock is a ```sh block of the README and the line of its opening fence.
type shBlock struct {
	line int
	text string
}

// TestREADMEWalkthrough pastes the README walkthrough into one bash, block
// after block in order, against a fresh chain from config.yml, as a new user
// would after `make devnet`: any non-zero exit fails the test and names the
// block. The blocks run in a scratch directory where build/dond is the
// tested binary and .devnet the chain's home, whose client.toml points at
// the node's free ports; the README's fixed REST port is rewritten to the
// node's.
func TestREADMEWalkthrough(t *testing.T) {
	bin := os.Getenv("DON_BINARY")
	if bin == "" {
		t.Skip("DON_BINARY is unset: `make test-unit` sets it to the built dond")
	}
	blocks := readmeBlocks(t, filepath.Join(repoRoot(t), "README.md"))
	require.NotEmpty(t, blocks, "no ```sh blocks under %q in README.md", readmeSection)

	start := time.Now()
	devnetCfg, err := devnet.LoadConfig(filepath.Join(repoRoot(t), "config.yml"))
	require.NoError(t, err)
	c := startChainWith(t, func(cfg *devnet.Config) {
		// config.yml's own block time, not the e2e tests' faster one: step 8's
		// challenge must land inside a 10-block window on a loaded machine,
		// and the CLI's run time, not block time, dominates the test.
		cfg.BlockTime = devnetCfg.BlockTime
	})

	dir := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(dir, "build"), 0o755))
	require.NoError(t, os.Symlink(bin, filepath.Join(dir, "build", "dond")))
	require.NoError(t, os.Symlink(c.node.Home, filepath.Join(dir, ".devnet")))

	var script strings.Builder
	for i, b := range blocks {
		fmt.Fprintf(&script, "echo '### README block %d (README.md line %d)' >&2\n", i+1, b.line)
		script.WriteString(strings.ReplaceAll(b.text, "127.0.0.1:1317", fmt.Sprintf("127.0.0.1:%d", c.node.Ports.API)))
	}
	fmt.Fprintf(&script, "echo '### README walkthrough done' >&2\n")
	scriptPath := filepath.Join(dir, "walkthrough.sh")
	require.NoError(t, os.WriteFile(scriptPath, []byte(script.String()), 0o600))

	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "-euo", "pipefail", scriptPath)
	cmd.Dir = dir
	// Its own process group, so a timeout also ends the dond it is running.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("README walkthrough failed in %s: %v\n%s", lastMarker(string(out)), err, tail(string(out), 80))
	}
	if testing.Verbose() { // the whole output, to refresh the README's output blocks
		t.Logf("output:\n%s", out)
	}
	t.Logf("README walkthrough: %d blocks passed in %s (chain start included)", len(blocks), time.Since(start).Round(time.Second))
}

// A fence opens with ``` and an optional language; only a bare ``` closes
// it (CommonMark), so an output block may show a line such as ```sh.
var (
	openFence  = regexp.MustCompile("^```")
	closeFence = regexp.MustCompile("^```\\s*$")
)

// readmeBlocks returns the ```sh blocks of readmeSection in order (output
// blocks, fenced without a language or with another one, are skipped).
func readmeBlocks(t *testing.T, path string) []shBlock {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()

	var (
		blocks    []shBlock
		inSection bool
		cur       *shBlock // the open ```sh block
		inOther   bool     // inside another fenced block
	)
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case cur != nil && closeFence.MatchString(line):
			blocks = append(blocks, *cur)
			cur = nil
		case cur != nil:
			cur.text += line + "\n"
		case inOther:
			inOther = !closeFence.MatchString(line)
		case openFence.MatchString(line):
			if inSection && strings.TrimSpace(strings.TrimPrefix(line, "```")) == "sh" {
				cur = &shBlock{line: n}
			} else {
				inOther = true
			}
		case strings.HasPrefix(line, "## "):
			inSection = strings.HasPrefix(line, readmeSection)
		}
	}
	require.NoError(t, sc.Err())
	require.Nil(t, cur, "README.md: unclosed ```sh block")
	return blocks
}

// lastMarker names the block that was running when the script stopped.
func lastMarker(out string) string {
	last := "the first block"
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "### README ") {
			last = strings.TrimPrefix(line, "### ")
		}
	}
	return last
}

// TestREADMEBlocks checks which blocks the walkthrough test runs: only ```sh
// blocks of the Walkthrough section, in order, not the Quick start's
// `make devnet` nor output blocks.
func TestREADMEBlocks(t *testing.T) {
	readme := filepath.Join(t.TempDir(), "README.md")
	require.NoError(t, os.WriteFile(readme, []byte("# X\n## Quick start\n```sh\nmake devnet\n```\n"+
		"## Walkthrough: try it\n```sh\nA=1\n```\n```\noutput\n```sh\n```\n```json\n{}\n```\n### step\n```sh\necho $A\nls\n```\n"+
		"## Repository layout\n```sh\nnot run\n```\n"), 0o600))
	require.Equal(t, []shBlock{{line: 7, text: "A=1\n"}, {line: 18, text: "echo $A\nls\n"}}, readmeBlocks(t, readme))

	blocks := readmeBlocks(t, filepath.Join(repoRoot(t), "README.md"))
	require.NotEmpty(t, blocks)
	for _, b := range blocks {
		require.NotContains(t, b.text, "make devnet", "README.md line %d", b.line)
	}
}
