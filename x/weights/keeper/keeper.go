// Package keeper holds x/weights' state and its transitions: the signal
// filters of every model, the model weights, the backlog filter and the
// role shares.
package keeper

import (
	"context"
	"fmt"
	"sync"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	"cosmossdk.io/core/store"
	"cosmossdk.io/log/v2"
	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/internal/modulekit"
	"github.com/don-network/don/x/weights/types"
)

// Keeper of x/weights.
type Keeper struct {
	cdc          codec.BinaryCodec
	addressCodec address.Codec
	authority    string

	Schema collections.Schema
	Params collections.Item[types.Params]
	// Models holds the state of every model x/weights has seen, active or retired.
	Models collections.Map[uint64, types.ModelState]
	// Active is the set of active model ids: queries and invariants walk it
	// (the refresh walks Models, see RefreshCursor).
	Active collections.KeySet[uint64]
	// ActiveCount is N, the size of Active.
	ActiveCount collections.Item[uint64]
	// AdmittedCount is N_a, the number of active admitted models.
	AdmittedCount collections.Item[uint64]
	// SumRaw is Σ raw over the active models, kept exactly by differences.
	SumRaw collections.Item[sdkmath.LegacyDec]
	// RefreshCursor is the last model id EndBlock's round-robin refresh
	// visited in Models (an iterator over Models from the cursor, retired
	// models passed over uncounted); the next block's refresh starts after it.
	RefreshCursor collections.Item[uint64]
	// Backlog is the global backlog filter.
	Backlog collections.Item[types.BacklogState]
	// LastRoleShares are the shares of the last EventRoleSharesChanged.
	LastRoleShares collections.Item[types.RoleShares]

	// decay keeps the closed-form decay memos of the filters across blocks
	// (not state: a cache of a pure function of the filter params and the
	// number of idle blocks, so it cannot change a result).
	decayMu sync.Mutex
	decay   map[string]*types.Decayer // by FilterParams.Key
}

// NewKeeper returns the x/weights keeper.
func NewKeeper(cdc codec.Codec, storeService store.KVStoreService, addressCodec address.Codec, authority string) *Keeper {
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic(fmt.Sprintf("invalid weights authority %q: %s", authority, err))
	}
	sb := collections.NewSchemaBuilder(storeService)
	k := &Keeper{
		cdc:            cdc,
		addressCodec:   addressCodec,
		authority:      authority,
		Params:         collections.NewItem(sb, types.ParamsKey, "params", modulekit.MemoValue(codec.CollValue[types.Params](cdc))),
		Models:         collections.NewMap(sb, types.ModelsKey, "models", collections.Uint64Key, types.ModelStateValue(cdc)),
		Active:         collections.NewKeySet(sb, types.ActiveKey, "active", collections.Uint64Key),
		ActiveCount:    collections.NewItem(sb, types.ActiveCountKey, "active_count", collections.Uint64Value),
		AdmittedCount:  collections.NewItem(sb, types.AdmittedCountKey, "admitted_count", collections.Uint64Value),
		SumRaw:         collections.NewItem(sb, types.SumRawKey, "sum_raw", sdk.LegacyDecValue),
		RefreshCursor:  collections.NewItem(sb, types.RefreshCursorKey, "refresh_cursor", collections.Uint64Value),
		Backlog:        collections.NewItem(sb, types.BacklogKey, "backlog", codec.CollValue[types.BacklogState](cdc)),
		LastRoleShares: collections.NewItem(sb, types.LastRoleSharesKey, "last_role_shares", codec.CollValue[types.RoleShares](cdc)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	k.decay = map[string]*types.Decayer{}
	return k
}

// Authority returns the address allowed to change params.
func (k *Keeper) Authority() string { return k.authority }

// Logger returns the module logger.
func (k *Keeper) Logger(ctx context.Context) log.Logger {
	return sdk.UnwrapSDKContext(ctx).Logger().With("module", "x/"+types.ModuleName)
}

// decayer returns the cached closed-form decay of a filter.
func (k *Keeper) decayer(p types.FilterParams) *types.Decayer {
	key := p.Key()
	if d, ok := k.decay[key]; ok {
		return d
	}
	if len(k.decay) >= 16 {
		clear(k.decay) // params changed many times: start over
	}
	d := types.NewDecayer(p)
	k.decay[key] = d
	return d
}
