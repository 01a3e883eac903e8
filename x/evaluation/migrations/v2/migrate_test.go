package v2_test

import (
	"bytes"
	"testing"

	"cosmossdk.io/collections"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/testutil"

	v2 "github.com/don-network/don/x/evaluation/migrations/v2"
	"github.com/don-network/don/x/evaluation/types"
)

// v1 stored the last request id issued and params without
// retry_interval_blocks (its zero value encodes to nothing, so params with
// it 0 are byte for byte what version 1 wrote). Migrate makes the sequence
// hold the next id and sets the new param's default.
func TestMigrateV1State(t *testing.T) {
	for _, last := range []uint64{0, 1, 7} {
		key := storetypes.NewKVStoreKey(types.StoreKey)
		ctx := testutil.DefaultContext(key, storetypes.NewTransientStoreKey("transient"))
		sb := collections.NewSchemaBuilder(runtime.NewKVStoreService(key))
		cdc := codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
		seq := collections.NewSequence(sb, types.NextRequestIDKey, "next_request_id")
		params := collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc))
		_, err := sb.Build()
		require.NoError(t, err)

		v1 := types.DefaultParams()
		v1.RetryIntervalBlocks = 0
		require.NoError(t, seq.Set(ctx, last))
		require.NoError(t, params.Set(ctx, v1))
		raw, err := cdc.Marshal(&v1)
		require.NoError(t, err)
		require.False(t, bytes.Contains(raw, []byte{0xf8, 0x01}), "no field 31 (tag 31<<3 as a varint) in v1 params")

		require.NoError(t, v2.Migrate(ctx, seq, params))
		next, err := seq.Peek(ctx)
		require.NoError(t, err)
		require.Equal(t, last+1, next, "last issued %d", last)
		got, err := params.Get(ctx)
		require.NoError(t, err)
		require.Equal(t, uint64(types.DefaultRetryIntervalBlocks), got.RetryIntervalBlocks)
		require.NoError(t, got.Validate())
		want := v1
		want.RetryIntervalBlocks = types.DefaultRetryIntervalBlocks
		require.Equal(t, want, got, "the other params are untouched")
	}
}
