package cli_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/don-network/don/x/optima/client/cli"
)

// FuzzParseParamsJSON: a params file parses or fails, never panics, and
// what parses formats back to the same raw values.
func FuzzParseParamsJSON(f *testing.F) {
	for _, s := range []string{
		`[0, -1.25, "0.5", 3, 0.00000006]`, `[]`, `[1e3, "1e-3"]`, `[0.5, -1.25, 3]`,
		`[NaN]`, `["NaN"]`, `[1e1000]`, `[null]`, `[[1]]`, `{"a": 1}`, `[1,]`, `"1"`, ``,
		`[549755813888]`, `[1] trailing`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, bz []byte) {
		params, err := cli.ParseParamsJSON(bz)
		if err != nil {
			return
		}
		bz, err = json.Marshal(cli.FormatParams(params))
		if err != nil {
			t.Fatal(err)
		}
		back, err := cli.ParseParamsJSON(bz)
		if err != nil || !slices.Equal(back, params) {
			t.Fatalf("%s → %v → %s → %v, %v", bz, params, bz, back, err)
		}
	})
}
