package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/plot/plotter"

	"github.com/don-network/don/testutil/econsim"
)

// Two tiny experiments of this test binary only: one whose criterion
// holds and one whose criterion fails, to check donsim's files, verdicts
// and exit codes without running a real experiment.
func init() {
	for _, pass := range []bool{true, false} {
		name := "selftest-fail"
		if pass {
			name = "selftest-pass"
		}
		econsim.Register(econsim.Experiment{Name: name, Summary: "donsim's own test", Run: func(o econsim.Options) (*econsim.Result, error) {
			res := &econsim.Result{Table: econsim.NewTable("seed", "value")}
			res.Table.Add(o.Seed, 0.5)
			res.Plot = &econsim.Figure{Panels: []econsim.Panel{{Title: "t", X: "x (blocks)", Y: "y (udon)",
				Series: []econsim.Series{{Name: "s", XY: plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 1}}}}}}}
			res.Check("criterion", pass, "measured %d", o.Seed)
			return res, nil
		}})
	}
}

func TestDonsimWritesFilesVerdictsAndExitCodes(t *testing.T) {
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"selftest-pass", "--seed", "7", "--out", dir}, &out, &errOut), errOut.String())
	require.Contains(t, out.String(), "PASS  selftest-pass criterion: measured 7")
	csv, err := os.ReadFile(filepath.Join(dir, "selftest-pass.csv"))
	require.NoError(t, err)
	require.Equal(t, "seed,value\n7,0.5\n", string(csv))
	png, err := os.ReadFile(filepath.Join(dir, "selftest-pass.png"))
	require.NoError(t, err)
	require.True(t, bytes.HasPrefix(png, []byte("\x89PNG")), "a PNG file")

	out.Reset()
	require.Equal(t, 1, run([]string{"--out", dir, "selftest-fail"}, &out, &errOut), "a failed criterion exits 1")
	require.Contains(t, out.String(), "FAIL  selftest-fail criterion: measured 1")
}

func TestDonsimUsageErrors(t *testing.T) {
	for _, args := range [][]string{nil, {"no-such-experiment"}, {"a", "b"}, {"--runs", "x", "all"}} {
		var out, errOut bytes.Buffer
		require.Equal(t, 2, run(args, &out, &errOut), "args %q", args)
		require.NotEmpty(t, strings.TrimSpace(errOut.String()))
	}
}
