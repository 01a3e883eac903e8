package app

import (
	runtimev1alpha1 "cosmossdk.io/api/cosmos/app/runtime/v1alpha1"
	appv1alpha1 "cosmossdk.io/api/cosmos/app/v1alpha1"
	authmodulev1 "cosmossdk.io/api/cosmos/auth/module/v1"
	bankmodulev1 "cosmossdk.io/api/cosmos/bank/module/v1"
	consensusmodulev1 "cosmossdk.io/api/cosmos/consensus/module/v1"
	distrmodulev1 "cosmossdk.io/api/cosmos/distribution/module/v1"
	evidencemodulev1 "cosmossdk.io/api/cosmos/evidence/module/v1"
	genutilmodulev1 "cosmossdk.io/api/cosmos/genutil/module/v1"
	govmodulev1 "cosmossdk.io/api/cosmos/gov/module/v1"
	slashingmodulev1 "cosmossdk.io/api/cosmos/slashing/module/v1"
	stakingmodulev1 "cosmossdk.io/api/cosmos/staking/module/v1"
	txconfigv1 "cosmossdk.io/api/cosmos/tx/config/v1"
	upgrademodulev1 "cosmossdk.io/api/cosmos/upgrade/module/v1"
	"cosmossdk.io/depinject"
	"cosmossdk.io/depinject/appconfig"

	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/types/module"
	_ "github.com/cosmos/cosmos-sdk/x/auth"           // registers the auth module
	_ "github.com/cosmos/cosmos-sdk/x/auth/tx/config" // registers the tx config module
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	_ "github.com/cosmos/cosmos-sdk/x/bank" // registers the bank module
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	_ "github.com/cosmos/cosmos-sdk/x/consensus" // registers the consensus module
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
	_ "github.com/cosmos/cosmos-sdk/x/distribution" // registers the distribution module
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	_ "github.com/cosmos/cosmos-sdk/x/evidence" // registers the evidence module
	evidencetypes "github.com/cosmos/cosmos-sdk/x/evidence/types"
	"github.com/cosmos/cosmos-sdk/x/genutil"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"
	_ "github.com/cosmos/cosmos-sdk/x/gov" // registers the gov module
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	_ "github.com/cosmos/cosmos-sdk/x/slashing" // registers the slashing module
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	_ "github.com/cosmos/cosmos-sdk/x/staking" // registers the staking module
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
	_ "github.com/cosmos/cosmos-sdk/x/upgrade" // registers the upgrade module
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	evaluationtypes "github.com/don-network/don/x/evaluation/types"
	minttypes "github.com/don-network/don/x/mint/types"
	optimatypes "github.com/don-network/don/x/optima/types"
	weightstypes "github.com/don-network/don/x/weights/types"
)

const (
	// AppName is the name of the application and of its binary.
	AppName = "dond"
	// Bech32Prefix is the account address prefix.
	Bech32Prefix = "don"
	// BondDenom is the staking and fee denom: 1 DON = 10^6 udon.
	BondDenom = "udon"
	// DisplayDenom is the unit wallets show: 1 DON = 10^DisplayDecimals udon.
	DisplayDenom    = "DON"
	DisplayDecimals = 6
)

