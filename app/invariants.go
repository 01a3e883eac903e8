package app

import (
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// FlagCheckInvariants, an app option (`check-invariants = true` in the
// `[don]` table of app.toml), makes every block end with a check of DON's
// module invariants (docs/invariants.md); a broken one fails the block and
// halts the node. The app simulation and the upgrade rehearsal set it; a
// node may, at the cost of the checks.
const FlagCheckInvariants = "don.check-invariants"

// endBlockCheckingInvariants is the modules' EndBlock followed by the
// invariant checks of DON's four modules.
func (app *App) endBlockCheckingInvariants(ctx sdk.Context) (sdk.EndBlock, error) {
	res, err := app.App.EndBlocker(ctx)
	if err != nil {
		return res, err
	}
	checks := []struct {
		module string
		check  func(sdk.Context) error
	}{
		{"weights", func(c sdk.Context) error { return app.WeightsKeeper.CheckInvariants(c) }},
		{"mint", func(c sdk.Context) error { return app.MintKeeper.CheckInvariants(c) }},
		{"optima", func(c sdk.Context) error { return app.OptimaKeeper.CheckInvariants(c) }},
		{"evaluation", func(c sdk.Context) error { return app.EvaluationKeeper.CheckInvariants(c) }},
	}
	for _, c := range checks {
		if err := c.check(ctx); err != nil {
			return res, fmt.Errorf("%s invariant broken at height %d: %w", c.module, ctx.BlockHeight(), err)
		}
	}
	return res, nil
}
