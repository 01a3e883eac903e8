package cmd

import (
	cmtcfg "github.com/cometbft/cometbft/config"

	serverconfig "github.com/cosmos/cosmos-sdk/server/config"

	"github.com/don-network/don/app"
	"github.com/don-network/don/app/dashboard"
)

// initCometBFTConfig returns CometBFT's defaults; devnet scripts shorten the
// block time in config.toml.
func initCometBFTConfig() *cmtcfg.Config {
	return cmtcfg.DefaultConfig()
}

// appConfig is app.toml: the SDK's sections and DON's [dashboard].
type appConfig struct {
	serverconfig.Config `mapstructure:",squash"`
	Dashboard           dashboard.Config `mapstructure:"dashboard"`
}

// initAppConfig returns the app.toml template and defaults: a zero minimum
// gas price would let anyone fill blocks for free, so `dond init` writes a
// small udon price (the devnet sets its own in config.yml). The dashboard is
// off; the devnet and localnet turn it on.
func initAppConfig() (string, any) {
	cfg := appConfig{Config: *serverconfig.DefaultConfig(), Dashboard: dashboard.DefaultConfig()}
	cfg.MinGasPrices = "0.0025" + app.BondDenom
	return serverconfig.DefaultConfigTemplate + dashboard.ConfigTemplate, cfg
}
