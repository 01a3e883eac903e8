package cmd

import (
	cmtcfg "github.com/cometbft/cometbft/config"

	serverconfig "github.com/cosmos/cosmos-sdk/server/config"

	"github.com/don-network/don/app"
)

// initCometBFTConfig returns CometBFT's defaults; devnet scripts shorten the
// block time in config.toml.
func initCometBFTConfig() *cmtcfg.Config {
	return cmtcfg.DefaultConfig()
}

// initAppConfig returns the app.toml template and defaults: a zero minimum
// gas price would let anyone fill blocks for free, so `dond init` writes a
// small udon price (the devnet sets its own in config.yml).
func initAppConfig() (string, any) {
	cfg := serverconfig.DefaultConfig()
	cfg.MinGasPrices = "0.0025" + app.BondDenom
	return serverconfig.DefaultConfigTemplate, cfg
}
