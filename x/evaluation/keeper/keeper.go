// Package keeper holds x/evaluation's state and transitions: evaluators
// and their collateral, requests through auction, claim, result, challenge
// and settlement, and the height-indexed queue EndBlock works through.
package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/collections/indexes"
	"cosmossdk.io/core/address"
	"cosmossdk.io/core/store"
	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/evaluation/types"
	"github.com/don-network/don/x/internal/modulekit"
)

// RequestIndexes are the secondary indexes of the requests, for the
// queries by status, client and evaluator. Addresses are indexed by their
// canonical bech32 string, as stored in the request: decoding them on
// every write would cost more than the write (the SDK's address decoding
// looks up its config through the OS on every call).
type RequestIndexes struct {
	Status    *indexes.Multi[int32, uint64, types.Request]
	Client    *indexes.Multi[string, uint64, types.Request]
	Evaluator *indexes.Multi[string, uint64, types.Request]
}

// IndexesList implements collections.Indexes.
func (i RequestIndexes) IndexesList() []collections.Index[uint64, types.Request] {
	return []collections.Index[uint64, types.Request]{i.Status, i.Client, i.Evaluator}
}

// Keeper of x/evaluation.
type Keeper struct {
	cdc          codec.BinaryCodec
	addressCodec address.Codec
	authority    string

	bank    types.BankKeeper
	distr   types.DistributionKeeper
	optima  types.OptimaKeeper
	weights types.WeightsKeeper
	mint    types.MintKeeper

	Schema     collections.Schema
	Params     collections.Item[types.Params]
	Evaluators collections.Map[sdk.AccAddress, types.Evaluator]
	Requests   *collections.IndexedMap[uint64, types.Request, RequestIndexes]
	RequestSeq collections.Sequence
	// Due holds (height, request id) for every request not in a final
	// state: its refund, timeout or settlement height.
	Due collections.KeySet[collections.Pair[int64, uint64]]
	// Unbonding holds (height, evaluator) of the collateral returns.
	Unbonding collections.KeySet[collections.Pair[int64, sdk.AccAddress]]
	// OpenCount is the number of requests not in a final state (the backlog).
	OpenCount collections.Item[uint64]
	// FailedItems holds the queue items whose processing failed, out of
	// their queue, by kind and id, indexed by retry height (failed_items.go).
	FailedItems *collections.IndexedMap[FailedKey, types.FailedItem, FailedIndexes]
}

// NewKeeper returns the x/evaluation keeper.
func NewKeeper(
	cdc codec.Codec,
	storeService store.KVStoreService,
	addressCodec address.Codec,
	authority string,
	bank types.BankKeeper,
	distr types.DistributionKeeper,
	optima types.OptimaKeeper,
	weights types.WeightsKeeper,
	mint types.MintKeeper,
) *Keeper {
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic(fmt.Sprintf("invalid evaluation authority %q: %s", authority, err))
	}
	sb := collections.NewSchemaBuilder(storeService)
	idx := RequestIndexes{
		Status: indexes.NewMulti(sb, types.RequestsByStatus, "requests_by_status", collections.Int32Key, collections.Uint64Key,
			func(_ uint64, r types.Request) (int32, error) { return int32(r.Status), nil }),
		Client: indexes.NewMulti(sb, types.RequestsByClient, "requests_by_client", collections.StringKey, collections.Uint64Key,
			func(_ uint64, r types.Request) (string, error) { return r.Client, nil }),
		// Unclaimed requests are indexed under "": never a queried address.
		Evaluator: indexes.NewMulti(sb, types.RequestsByEvaluator, "requests_by_evaluator", collections.StringKey, collections.Uint64Key,
			func(_ uint64, r types.Request) (string, error) { return r.Evaluator, nil }),
	}
	k := &Keeper{
		cdc: cdc, addressCodec: addressCodec, authority: authority,
		bank: bank, distr: distr, optima: optima, weights: weights, mint: mint,
		Params:     collections.NewItem(sb, types.ParamsKey, "params", modulekit.MemoValue(codec.CollValue[types.Params](cdc))),
		Evaluators: collections.NewMap(sb, types.EvaluatorsKey, "evaluators", sdk.AccAddressKey, codec.CollValue[types.Evaluator](cdc)),
		Requests: collections.NewIndexedMap(sb, types.RequestsKey, "requests", collections.Uint64Key,
			codec.CollValue[types.Request](cdc), idx),
		RequestSeq: collections.NewSequence(sb, types.NextRequestIDKey, "next_request_id"),
		Due:        collections.NewKeySet(sb, types.DueKey, "due", collections.PairKeyCodec(collections.Int64Key, collections.Uint64Key)),
		Unbonding:  collections.NewKeySet(sb, types.UnbondingQueueKey, "unbonding", collections.PairKeyCodec(collections.Int64Key, sdk.AccAddressKey)),
		OpenCount:  collections.NewItem(sb, types.OpenCountKey, "open_count", collections.Uint64Value),
		FailedItems: collections.NewIndexedMap(sb, types.FailedItemsKey, "failed_items", failedKeyCodec,
			codec.CollValue[types.FailedItem](cdc), newFailedIndexes(sb)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// Authority returns the address allowed to change params.
func (k *Keeper) Authority() string { return k.authority }

// Logger returns the module logger.
func (k *Keeper) Logger(ctx context.Context) log.Logger {
	return sdk.UnwrapSDKContext(ctx).Logger().With("module", "x/"+types.ModuleName)
}
