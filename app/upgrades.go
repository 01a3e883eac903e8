package app

import (
	"context"
	"fmt"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"
)

// Upgrade is one software upgrade of DON: the plan name a governance
// proposal schedules, and the stores it adds or removes. Its handler runs
// the in-place migrations of every module whose consensus version rose
// (docs/upgrades.md); an upgrade that needs more does it in Extra.
type Upgrade struct {
	Name          string
	StoreUpgrades storetypes.StoreUpgrades
	Extra         func(ctx context.Context, app *App) error
}

// Upgrades are the upgrades this binary can apply, oldest first. A binary
// halts at the height of a scheduled plan it does not know.
var Upgrades = []Upgrade{
	// v2: x/mint pays a round in bounded batches (mint 1→2 adds
	// max_payouts_per_block) and x/evaluation's request sequence holds the
	// next id and failed queue items are set aside (evaluation 1→2).
	{Name: "v2"},
}

// registerUpgrades sets the handler of every known upgrade and, when the
// node restarts at the height of one of them, the loader of its store
// changes. It runs before the stores are loaded.
func (app *App) registerUpgrades() error {
	for _, u := range Upgrades {
		app.UpgradeKeeper.SetUpgradeHandler(u.Name, func(ctx context.Context, _ upgradetypes.Plan, fromVM module.VersionMap) (module.VersionMap, error) {
			versions, err := app.ModuleManager.RunMigrations(ctx, app.Configurator(), fromVM)
			if err != nil {
				return nil, fmt.Errorf("upgrade %s: %w", u.Name, err)
			}
			if u.Extra != nil {
				if err := u.Extra(ctx, app); err != nil {
					return nil, fmt.Errorf("upgrade %s: %w", u.Name, err)
				}
			}
			return versions, nil
		})
	}
	plan, err := app.UpgradeKeeper.ReadUpgradeInfoFromDisk()
	if err != nil {
		return fmt.Errorf("read upgrade info: %w", err)
	}
	if plan.Name == "" || app.UpgradeKeeper.IsSkipHeight(plan.Height) {
		return nil
	}
	for _, u := range Upgrades {
		if u.Name == plan.Name {
			app.SetStoreLoader(upgradetypes.UpgradeStoreLoader(plan.Height, &u.StoreUpgrades))
		}
	}
	return nil
}
