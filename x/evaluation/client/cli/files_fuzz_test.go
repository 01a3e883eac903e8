package cli_test

import (
	"testing"

	"github.com/don-network/don/x/evaluation/client/cli"
)

var rowSeeds = []string{
	"x1,x2\n0.5, -1.25\n3,0.000001\n", "0.5,-1.25\n3,0.000001", "NaN,0,0,0\n", "a,b\n1,inf\n",
	"1,2\n3\n", "\"1\",\"2\"\n", "1,\"2\n", "", "\n\n", "a,b\n", "1e3,-1e-3\n", ".5,2.\n",
	"1;2\n", "99999999999999,0\n",
	`[[0.5, "-1.25"], [3, 0.000001]]`, `[1, 2, 3]`, `[[1], true]`, `[]`, `[[]]`, `{}`, `[["NaN"]]`,
	`[[1e1000]]`, `[1, [2]]`,
}

// checkRows: parsed rows flatten or fail, never panic.
func checkRows(rows [][]int64, err error) {
	if err != nil {
		return
	}
	if flat, width, err := cli.Flatten(rows); err == nil {
		_ = cli.Rows(flat, width)
	}
}

// FuzzParseRowsCSV: a request's CSV input or output file.
func FuzzParseRowsCSV(f *testing.F) {
	for _, s := range rowSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, bz []byte) { checkRows(cli.ParseRowsCSV(bz)) })
}

// FuzzParseRowsJSON: a request's JSON input or output file.
func FuzzParseRowsJSON(f *testing.F) {
	for _, s := range rowSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, bz []byte) { checkRows(cli.ParseRowsJSON(bz)) })
}
