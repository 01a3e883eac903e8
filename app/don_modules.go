package app

import (
	appv1alpha1 "cosmossdk.io/api/cosmos/app/v1alpha1"
	"cosmossdk.io/depinject/appconfig"

	_ "github.com/don-network/don/x/evaluation" // registers the evaluation module
	evaluationtypes "github.com/don-network/don/x/evaluation/types"
	evaluationmodulev1 "github.com/don-network/don/x/evaluation/types/module"
	_ "github.com/don-network/don/x/mint" // registers DON's mint module
	minttypes "github.com/don-network/don/x/mint/types"
	mintmodulev1 "github.com/don-network/don/x/mint/types/module"
	_ "github.com/don-network/don/x/optima" // registers the optima module
	optimatypes "github.com/don-network/don/x/optima/types"
	optimamodulev1 "github.com/don-network/don/x/optima/types/module"
	_ "github.com/don-network/don/x/weights" // registers the weights module
	weightstypes "github.com/don-network/don/x/weights/types"
	weightsmodulev1 "github.com/don-network/don/x/weights/types/module"
)

// DONModules are the depinject configs of DON's own modules. AppConfig
// composes them, and testutil/donchain builds its keepers from the same
// configs through the modules' ProvideModule, so a test chain cannot be
// wired differently from the app.
var DONModules = []*appv1alpha1.ModuleConfig{
	{Name: weightstypes.ModuleName, Config: appconfig.WrapAny(&weightsmodulev1.Module{})},
	{Name: minttypes.ModuleName, Config: appconfig.WrapAny(&mintmodulev1.Module{})},
	{Name: optimatypes.ModuleName, Config: appconfig.WrapAny(&optimamodulev1.Module{})},
	{Name: evaluationtypes.ModuleName, Config: appconfig.WrapAny(&evaluationmodulev1.Module{})},
}

// ModuleAccountPermissions returns the app's module accounts and their
// permissions (x/auth's config), by account name.
func ModuleAccountPermissions() map[string][]string {
	out := make(map[string][]string, len(moduleAccPerms))
	for _, p := range moduleAccPerms {
		out[p.Account] = append([]string(nil), p.Permissions...)
	}
	return out
}
