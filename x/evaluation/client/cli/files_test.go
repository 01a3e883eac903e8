package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/evaluation/client/cli"
	"github.com/don-network/don/x/optima/fixedpoint"
)

func raw(t *testing.T, s string) int64 {
	f, err := fixedpoint.ParseDecimal(s)
	require.NoError(t, err)
	return f.Raw()
}

// JSON and CSV files give the same fixed-point rows; a header line and
// spaces are accepted; bad values name their row and column.
func TestReadRowsFileJSONAndCSV(t *testing.T) {
	dir := t.TempDir()
	want := [][]int64{{raw(t, "0.5"), raw(t, "-1.25")}, {raw(t, "3"), raw(t, "0.000001")}}
	files := map[string]string{
		"in.json":  `[[0.5, "-1.25"], [3, 0.000001]]`,
		"in.csv":   "x1,x2\n0.5, -1.25\n3,0.000001\n",
		"flat.csv": "0.5,-1.25\n3,0.000001",
	}
	for name, body := range files {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, []byte(body), 0o600))
		got, err := cli.ReadRowsFile(path)
		require.NoError(t, err, name)
		require.Equal(t, want, got, name)
	}
	one, err := cli.ParseRowsJSON([]byte(`[1, 2, 3]`))
	require.NoError(t, err)
	require.Equal(t, [][]int64{{raw(t, "1"), raw(t, "2"), raw(t, "3")}}, one, "a flat array is one row")

	for body, msg := range map[string]string{
		`[[1, "x"]]`:  "row 0 value 1",
		`[[1], true]`: "row 1 is not an array",
		`{}`:          "JSON array",
		`[]`:          "no rows",
	} {
		_, err := cli.ParseRowsJSON([]byte(body))
		require.ErrorContains(t, err, msg, body)
	}
	_, err = cli.ParseRowsCSV([]byte("1,2\n3,abc\n"))
	require.ErrorContains(t, err, "line 2 column 2")
	_, _, err = cli.Flatten([][]int64{{1, 2}, {3}})
	require.ErrorContains(t, err, "row 1 has 1 values")
}

// Outputs are printed as decimals that read back to the same fixed point.
func TestRowsRoundTrip(t *testing.T) {
	vals := []int64{raw(t, "1.5"), raw(t, "-0.000123"), raw(t, "42"), raw(t, "7")}
	rows := cli.Rows(vals, 2)
	// Eight decimals: finer than Q39.24's step (2^-24 ≈ 6e-8), so they read back exactly.
	require.Equal(t, [][]string{{"1.50000000", "-0.00012302"}, {"42.00000000", "7.00000000"}}, rows)
	for _, asCSV := range []bool{false, true} {
		var buf bytes.Buffer
		require.NoError(t, cli.WriteRows(&buf, rows, asCSV))
		parse := cli.ParseRowsJSON
		if asCSV {
			parse = cli.ParseRowsCSV
		}
		back, err := parse(buf.Bytes())
		require.NoError(t, err, buf.String())
		flat, width, err := cli.Flatten(back)
		require.NoError(t, err)
		require.Equal(t, 2, width)
		require.Equal(t, vals, flat, "csv=%v: %s", asCSV, buf.String())
	}
}

// A first line with a number-like cell is data, never a header: "NaN,0,0,0"
// used to be skipped as a header and the error said "no rows".
func TestParseRowsCSVRejectsNaNAndInf(t *testing.T) {
	for body, msg := range map[string]string{
		"NaN,0,0,0\n":           "line 1 column 1",
		"1,2\n3,+Inf\n":         "line 2 column 2",
		"a,b\n1,2\n-infinity,3": "line 3 column 1",
		"a,b\n1,nan\n":          "NaN and infinities are not accepted",
		"1x,2\n":                "line 1 column 1",
		"a,b\n":                 "no rows",
	} {
		_, err := cli.ParseRowsCSV([]byte(body))
		require.ErrorContains(t, err, msg, body)
	}
	_, err := cli.ParseRowsJSON([]byte(`[["NaN", 1]]`))
	require.ErrorContains(t, err, "NaN and infinities are not accepted")
	_, _, err = cli.Flatten(nil)
	require.ErrorContains(t, err, "no rows")

	got, err := cli.ParseRowsCSV([]byte("x1,y_2,.name\n1,2,3\n"))
	require.NoError(t, err, "names with digits are a header")
	require.Equal(t, [][]int64{{raw(t, "1"), raw(t, "2"), raw(t, "3")}}, got)
}