var (
	// moduleAccPerms are the module accounts and what they may do. There is
	// no SDK mint: DON's x/mint issues coins only for verified optimization work.
	moduleAccPerms = []*authmodulev1.ModuleAccountPermission{
		{Account: minttypes.ModuleName, Permissions: []string{authtypes.Minter}},
		{Account: authtypes.FeeCollectorName},
		{Account: distrtypes.ModuleName},
		{Account: stakingtypes.BondedPoolName, Permissions: []string{authtypes.Burner, stakingtypes.ModuleName}},
		{Account: stakingtypes.NotBondedPoolName, Permissions: []string{authtypes.Burner, stakingtypes.ModuleName}},
		{Account: stakingtypes.KeyRotationFeePoolName, Permissions: []string{authtypes.Burner}},
		{Account: govtypes.ModuleName, Permissions: []string{authtypes.Burner}},
		{Account: optimatypes.ModuleName, Permissions: []string{authtypes.Burner}},
		{Account: evaluationtypes.ModuleName, Permissions: []string{authtypes.Burner}},
	}

	// blockAccAddrs may not receive coins from users.
	blockAccAddrs = []string{
		minttypes.ModuleName,
		authtypes.FeeCollectorName,
		distrtypes.ModuleName,
		stakingtypes.BondedPoolName,
		stakingtypes.NotBondedPoolName,
		stakingtypes.KeyRotationFeePoolName,
		optimatypes.ModuleName,
		evaluationtypes.ModuleName,
	}

	// every module in one list, so the block orders below cannot miss one.
	allModules = []string{
		authtypes.ModuleName,
		banktypes.ModuleName,
		distrtypes.ModuleName,
		stakingtypes.ModuleName,
		slashingtypes.ModuleName,
		govtypes.ModuleName,
		genutiltypes.ModuleName,
		evidencetypes.ModuleName,
		consensustypes.ModuleName,
		upgradetypes.ModuleName,
		// weights and mint before optima: genesis models register with x/weights.
		weightstypes.ModuleName,
		minttypes.ModuleName,
		optimatypes.ModuleName,
		evaluationtypes.ModuleName,
	}

	// The block and genesis orders of the app (runtime config), exported so
	// testutil/donchain runs DON's modules in the same order.
	//
	// BeginBlockers: distribution before slashing so the fee pool is empty
	// when slashing runs; optima first stores this block's beacon.
	BeginBlockers = withRest([]string{
		optimatypes.ModuleName,
		distrtypes.ModuleName,
		slashingtypes.ModuleName,
		evidencetypes.ModuleName,
		stakingtypes.ModuleName,
	})
	// EndBlockers: docs/overview.md, "Block order": optima → evaluation →
	// weights → mint.
	EndBlockers = withRest([]string{
		govtypes.ModuleName,
		stakingtypes.ModuleName,
		optimatypes.ModuleName,
		evaluationtypes.ModuleName,
		weightstypes.ModuleName,
		minttypes.ModuleName,
	})
	// InitGenesisOrder: genutil after staking so gentxs see bonded pools;
	// optima after bank, weights and mint.
	InitGenesisOrder = allModules

	// AppConfig is the depinject configuration of the DON app.
	AppConfig = depinject.Configs(appconfig.Compose(&appv1alpha1.Config{
		Modules: append([]*appv1alpha1.ModuleConfig{
			{
				Name: runtime.ModuleName,
				Config: appconfig.WrapAny(&runtimev1alpha1.Module{
					AppName:       AppName,
					PreBlockers:   []string{upgradetypes.ModuleName, authtypes.ModuleName},
					BeginBlockers: BeginBlockers,
					EndBlockers:   EndBlockers,
					OverrideStoreKeys: []*runtimev1alpha1.StoreKeyConfig{
						{ModuleName: authtypes.ModuleName, KvStoreKey: "acc"},
					},
					InitGenesis: InitGenesisOrder,
				}),
			},
			{
				Name: authtypes.ModuleName,
				Config: appconfig.WrapAny(&authmodulev1.Module{
					Bech32Prefix:             Bech32Prefix,
					ModuleAccountPermissions: moduleAccPerms,
				}),
			},
			{
				Name: banktypes.ModuleName,
				Config: appconfig.WrapAny(&bankmodulev1.Module{
					BlockedModuleAccountsOverride: blockAccAddrs,
				}),
			},
			{
				Name: stakingtypes.ModuleName,
				Config: appconfig.WrapAny(&stakingmodulev1.Module{
					Bech32PrefixValidator: Bech32Prefix + "valoper",
					Bech32PrefixConsensus: Bech32Prefix + "valcons",
				}),
			},
			{Name: slashingtypes.ModuleName, Config: appconfig.WrapAny(&slashingmodulev1.Module{})},
			{Name: "tx", Config: appconfig.WrapAny(&txconfigv1.Config{})},
			{Name: genutiltypes.ModuleName, Config: appconfig.WrapAny(&genutilmodulev1.Module{})},
			{Name: upgradetypes.ModuleName, Config: appconfig.WrapAny(&upgrademodulev1.Module{})},
			{Name: distrtypes.ModuleName, Config: appconfig.WrapAny(&distrmodulev1.Module{})},
			{Name: evidencetypes.ModuleName, Config: appconfig.WrapAny(&evidencemodulev1.Module{})},
			{Name: govtypes.ModuleName, Config: appconfig.WrapAny(&govmodulev1.Module{})},
			{Name: consensustypes.ModuleName, Config: appconfig.WrapAny(&consensusmodulev1.Module{})},
		}, DONModules...),
	}),
		depinject.Supply(
			// genutil's basic module needs its gentx message validator.
			map[string]module.AppModuleBasic{
				genutiltypes.ModuleName: genutil.NewAppModuleBasic(genutiltypes.DefaultMessageValidator),
			},
		),
	)
)

// withRest appends, in allModules order, every module not already in first,
// because the SDK requires each module in every block order.
func withRest(first []string) []string {
	seen := make(map[string]bool, len(first))
	for _, m := range first {
		seen[m] = true
	}
	out := append([]string{}, first...)
	for _, m := range allModules {
		if !seen[m] {
			out = append(out, m)
		}
	}
	return out
}
