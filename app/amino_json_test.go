package app_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"
	sdkmath "cosmossdk.io/math"
	dbm "github.com/cosmos/cosmos-db"
	txsigning "github.com/cosmos/cosmos-sdk/x/tx/signing"
	"google.golang.org/protobuf/types/known/anypb"

	clienttx "github.com/cosmos/cosmos-sdk/client/tx"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"

	"github.com/don-network/don/app"
	evaluationtypes "github.com/don-network/don/x/evaluation/types"
	minttypes "github.com/don-network/don/x/mint/types"
	optimatypes "github.com/don-network/don/x/optima/types"
	weightstypes "github.com/don-network/don/x/weights/types"
)

// TestEveryMsgSignsInAminoJSON signs a transaction carrying each DON
// message in SIGN_MODE_LEGACY_AMINO_JSON, the mode of Ledger and of
// Keplr's legacy signing, and verifies the signature as the ante handler
// does: every message has its amino name (`type` in the sign bytes) and no
// field that amino JSON cannot encode. A message registered with the app
// but missing from the table fails the test.
func TestEveryMsgSignsInAminoJSON(t *testing.T) {
	a, err := app.New(log.NewNopLogger(), dbm.NewMemDB(), true, simtestutil.AppOptionsMap{})
	require.NoError(t, err)
	priv := secp256k1.GenPrivKey()
	signer := sdk.AccAddress(priv.PubKey().Address()).String()
	dec := sdkmath.LegacyNewDecWithPrec(5, 1)
	coin := sdk.NewInt64Coin("udon", 1000)
	msgs := []sdk.Msg{
		&optimatypes.MsgRegisterModel{Creator: signer, Name: "m", Domain: "regime-ar", InitialParams: []int64{1, -2}, EvalSamples: 64,
			MinImprovement: dec, SeedBlocks: 2, RevealWindow: 30, CommitBond: coin, Deposit: coin},
		&optimatypes.MsgRetireModel{Signer: signer, ModelId: 1},
		&optimatypes.MsgCommitOptimum{Optimizer: signer, ModelId: 1, Commitment: make([]byte, 32)},
		&optimatypes.MsgRevealOptimum{Optimizer: signer, CommitId: 1, Params: []int64{1, -2}, Salt: make([]byte, 16)},
		&optimatypes.MsgAdmitModel{Authority: signer, ModelId: 1},
		&optimatypes.MsgRollbackOptimum{Authority: signer, ModelId: 1, OptimumId: 0},
		&optimatypes.MsgUpdateParams{Authority: signer, Params: optimatypes.DefaultParams()},
		&evaluationtypes.MsgRegisterEvaluator{Evaluator: signer, Collateral: sdkmath.NewInt(5), Capacity: 4},
		&evaluationtypes.MsgAddCollateral{Evaluator: signer, Amount: sdkmath.NewInt(5)},
		&evaluationtypes.MsgUnbondEvaluator{Evaluator: signer},
		&evaluationtypes.MsgRequestEvaluation{Client: signer, ModelId: 1, Inputs: []int64{1, -2, 3}, MaxFee: sdkmath.NewInt(100), Deadline: 50},
		&evaluationtypes.MsgClaimRequest{Evaluator: signer, RequestId: 1},
		&evaluationtypes.MsgSubmitResult{Evaluator: signer, RequestId: 1, Outputs: []int64{-7}},
		&evaluationtypes.MsgChallengeResult{Challenger: signer, RequestId: 1, Bond: sdkmath.NewInt(10)},
		&evaluationtypes.MsgCancelRequest{Client: signer, RequestId: 1},
		&evaluationtypes.MsgUpdateParams{Authority: signer, Params: evaluationtypes.DefaultParams()},
		&weightstypes.MsgUpdateParams{Authority: signer, Params: weightstypes.DefaultParams()},
		&minttypes.MsgUpdateParams{Authority: signer, Params: minttypes.DefaultParams()},
	}

	covered := map[string]bool{}
	for _, m := range msgs {
		covered[sdk.MsgTypeURL(m)] = true
	}
	for _, typeURL := range a.InterfaceRegistry().ListImplementations(sdk.MsgInterfaceProtoName) {
		if strings.HasPrefix(typeURL, "/don.") && !strings.HasSuffix(typeURL, "Response") {
			require.True(t, covered[typeURL], "%s has no case here", typeURL)
		}
	}

	txConfig := a.TxConfig()
	for _, m := range msgs {
		t.Run(sdk.MsgTypeURL(m), func(t *testing.T) {
			b := txConfig.NewTxBuilder()
			require.NoError(t, b.SetMsgs(m))
			b.SetGasLimit(200_000)
			b.SetFeeAmount(sdk.NewCoins(coin))
			b.SetMemo("amino-json")
			// The empty signature first: amino JSON signs over the signer infos.
			require.NoError(t, b.SetSignatures(signing.SignatureV2{PubKey: priv.PubKey(),
				Data: &signing.SingleSignatureData{SignMode: signing.SignMode_SIGN_MODE_LEGACY_AMINO_JSON}, Sequence: 3}))
			signerData := authsigning.SignerData{ChainID: "don-test", AccountNumber: 7, Sequence: 3, PubKey: priv.PubKey(), Address: signer}
			sig, err := clienttx.SignWithPrivKey(context.Background(), signing.SignMode_SIGN_MODE_LEGACY_AMINO_JSON, signerData, b, priv, txConfig, 3)
			require.NoError(t, err)
			require.NoError(t, b.SetSignatures(sig))

			signBytes, err := authsigning.GetSignBytesAdapter(context.Background(), txConfig.SignModeHandler(),
				signing.SignMode_SIGN_MODE_LEGACY_AMINO_JSON, signerData, b.GetTx())
			require.NoError(t, err)
			var doc struct {
				Msgs []struct {
					Type string `json:"type"`
				} `json:"msgs"`
			}
			require.NoError(t, json.Unmarshal(signBytes, &doc), "sign bytes are JSON: %s", signBytes)
			require.Len(t, doc.Msgs, 1)
			require.True(t, strings.HasPrefix(doc.Msgs[0].Type, "don/x/"), "amino name of %s: %q", sdk.MsgTypeURL(m), doc.Msgs[0].Type)

			anyPk, err := codectypes.NewAnyWithValue(priv.PubKey())
			require.NoError(t, err)
			adaptable, ok := b.GetTx().(authsigning.V2AdaptableTx)
			require.True(t, ok)
			verify := func() error {
				return authsigning.VerifySignature(context.Background(), priv.PubKey(), txsigning.SignerData{
					Address: signer, ChainID: "don-test", AccountNumber: 7, Sequence: 3,
					PubKey: &anypb.Any{TypeUrl: anyPk.TypeUrl, Value: anyPk.Value},
				}, sig.Data, txConfig.SignModeHandler(), adaptable.GetSigningTxData())
			}
			require.NoError(t, verify())

			// A changed signature no longer verifies.
			tampered := sig.Data.(*signing.SingleSignatureData)
			tampered.Signature = append([]byte{}, tampered.Signature...)
			tampered.Signature[0] ^= 1
			require.Error(t, verify())
		})
	}
}
