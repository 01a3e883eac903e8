package cmd

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestHeightField(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		want      int64
		err       string
	}{
		{"json string", `{"commit":{"id":"1","reveal_from":"12","reveal_until":"41"}}`, 12, ""},
		{"text", "commit:\n  id: \"1\"\n  reveal_from: \"12\"\n", 12, ""},
		{"number", `{"reveal_from": 9007199254740993}`, 9007199254740993, ""},
		{"in a list", `{"commits":[{"reveal_from":"7"}]}`, 7, ""},
		{"missing", `{"commit":{}}`, 0, `0 fields named "reveal_from"`},
		{"ambiguous", `{"commits":[{"reveal_from":"7"},{"reveal_from":"8"}]}`, 0, `2 fields named "reveal_from"`},
		{"not a height", `{"reveal_from":"soon"}`, 0, "not a height"},
		{"empty", ``, 0, `0 fields`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := heightField([]byte(tc.doc), "reveal_from")
			if tc.err != "" {
				require.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, got)
		})
	}
}

func TestDecodeTxResponse(t *testing.T) {
	// A tx command's JSON output (rejected by CheckTx) and wait-tx's text output.
	res, err := decodeTxResponse([]byte(`{"height":"0","txhash":"AB12","codespace":"sdk","code":11,"raw_log":"out of gas"}`))
	require.NoError(t, err)
	require.Equal(t, txResponse{TxHash: "AB12", Height: []byte(`"0"`), Code: 11, Codespace: "sdk", RawLog: "out of gas"}, res)
	require.EqualError(t, res.failure("rejected by CheckTx"), `transaction AB12 rejected by CheckTx with code 11 (codespace "sdk"): out of gas`)

	res, err = decodeTxResponse([]byte("code: 0\ncodespace: \"\"\nheight: \"16\"\ntxhash: CD34\n"))
	require.NoError(t, err)
	require.Equal(t, "CD34", res.TxHash)
	require.Zero(t, res.Code)
}
