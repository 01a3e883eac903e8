package types_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"

	"github.com/don-network/don/x/weights/types"
)

func TestModelStateValueRoundTrip(t *testing.T) {
	vc := types.ModelStateValue(codec.NewProtoCodec(codectypes.NewInterfaceRegistry()))
	states := []types.ModelState{
		types.NewModelState(1, 0),
		{
			ModelId: 1<<63 + 5, Active: false, LastHeight: 1<<62 + 3,
			LambdaReveals: dec("0.000000000000000001"), LambdaAccepted: dec("123456789012345678901234567890.123456789012345678"),
			LambdaRequests: dec("-7.5"), LambdaFees: dec("1"), Raw: dec("93.25"), LastWeight: dec("0.333333333333333334"),
		},
	}
	for _, s := range states {
		bz, err := vc.Encode(s)
		require.NoError(t, err)
		back, err := vc.Decode(bz)
		require.NoError(t, err)
		require.Equal(t, s.String(), back.String())
		for i := 0; i < len(bz); i++ {
			_, err := vc.Decode(bz[:i])
			require.Error(t, err, "truncated at %d", i)
		}
		_, err = vc.Decode(append(bz, 0))
		require.Error(t, err, "trailing byte")
		js, err := vc.EncodeJSON(s)
		require.NoError(t, err)
		fromJS, err := vc.DecodeJSON(js)
		require.NoError(t, err)
		require.Equal(t, s.String(), fromJS.String())
	}
	_, err := vc.Encode(types.ModelState{ModelId: 1})
	require.Error(t, err, "nil decimals are not stored")
	require.True(t, sdkmath.LegacyOneDec().Equal(dec("1")))
}
