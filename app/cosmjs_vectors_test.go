package app_test

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"
	sdkmath "cosmossdk.io/math"
	dbm "github.com/cosmos/cosmos-db"

	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"

	"github.com/don-network/don/app"
	evaluationtypes "github.com/don-network/don/x/evaluation/types"
	optimatypes "github.com/don-network/don/x/optima/types"
)

// cosmjsVectorsPath is the file the CosmJS example's offline test
// (examples/cosmjs/don-types.test.mjs) checks its hand-written codecs
// against; this test pins the same vectors to the chain's Go types.
const cosmjsVectorsPath = "../examples/cosmjs/testdata/vectors.json"

type cosmjsVectors struct {
	Comment string `json:"comment"`
	SignDoc struct {
		ChainID       string `json:"chainId"`
		AccountNumber uint64 `json:"accountNumber,string"`
		Sequence      uint64 `json:"sequence,string"`
		Memo          string `json:"memo"`
		Fee           struct {
			Amount []struct {
				Denom  string `json:"denom"`
				Amount string `json:"amount"`
			} `json:"amount"`
			Gas uint64 `json:"gas,string"`
		} `json:"fee"`
	} `json:"signDoc"`
	Cases []struct {
		Name           string          `json:"name"`
		TypeURL        string          `json:"typeUrl"`
		Value          json.RawMessage `json:"value"`
		ProtoHex       string          `json:"protoHex"`
		AminoSignBytes string          `json:"aminoSignBytes"`
	} `json:"cases"`
}

// gogoMsg is a message with gogoproto's generated Marshal.
type gogoMsg interface {
	sdk.Msg
	Marshal() ([]byte, error)
}

// cosmjsVectorMsgs builds the Go message of a vector value, keyed by type
// URL, and returns its signer. The vectors write 64-bit integers as decimal
// strings and bytes as hex; a field left out is its Go zero value.
var cosmjsVectorMsgs = map[string]func(t *testing.T, raw json.RawMessage) (gogoMsg, string){
	"/don.evaluation.v1.MsgRequestEvaluation": func(t *testing.T, raw json.RawMessage) (gogoMsg, string) {
		var v struct {
			Client   string   `json:"client"`
			ModelID  uint64   `json:"modelId,string"`
			Inputs   []string `json:"inputs"`
			MaxFee   string   `json:"maxFee"`
			Deadline int64    `json:"deadline,string"`
		}
		decodeStrict(t, raw, &v)
		m := &evaluationtypes.MsgRequestEvaluation{Client: v.Client, ModelId: v.ModelID, Deadline: v.Deadline}
		for _, s := range v.Inputs {
			x, err := strconv.ParseInt(s, 10, 64)
			require.NoError(t, err)
			m.Inputs = append(m.Inputs, x)
		}
		if v.MaxFee != "" {
			fee, ok := sdkmath.NewIntFromString(v.MaxFee)
			require.True(t, ok, "max fee %q", v.MaxFee)
			m.MaxFee = fee
		}
		return m, v.Client
	},
	"/don.optima.v1.MsgCommitOptimum": func(t *testing.T, raw json.RawMessage) (gogoMsg, string) {
		var v struct {
			Optimizer  string `json:"optimizer"`
			ModelID    uint64 `json:"modelId,string"`
			Commitment string `json:"commitment"`
		}
		decodeStrict(t, raw, &v)
		commitment, err := hex.DecodeString(v.Commitment)
		require.NoError(t, err)
		if len(commitment) == 0 {
			commitment = nil
		}
		return &optimatypes.MsgCommitOptimum{Optimizer: v.Optimizer, ModelId: v.ModelID, Commitment: commitment}, v.Optimizer
	},
}

// decodeStrict refuses unknown fields, so a misspelt field in the vectors
// fails instead of silently meaning zero.
func decodeStrict(t *testing.T, raw []byte, v any) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(v))
}

// TestCosmJSGoldenVectors recomputes the CosmJS example's golden vectors
// with the chain's code: the gogoproto bytes of each message and the
// SIGN_MODE_LEGACY_AMINO_JSON sign bytes of a tx carrying it, built with the
// app's TxConfig. A change of the Go encoding fails here, not only against
// a live node.
func TestCosmJSGoldenVectors(t *testing.T) {
	raw, err := os.ReadFile(cosmjsVectorsPath)
	require.NoError(t, err)
	var vectors cosmjsVectors
	decodeStrict(t, raw, &vectors)
	require.NotEmpty(t, vectors.Cases)

	a, err := app.New(log.NewNopLogger(), dbm.NewMemDB(), true, simtestutil.AppOptionsMap{})
	require.NoError(t, err)
	txConfig := a.TxConfig()

	sd := vectors.SignDoc
	var fee sdk.Coins
	for _, c := range sd.Fee.Amount {
		amount, ok := sdkmath.NewIntFromString(c.Amount)
		require.True(t, ok, "fee amount %q", c.Amount)
		fee = append(fee, sdk.NewCoin(c.Denom, amount))
	}

	for _, c := range vectors.Cases {
		t.Run(c.Name, func(t *testing.T) {
			build, ok := cosmjsVectorMsgs[c.TypeURL]
			require.True(t, ok, "no Go message for %s", c.TypeURL)
			msg, signer := build(t, c.Value)
			require.Equal(t, c.TypeURL, sdk.MsgTypeURL(msg))

			bz, err := msg.Marshal()
			require.NoError(t, err)
			require.Equal(t, c.ProtoHex, hex.EncodeToString(bz), "protobuf bytes")

			b := txConfig.NewTxBuilder()
			require.NoError(t, b.SetMsgs(msg))
			b.SetGasLimit(sd.Fee.Gas)
			b.SetFeeAmount(fee)
			b.SetMemo(sd.Memo)
			signerData := authsigning.SignerData{ChainID: sd.ChainID, AccountNumber: sd.AccountNumber, Sequence: sd.Sequence, Address: signer}
			signBytes, err := authsigning.GetSignBytesAdapter(context.Background(), txConfig.SignModeHandler(),
				signing.SignMode_SIGN_MODE_LEGACY_AMINO_JSON, signerData, b.GetTx())
			require.NoError(t, err)
			require.Equal(t, c.AminoSignBytes, string(signBytes), "amino JSON sign bytes")
		})
	}
}
