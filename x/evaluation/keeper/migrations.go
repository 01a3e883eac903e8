package keeper

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	v2 "github.com/don-network/don/x/evaluation/migrations/v2"
)

// Migrator runs x/evaluation's in-place store migrations (registered in
// module.go's RegisterServices).
type Migrator struct{ k *Keeper }

// NewMigrator returns the migrator of k's store.
func NewMigrator(k *Keeper) Migrator { return Migrator{k: k} }

// Migrate1to2: the request sequence holds the next id instead of the last
// one, and params gain retry_interval_blocks (migrations/v2).
func (m Migrator) Migrate1to2(ctx sdk.Context) error {
	return v2.Migrate(ctx, m.k.RequestSeq, m.k.Params)
}
