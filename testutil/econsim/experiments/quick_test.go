package experiments

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/testutil/econsim"
)

// runQuick runs an experiment's quick version as `donsim <name> --quick`
// does, asserts every criterion and that its CSV and PNG were written,
// and returns the result and the output directory.
func runQuick(t *testing.T, name string) (*econsim.Result, string) {
	t.Helper()
	e, ok := econsim.Lookup(name)
	require.True(t, ok, "experiment %s not registered", name)
	dir := t.TempDir()
	var out bytes.Buffer
	res, err := econsim.Execute(e, econsim.Options{Quick: true, Seed: 1, Out: dir}, &out)
	require.NoError(t, err)
	t.Log("\n" + out.String())
	require.NotEmpty(t, res.Criteria, "an experiment without a criterion proves nothing")
	for _, c := range res.Criteria {
		assert.True(t, c.Pass, "%s: %s", c.Name, c.Measured)
	}
	for _, ext := range []string{".csv", ".png"} {
		fi, err := os.Stat(filepath.Join(dir, name+ext))
		require.NoError(t, err)
		require.Positive(t, fi.Size(), name+ext)
	}
	return res, dir
}
