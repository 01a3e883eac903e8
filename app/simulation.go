package app

import (
	"github.com/cosmos/cosmos-sdk/types/module"
	"github.com/cosmos/cosmos-sdk/x/auth"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
)

// newSimulationManager collects the simulation of every module that has one,
// in module-name order so that a seed always gives the same run
// (app/sim_test.go, docs/simulation.md). x/auth is built again with plain
// genesis accounts: DON has no vesting module, whose accounts the SDK's
// random genesis would otherwise mix in.
func newSimulationManager(app *App) *module.SimulationManager {
	sm := module.NewSimulationManagerFromAppModules(app.ModuleManager.Modules, map[string]module.AppModuleSimulation{
		authtypes.ModuleName: auth.NewAppModule(app.appCodec, app.AccountKeeper, baseGenesisAccounts),
	})
	sm.RegisterStoreDecoders()
	return sm
}

// SimulationManager returns the app's simulation manager.
func (app *App) SimulationManager() *module.SimulationManager { return app.sm }

// BlockedAddresses returns the module accounts that may not receive coins
// from users, by address, as the bank keeper and the simulator use them.
func BlockedAddresses() map[string]bool {
	out := make(map[string]bool, len(blockAccAddrs))
	for _, name := range blockAccAddrs {
		out[authtypes.NewModuleAddress(name).String()] = true
	}
	return out
}

// baseGenesisAccounts makes every simulated account a plain account.
func baseGenesisAccounts(s *module.SimulationState) authtypes.GenesisAccounts {
	accs := make(authtypes.GenesisAccounts, len(s.Accounts))
	for i, a := range s.Accounts {
		accs[i] = authtypes.NewBaseAccountWithAddress(a.Address)
	}
	return accs
}
