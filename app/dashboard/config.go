// Package dashboard serves DON's network dashboard and its Keplr chain
// description from the node's API server (docs/dashboard.md). The page is
// embedded in the binary and reads only public REST endpoints, so the same
// page works against any node.
package dashboard

import (
	"github.com/spf13/cast"

	servertypes "github.com/cosmos/cosmos-sdk/server/types"
)

// App options, read from the [dashboard] section of app.toml.
const (
	FlagEnable  = "dashboard.enable"
	FlagRPCURL  = "dashboard.rpc-url"
	FlagRESTURL = "dashboard.rest-url"
)

// Config is the [dashboard] section of app.toml.
type Config struct {
	// Enable serves /dashboard/ on the API server (which must be enabled).
	Enable bool `mapstructure:"enable"`
	// RPCURL and RESTURL are the addresses a wallet should use, written into
	// the chain description. Empty: RPC is derived from the node's rpc.laddr
	// and REST from the address the browser used to reach the dashboard.
	RPCURL  string `mapstructure:"rpc-url"`
	RESTURL string `mapstructure:"rest-url"`
}

// DefaultConfig is off: a production node serves no page unless asked.
func DefaultConfig() Config { return Config{} }

// ConfigTemplate is the [dashboard] section appended to app.toml's template.
const ConfigTemplate = `
###############################################################################
###                           DON Dashboard                                 ###
###############################################################################

[dashboard]

# Serve the network dashboard at /dashboard/ and the Keplr chain description
# at /dashboard/chain-info.json on the API server (api.enable must be true).
# The page is embedded in dond and reads only public REST endpoints.
enable = {{ .Dashboard.Enable }}

# Public addresses written into the chain description for wallets. Empty:
# RPC comes from rpc.laddr and REST from the address the browser used.
rpc-url = "{{ .Dashboard.RPCURL }}"
rest-url = "{{ .Dashboard.RESTURL }}"
`

// nodeOptions are the other app options the chain description reads.
const (
	optRPCListen   = "rpc.laddr"
	optMinGasPrice = "minimum-gas-prices"
)

// Options is what the dashboard needs from the node's app options.
type Options struct {
	Config
	RPCListen    string
	MinGasPrices string
}

// OptionsFrom reads the dashboard's settings from the node's app options.
func OptionsFrom(appOpts servertypes.AppOptions) Options {
	return Options{
		Config: Config{
			Enable:  cast.ToBool(appOpts.Get(FlagEnable)),
			RPCURL:  cast.ToString(appOpts.Get(FlagRPCURL)),
			RESTURL: cast.ToString(appOpts.Get(FlagRESTURL)),
		},
		RPCListen:    cast.ToString(appOpts.Get(optRPCListen)),
		MinGasPrices: cast.ToString(appOpts.Get(optMinGasPrice)),
	}
}
