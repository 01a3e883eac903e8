package donchain

import (
	"context"

	appv1alpha1 "cosmossdk.io/api/cosmos/app/v1alpha1"
	"cosmossdk.io/core/appmodule"
	"cosmossdk.io/depinject"
	"cosmossdk.io/depinject/appconfig"

	"github.com/don-network/don/app"
	"github.com/don-network/don/testutil/fixture"
	evaluationkeeper "github.com/don-network/don/x/evaluation/keeper"
	mintkeeper "github.com/don-network/don/x/mint/keeper"
	optimakeeper "github.com/don-network/don/x/optima/keeper"
	weightskeeper "github.com/don-network/don/x/weights/keeper"
)

// donModules are the app's configs of DON's modules, composed once.
var donModules = appconfig.Compose(&appv1alpha1.Config{Modules: app.DONModules})

// wired is what the modules' ProvideModule build.
type wired struct {
	weights    *weightskeeper.Keeper
	mint       *mintkeeper.Keeper
	optima     *optimakeeper.Keeper
	evaluation *evaluationkeeper.Keeper
	modules    map[string]appmodule.AppModule
}

// wire builds DON's keepers and app modules with depinject from the app's
// own module configs (app.DONModules), so each module's ProvideModule
// decides what its keeper gets — config, authority, fee collector and the
// other keepers — exactly as in the app. The fixture stands in for what
// the SDK provides there: the codecs and the modules' KV stores (runtime,
// a store named after its module as runtime does without an override),
// x/bank's BaseKeeper and x/distribution's community pool.
func wire(f *fixture.Fixture, community *fixture.CommunityPool) (wired, error) {
	var w wired
	// no debug options: Inject's default writes debug files into the working
	// directory on an error.
	err := depinject.InjectDebug(depinject.DebugOptions(), depinject.Configs(
		donModules,
		f.Depinject(),
		depinject.Supply(community),
	), &w.weights, &w.mint, &w.optima, &w.evaluation, &w.modules)
	return w, err
}

// storeNames are the stores of DON's modules, one per module.
func storeNames() []string {
	out := make([]string, len(app.DONModules))
	for i, m := range app.DONModules {
		out[i] = m.Name
	}
	return out
}

// genesisOrder is DON's modules in the app's InitGenesis order.
func genesisOrder() []string {
	var out []string
	for _, name := range app.InitGenesisOrder {
		for _, m := range app.DONModules {
			if m.Name == name {
				out = append(out, name)
			}
		}
	}
	return out
}

// hook is a module's BeginBlock or EndBlock.
type hook struct {
	module string
	run    func(context.Context) error
}

// beginBlockers are the BeginBlocks of DON's modules in the app's order.
func beginBlockers(modules map[string]appmodule.AppModule) []hook {
	var out []hook
	for _, name := range app.BeginBlockers {
		if m, ok := modules[name].(appmodule.HasBeginBlocker); ok {
			out = append(out, hook{name, m.BeginBlock})
		}
	}
	return out
}

// endBlockers are the EndBlocks of DON's modules in the app's order.
func endBlockers(modules map[string]appmodule.AppModule) []hook {
	var out []hook
	for _, name := range app.EndBlockers {
		if m, ok := modules[name].(appmodule.HasEndBlocker); ok {
			out = append(out, hook{name, m.EndBlock})
		}
	}
	return out
}
