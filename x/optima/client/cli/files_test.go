package cli_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/optima/client/cli"
	"github.com/don-network/don/x/optima/fixedpoint"
)

func TestParseParamsJSON(t *testing.T) {
	got, err := cli.ParseParamsJSON([]byte(`[0, -1.25, "0.5", 3, 0.00000006]`))
	require.NoError(t, err)
	one := fixedpoint.One.Raw()
	require.Equal(t, []int64{0, -one - one/4, one / 2, 3 * one, 1}, got, "exact decimal conversion, no float64")
	require.Equal(t, []string{"0.00000000", "-1.25000000", "0.50000000", "3.00000000", "0.00000006"}, cli.FormatParams(got))

	for _, bad := range []string{`{"a": 1}`, `[1, true]`, `[1, "x"]`, `[1e400]`, `not json`, `[1, [2]]`} {
		_, err := cli.ParseParamsJSON([]byte(bad))
		require.Error(t, err, bad)
	}
}

func TestReadParamsFileRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.json")
	require.NoError(t, os.WriteFile(path, []byte("[0.1, 0.2, -0.3]\n"), 0o600))
	got, err := cli.ReadParamsFile(path)
	require.NoError(t, err)
	again, err := cli.ParseParamsJSON([]byte(`["` + cli.FormatParams(got)[0] + `", "` + cli.FormatParams(got)[1] + `", "` + cli.FormatParams(got)[2] + `"]`))
	require.NoError(t, err)
	require.Equal(t, got, again, "FormatParams output parses back to the same raw values")

	_, err = cli.ReadParamsFile(filepath.Join(t.TempDir(), "missing.json"))
	require.Error(t, err)
}

func TestParseSalt(t *testing.T) {
	salt, err := cli.ParseSalt("0x000102030405060708090a0b0c0d0e0f")
	require.NoError(t, err)
	require.Len(t, salt, 16)
	for _, bad := range []string{"zz", "0001", ""} {
		_, err := cli.ParseSalt(bad)
		require.Error(t, err, bad)
	}
	a, err := cli.NewSalt()
	require.NoError(t, err)
	b, err := cli.NewSalt()
	require.NoError(t, err)
	require.Len(t, a, 32)
	require.NotEqual(t, a, b)
}
