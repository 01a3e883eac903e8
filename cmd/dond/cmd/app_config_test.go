package cmd

import (
	"path/filepath"
	"testing"

	"github.com/spf13/viper"
	"github.com/stretchr/testify/require"

	serverconfig "github.com/cosmos/cosmos-sdk/server/config"

	"github.com/don-network/don/app/dashboard"
)

// The app.toml that `dond init` writes has the [dashboard] section, off: a
// production node serves no page unless its operator turns it on.
func TestAppTomlDashboardOffByDefault(t *testing.T) {
	template, cfg := initAppConfig()
	serverconfig.SetConfigTemplate(template)
	path := filepath.Join(t.TempDir(), "app.toml")
	serverconfig.WriteConfigFile(path, cfg)

	v := viper.New()
	v.SetConfigFile(path)
	require.NoError(t, v.ReadInConfig())
	require.True(t, v.IsSet(dashboard.FlagEnable), "app.toml has no %s", dashboard.FlagEnable)
	opts := dashboard.OptionsFrom(v)
	require.False(t, opts.Enable)
	require.Empty(t, opts.RPCURL)
	require.Empty(t, opts.RESTURL)
	require.Equal(t, "0.0025udon", opts.MinGasPrices, "the SDK's sections are still there")
}
