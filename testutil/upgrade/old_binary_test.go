package upgrade

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// oldCommit is the release a chain upgrades from in TestSoftwareUpgrade:
// every DON module at consensus version 1, no upgrade handler.
const oldCommit = "7407c450617ed20039879afe0ccae98e10885151"

// repoRoot is the module root, two levels above this file.
func repoRoot(t *testing.T) string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("no caller information")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// git runs git in the repository and returns its stdout.
func git(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", repoRoot(t)}, args...)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return string(out)
}

// requireOldCommit fails the test, saying why, when git or the old
// release's commit is missing (a shallow clone has no history).
func requireOldCommit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatalf("git is not installed: the upgrade test builds the old release (%s) from the repository's history", oldCommit)
	}
	has := func() ([]byte, error) {
		return exec.Command("git", "-C", repoRoot(t), "cat-file", "-e", oldCommit+"^{commit}").CombinedOutput()
	}
	if _, err := has(); err != nil {
		// A shallow clone lacks the history: fetch it from the clone's
		// origin (a local one when CI clones this repository), once.
		if out, ferr := exec.Command("git", "-C", repoRoot(t), "fetch", "--quiet", "--unshallow").CombinedOutput(); ferr != nil {
			t.Logf("git fetch --unshallow: %v: %s", ferr, strings.TrimSpace(string(out)))
		}
	}
	if out, err := has(); err != nil {
		t.Fatalf("commit %s (the release TestSoftwareUpgrade upgrades from) is not in this repository (%v: %s); "+
			"a shallow clone lacks it: git fetch --unshallow", oldCommit, err, strings.TrimSpace(string(out)))
	}
}

// oldBinary returns the dond of oldCommit, built at the first run into the
// repository's build/upgrade/ (kept by later runs; `make clean` removes
// it) from a `git archive` of the commit, with the Makefile's ldflags.
func oldBinary(t *testing.T) string {
	t.Helper()
	requireOldCommit(t)
	short := oldCommit[:7]
	bin := filepath.Join(repoRoot(t), "build", "upgrade", "dond-"+short)
	if _, err := os.Stat(bin); err == nil {
		t.Logf("old binary: %s (cached)", bin)
		return bin
	} else if !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	start := time.Now()
	src := t.TempDir()
	archive := exec.Command("git", "-C", repoRoot(t), "archive", oldCommit)
	untar := exec.Command("tar", "-x", "-C", src)
	pipe, err := archive.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	untar.Stdin = pipe
	var archiveErr, untarErr strings.Builder
	archive.Stderr, untar.Stderr = &archiveErr, &untarErr
	if err := untar.Start(); err != nil {
		t.Fatalf("tar: %v", err)
	}
	if err := archive.Run(); err != nil {
		t.Fatalf("git archive %s: %v: %s", oldCommit, err, archiveErr.String())
	}
	if err := untar.Wait(); err != nil {
		t.Fatalf("tar -x: %v: %s", err, untarErr.String())
	}

	// The Makefile's ldflags, for the old commit.
	version := strings.TrimSpace(git(t, "describe", "--tags", "--always", oldCommit))
	ldflags := strings.Join([]string{
		"-X github.com/cosmos/cosmos-sdk/version.Name=don",
		"-X github.com/cosmos/cosmos-sdk/version.AppName=dond",
		"-X github.com/cosmos/cosmos-sdk/version.Version=" + version,
		"-X github.com/cosmos/cosmos-sdk/version.Commit=" + oldCommit,
	}, " ")
	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		t.Fatal(err)
	}
	// Built under a temporary name and renamed: a run stopped mid-build
	// leaves no truncated binary to be reused.
	tmp := fmt.Sprintf("%s.tmp%d", bin, os.Getpid())
	build := exec.Command("go", "build", "-ldflags", ldflags, "-o", tmp, "./cmd/dond")
	build.Dir = src
	build.Env = append(os.Environ(), "GOTOOLCHAIN=local", "GOFLAGS=-buildvcs=false")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build of the old release %s: %v\n%s", short, err, out)
	}
	if err := os.Rename(tmp, bin); err != nil {
		t.Fatal(err)
	}
	t.Logf("old binary: %s built in %s", bin, time.Since(start).Round(time.Second))
	return bin
}

// oldConfig writes the old release's own config.yml to a file and returns
// its path: the chain the old binary creates is the one it shipped with.
func oldConfig(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.yml")
	if err := os.WriteFile(path, []byte(git(t, "show", oldCommit+":config.yml")), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
