// Package keeper holds x/optima's state and its transitions: the model
// registry, commits, the randomness beacon and the on-chain verification.
package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	"cosmossdk.io/core/store"
	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

// Keeper of x/optima.
type Keeper struct {
	cdc          codec.BinaryCodec
	addressCodec address.Codec
	authority    string

	bank    types.BankKeeper
	weights types.WeightsKeeper
	mint    types.MintKeeper

	Schema   collections.Schema
	Params   collections.Item[types.Params]
	ModelSeq collections.Sequence
	Models   collections.Map[uint64, types.Model]
	// Optima is the history of every model: (model id, optimum id) → optimum.
	Optima    collections.Map[collections.Pair[uint64, uint64], types.Optimum]
	CommitSeq collections.Sequence
	Commits   collections.Map[uint64, types.Commit]
	// CommitsByOptimizer indexes open commits by (optimizer, commit id).
	CommitsByOptimizer collections.KeySet[collections.Pair[sdk.AccAddress, uint64]]
	// CommitsByExpiry indexes open commits by (last reveal height, commit id),
	// so EndBlock finds expired commits without a scan.
	CommitsByExpiry collections.KeySet[collections.Pair[int64, uint64]]
	// Beacons holds beacon(h) for the retained window of heights.
	Beacons collections.Map[int64, []byte]
}

// NewKeeper returns the x/optima keeper.
func NewKeeper(
	cdc codec.BinaryCodec,
	storeService store.KVStoreService,
	addressCodec address.Codec,
	authority string,
	bank types.BankKeeper,
	weights types.WeightsKeeper,
	mint types.MintKeeper,
) *Keeper {
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic(fmt.Sprintf("invalid optima authority %q: %s", authority, err))
	}
	sb := collections.NewSchemaBuilder(storeService)
	k := &Keeper{
		cdc:          cdc,
		addressCodec: addressCodec,
		authority:    authority,
		bank:         bank,
		weights:      weights,
		mint:         mint,
		Params:       collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		ModelSeq:     collections.NewSequence(sb, types.ModelSeqKey, "model_seq"),
		Models:       collections.NewMap(sb, types.ModelsKey, "models", collections.Uint64Key, codec.CollValue[types.Model](cdc)),
		Optima: collections.NewMap(sb, types.OptimaKey, "optima",
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key), codec.CollValue[types.Optimum](cdc)),
		CommitSeq: collections.NewSequence(sb, types.CommitSeqKey, "commit_seq"),
		Commits:   collections.NewMap(sb, types.CommitsKey, "commits", collections.Uint64Key, codec.CollValue[types.Commit](cdc)),
		CommitsByOptimizer: collections.NewKeySet(sb, types.CommitsByOptimizerKey, "commits_by_optimizer",
			collections.PairKeyCodec(sdk.AccAddressKey, collections.Uint64Key)),
		CommitsByExpiry: collections.NewKeySet(sb, types.CommitsByExpiryKey, "commits_by_expiry",
			collections.PairKeyCodec(collections.Int64Key, collections.Uint64Key)),
		Beacons: collections.NewMap(sb, types.BeaconsKey, "beacons", collections.Int64Key, collections.BytesValue),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// Authority returns the address allowed to change params, retire and roll back.
func (k *Keeper) Authority() string { return k.authority }

// Logger returns the module logger.
func (k *Keeper) Logger(ctx context.Context) log.Logger {
	return sdk.UnwrapSDKContext(ctx).Logger().With("module", "x/"+types.ModuleName)
}
