package keeper

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/mint/types"
)

// Migrator runs x/mint's in-place store migrations.
type Migrator struct{ k *Keeper }

// NewMigrator returns the migrator of a keeper.
func NewMigrator(k *Keeper) Migrator { return Migrator{k: k} }

// Migrate1to2 migrates x/mint from version 1 to 2, which pays closed rounds
// in batches. Version 1 params decode with max_payouts_per_block 0, which
// would pay nobody: it becomes the default. Nothing else changes: version
// 1 had no pending payout (every round paid at its close, so every round
// record decodes as paid) and kept only the open round's work entries.
// It takes the SDK context of module.MigrationHandler.
func (m Migrator) Migrate1to2(ctx sdk.Context) error {
	p, err := m.k.Params.Get(ctx)
	if err != nil {
		return err
	}
	if p.MaxPayoutsPerBlock == 0 {
		p.MaxPayoutsPerBlock = types.DefaultMaxPayoutsPerBlock
	}
	if err := p.Validate(); err != nil {
		return err
	}
	return m.k.Params.Set(ctx, p)
}
