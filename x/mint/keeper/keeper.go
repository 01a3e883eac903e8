// Package keeper is DON's issuance: rounds of optimization work, a
// retargeting difficulty and a capped, decaying coinbase split by role.
package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	"cosmossdk.io/core/store"
	"cosmossdk.io/log/v2"
	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/mint/types"
)

// Keeper of x/mint.
type Keeper struct {
	cdc          codec.BinaryCodec
	addressCodec address.Codec
	authority    string
	feeCollector string

	bank    types.BankKeeper
	distr   types.DistributionKeeper
	weights types.WeightsKeeper

	Schema collections.Schema
	Params collections.Item[types.Params]
	Minter collections.Item[types.Minter]
	// OptimizerWork and EvaluatorWork hold the open round's work by
	// (round, address); a close pays and deletes exactly that round's entries.
	OptimizerWork collections.Map[collections.Pair[uint64, sdk.AccAddress], sdkmath.LegacyDec]
	EvaluatorWork collections.Map[collections.Pair[uint64, sdk.AccAddress], sdkmath.LegacyDec]
	// Rounds is the pruned history of closed rounds.
	Rounds collections.Map[uint64, types.RoundRecord]
	// Payouts are the closed rounds still paying their optimizers and
	// evaluators, by round: the oldest is paid first.
	Payouts collections.Map[uint64, types.RoundPayout]
}

// NewKeeper returns the x/mint keeper.
func NewKeeper(
	cdc codec.BinaryCodec,
	storeService store.KVStoreService,
	addressCodec address.Codec,
	authority, feeCollector string,
	bank types.BankKeeper,
	distr types.DistributionKeeper,
	weights types.WeightsKeeper,
) *Keeper {
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic(fmt.Sprintf("invalid mint authority %q: %s", authority, err))
	}
	sb := collections.NewSchemaBuilder(storeService)
	workKey := collections.PairKeyCodec(collections.Uint64Key, sdk.AccAddressKey)
	k := &Keeper{
		cdc: cdc, addressCodec: addressCodec, authority: authority, feeCollector: feeCollector,
		bank: bank, distr: distr, weights: weights,
		Params:        collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		Minter:        collections.NewItem(sb, types.MinterKey, "minter", codec.CollValue[types.Minter](cdc)),
		OptimizerWork: collections.NewMap(sb, types.OptimizerWorkKey, "optimizer_work", workKey, sdk.LegacyDecValue),
		EvaluatorWork: collections.NewMap(sb, types.EvaluatorWorkKey, "evaluator_work", workKey, sdk.LegacyDecValue),
		Rounds:        collections.NewMap(sb, types.RoundsKey, "rounds", collections.Uint64Key, codec.CollValue[types.RoundRecord](cdc)),
		Payouts:       collections.NewMap(sb, types.PayoutsKey, "payouts", collections.Uint64Key, codec.CollValue[types.RoundPayout](cdc)),
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
