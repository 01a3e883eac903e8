package econsim

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	evaluationtypes "github.com/don-network/don/x/evaluation/types"
	minttypes "github.com/don-network/don/x/mint/types"
	optimatypes "github.com/don-network/don/x/optima/types"
	weightstypes "github.com/don-network/don/x/weights/types"
)

// The address of a key named "node-key", as a node's keyring would hold it.
const nodeKey = "don1qmt6ju5ty4f53yn2as6w7mvfg7gswvk7xnxlcq"

// TestWorldFromNodeGenesis: a world built from a genesis.json has the
// node's params, funds an account at the node's address with its genesis
// balance, and replays a Msg signed for that address.
func TestWorldFromNodeGenesis(t *testing.T) {
	mg := minttypes.DefaultGenesis()
	mg.Params.InitialDifficulty = sdkmath.LegacyMustNewDecFromStr("0.7")
	path := writeGenesis(t, map[string]proto.Message{
		optimatypes.ModuleName: optimatypes.DefaultGenesis(), evaluationtypes.ModuleName: evaluationtypes.DefaultGenesis(),
		weightstypes.ModuleName: weightstypes.DefaultGenesis(), minttypes.ModuleName: mg,
	}, `{"balances": [{"address": "`+nodeKey+`", "coins": [{"denom": "stake", "amount": "5"}, {"denom": "udon", "amount": "50000000"}]}]}`)

	gen, err := ReadNodeGenesis(path)
	require.NoError(t, err)
	require.Equal(t, "50000000", gen.Balances[nodeKey].String())
	w, err := New(gen.Config(1))
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, w.Close()) })
	a, err := w.NewAccountAt("node-key", nodeKey, gen.Balances[nodeKey])
	require.NoError(t, err)
	require.Equal(t, "50000000", w.BalanceOf(a).String())
	st, err := w.MintStatus()
	require.NoError(t, err)
	require.Equal(t, "0.700000000000000000", st.Minter.Difficulty.String(), "the node's x/mint genesis, not donchain's 0.3")
	models, err := w.ActiveModels()
	require.NoError(t, err)
	require.Empty(t, models, "the node's genesis has no models, and none are added")

	_, err = DeliverMsg(w, &evaluationtypes.MsgRegisterEvaluator{Evaluator: nodeKey, Collateral: sdkmath.NewInt(10_000_000), Capacity: 2})
	require.NoError(t, err)
	require.Equal(t, "40000000", w.BalanceOf(a).String(), "collateral escrowed")
	_, err = DeliverMsg(w, &banktypes.MsgSend{FromAddress: nodeKey, ToAddress: nodeKey})
	require.ErrorContains(t, err, "not a Msg of DON's modules")

	require.NoError(t, w.Step())
	_, err = w.NewAccountAt("late", nodeKey, sdkmath.NewInt(1))
	require.ErrorContains(t, err, "funded at genesis")
}

func TestReadNodeGenesisRefusesAnInvalidState(t *testing.T) {
	bad := minttypes.DefaultGenesis()
	bad.Params.EmissionRate = sdkmath.LegacyZeroDec()
	path := writeGenesis(t, map[string]proto.Message{
		optimatypes.ModuleName: optimatypes.DefaultGenesis(), evaluationtypes.ModuleName: evaluationtypes.DefaultGenesis(),
		weightstypes.ModuleName: weightstypes.DefaultGenesis(), minttypes.ModuleName: bad,
	}, `{}`)
	_, err := ReadNodeGenesis(path)
	require.ErrorContains(t, err, "app_state.mint")
}

// writeGenesis writes a genesis.json with the given module states and bank
// state.
func writeGenesis(t *testing.T, states map[string]proto.Message, bank string) string {
	cdc := codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
	appState := map[string]json.RawMessage{"bank": json.RawMessage(bank)}
	for name, s := range states {
		bz, err := cdc.MarshalJSON(s)
		require.NoError(t, err)
		appState[name] = bz
	}
	bz, err := json.Marshal(map[string]any{"app_state": appState})
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "genesis.json")
	require.NoError(t, os.WriteFile(path, bz, 0o600))
	return path
}
