package agent

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// Flags are checked before anything reads the key ring or the node.
func TestConfigFromFlags(t *testing.T) {
	parse := func(args ...string) (Config, error) {
		cmd := Command()
		require.NoError(t, cmd.ParseFlags(args))
		return configFromFlags(cmd)
	}
	cfg, err := parse("--collateral", "10000000udon", "--capacity", "4", "--min-price", "1000", "--poll-interval", "200ms")
	require.NoError(t, err)
	require.Equal(t, int64(10_000_000), cfg.Collateral.Int64())
	require.Equal(t, uint32(4), cfg.Capacity)
	require.Equal(t, int64(1000), cfg.MinPrice.Int64())
	require.Equal(t, 200*time.Millisecond, cfg.PollInterval)
	require.True(t, cfg.Challenge, "challenges by default")

	cfg, err = parse("--challenge=false")
	require.NoError(t, err)
	require.False(t, cfg.Challenge)
	require.True(t, cfg.Collateral.IsZero(), "no registration asked")

	for _, c := range []struct {
		args []string
		err  string
	}{
		{[]string{"--collateral", "5"}, "go together"},
		{[]string{"--capacity", "4"}, "go together"},
		{[]string{"--min-price", "abc"}, "--min-price"},
		{[]string{"--poll-interval", "0s"}, "must be positive"},
		{[]string{"--max-requests", "-1"}, "must not be negative"},
		{[]string{"--collateral", "-5", "--capacity", "1"}, "--collateral"},
	} {
		_, err := parse(c.args...)
		require.ErrorContains(t, err, c.err, c.args)
	}
}
