// Package app wires the DON application: the Cosmos SDK modules DON keeps
// and DON's own modules, through depinject (see app_config.go).
package app

import (
	"fmt"
	"os"
	"path/filepath"

	"cosmossdk.io/depinject"
	"cosmossdk.io/log/v2"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/spf13/cast"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/server"
	"github.com/cosmos/cosmos-sdk/server/api"
	"github.com/cosmos/cosmos-sdk/server/config"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	consensuskeeper "github.com/cosmos/cosmos-sdk/x/consensus/keeper"
	distrkeeper "github.com/cosmos/cosmos-sdk/x/distribution/keeper"
	evidencekeeper "github.com/cosmos/cosmos-sdk/x/evidence/keeper"
	govkeeper "github.com/cosmos/cosmos-sdk/x/gov/keeper"
	slashingkeeper "github.com/cosmos/cosmos-sdk/x/slashing/keeper"
	stakingkeeper "github.com/cosmos/cosmos-sdk/x/staking/keeper"
	upgradekeeper "github.com/cosmos/cosmos-sdk/x/upgrade/keeper"

	"github.com/don-network/don/app/dashboard"
	evaluationkeeper "github.com/don-network/don/x/evaluation/keeper"
	mintkeeper "github.com/don-network/don/x/mint/keeper"
	optimakeeper "github.com/don-network/don/x/optima/keeper"
	weightskeeper "github.com/don-network/don/x/weights/keeper"
)

// DefaultNodeHome is the default home of dond: ~/.don.
var DefaultNodeHome string

var (
	_ runtime.AppI            = (*App)(nil)
	_ servertypes.Application = (*App)(nil)
)

func init() {
	home, err := os.UserHomeDir()
	if err != nil {
		home = "."
	}
	DefaultNodeHome = filepath.Join(home, ".don")
	ScopeSDKConfig()
	SetAddressPrefixes()
}

// ConfigScope is the process's scope of the SDK's global config.
const ConfigScope = "dond"

// ScopeSDKConfig fixes the scope of sdk.GetConfig unless the environment
// already sets one. Without it the SDK derives the scope on every call
// from the host name, the executable path and the pid — two system calls
// and a global lock per bech32 conversion, which made up about a quarter of
// x/evaluation's settlement time (BenchmarkEndBlock: 247 → 182 ms for
// 1,000 settlements). It runs in this package's init, before anything sets
// or reads the prefixes.
func ScopeSDKConfig() {
	if os.Getenv(sdk.EnvConfigScope) == "" {
		_ = os.Setenv(sdk.EnvConfigScope, ConfigScope)
	}
}

// SetAddressPrefixes sets the global bech32 prefixes that parts of the SDK
// still read from sdk.GetConfig.
func SetAddressPrefixes() {
	cfg := sdk.GetConfig()
	cfg.SetBech32PrefixForAccount(Bech32Prefix, Bech32Prefix+"pub")
	cfg.SetBech32PrefixForValidator(Bech32Prefix+"valoper", Bech32Prefix+"valoperpub")
	cfg.SetBech32PrefixForConsensusNode(Bech32Prefix+"valcons", Bech32Prefix+"valconspub")
}

// App is the DON application.
type App struct {
	*runtime.App
	legacyAmino       *codec.LegacyAmino
	appCodec          codec.Codec
	txConfig          client.TxConfig
	interfaceRegistry codectypes.InterfaceRegistry
	dashboard         dashboard.Options

	AccountKeeper         authkeeper.AccountKeeper
	BankKeeper            bankkeeper.Keeper
	StakingKeeper         *stakingkeeper.Keeper
	SlashingKeeper        slashingkeeper.Keeper
	DistrKeeper           distrkeeper.Keeper
	GovKeeper             *govkeeper.Keeper
	UpgradeKeeper         *upgradekeeper.Keeper
	EvidenceKeeper        evidencekeeper.Keeper
	ConsensusParamsKeeper consensuskeeper.Keeper
	OptimaKeeper          *optimakeeper.Keeper
	WeightsKeeper         *weightskeeper.Keeper
	MintKeeper            *mintkeeper.Keeper
	EvaluationKeeper      *evaluationkeeper.Keeper

	sm *module.SimulationManager
}

// New returns the DON application, loaded at the latest height when
// loadLatest is set.
func New(
	logger log.Logger,
	db dbm.DB,
	loadLatest bool,
	appOpts servertypes.AppOptions,
	baseAppOptions ...func(*baseapp.BaseApp),
) (*App, error) {
	var (
		app        = &App{}
		appBuilder *runtime.AppBuilder
	)
	if err := depinject.Inject(
		depinject.Configs(AppConfig, depinject.Supply(appOpts, logger)),
		&appBuilder,
		&app.appCodec,
		&app.legacyAmino,
		&app.txConfig,
		&app.interfaceRegistry,
		&app.AccountKeeper,
		&app.BankKeeper,
		&app.StakingKeeper,
		&app.SlashingKeeper,
		&app.DistrKeeper,
		&app.GovKeeper,
		&app.UpgradeKeeper,
		&app.EvidenceKeeper,
		&app.ConsensusParamsKeeper,
		&app.OptimaKeeper,
		&app.WeightsKeeper,
		&app.MintKeeper,
		&app.EvaluationKeeper,
	); err != nil {
		return nil, fmt.Errorf("wire app: %w", err)
	}

	app.App = appBuilder.Build(db, baseAppOptions...)
	app.sm = newSimulationManager(app)
	if err := app.Load(false); err != nil {
		return nil, fmt.Errorf("load app: %w", err)
	}
	if err := app.registerUpgrades(); err != nil {
		return nil, err
	}
	app.dashboard = dashboard.OptionsFrom(appOpts)
	if cast.ToBool(appOpts.Get(FlagCheckInvariants)) {
		app.SetEndBlocker(app.endBlockCheckingInvariants)
	}
	if loadLatest {
		if err := app.LoadLatestVersion(); err != nil {
			return nil, fmt.Errorf("load app: %w", err)
		}
	}
	return app, nil
}

// LegacyAmino returns the amino codec.
func (app *App) LegacyAmino() *codec.LegacyAmino { return app.legacyAmino }

// AppCodec returns the app codec.
func (app *App) AppCodec() codec.Codec { return app.appCodec }

// InterfaceRegistry returns the interface registry.
func (app *App) InterfaceRegistry() codectypes.InterfaceRegistry { return app.interfaceRegistry }

// TxConfig returns the tx config.
func (app *App) TxConfig() client.TxConfig { return app.txConfig }

// RegisterAPIRoutes registers the REST routes, swagger included when enabled.
func (app *App) RegisterAPIRoutes(apiSvr *api.Server, apiConfig config.APIConfig) {
	app.App.RegisterAPIRoutes(apiSvr, apiConfig)
	if err := server.RegisterSwaggerAPI(apiSvr.ClientCtx, apiSvr.Router, apiConfig.Swagger); err != nil {
		panic(err)
	}
	if app.dashboard.Enable {
		if err := dashboard.Register(apiSvr.Router, app.dashboard, app.chainForWallets); err != nil {
			panic(err)
		}
	}
}

// chainForWallets describes the chain for the dashboard's Keplr chain-info.
func (app *App) chainForWallets() dashboard.Chain {
	return dashboard.Chain{
		ChainID:      app.ChainID(),
		Bech32Prefix: Bech32Prefix,
		Denom:        BondDenom,
		DisplayDenom: DisplayDenom,
		Decimals:     DisplayDecimals,
	}
}
