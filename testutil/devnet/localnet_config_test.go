package devnet

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestLocalnetConfig(t *testing.T) {
	cfg, err := LoadConfig(filepath.Join("..", "..", "config.yml"))
	require.NoError(t, err)
	require.Equal(t, DefaultLocalnetValidators, cfg.Localnet.Validators)

	stakes, err := localnetStakes(cfg, 4)
	require.NoError(t, err)
	require.Equal(t, []string{cfg.Validator.Stake, cfg.Validator.Stake, cfg.Validator.Stake, cfg.Validator.Stake}, stakes)

	cfg.Localnet.Stakes = []string{"3udon", "2udon", "1udon"}
	stakes, err = localnetStakes(cfg, 3)
	require.NoError(t, err)
	require.Equal(t, cfg.Localnet.Stakes, stakes)
	_, err = localnetStakes(cfg, 4)
	require.EqualError(t, err, "localnet.stakes has 3 entries for 4 validators")
	_, err = localnetStakes(cfg, 0)
	require.Error(t, err)
}

func TestOffsetPorts(t *testing.T) {
	// Node i of `make localnet`: every default port + 100·i; zero stays free.
	require.Equal(t, Ports{RPC: 26957, P2P: 26956, GRPC: 9390, API: 0},
		offsetPorts(Ports{RPC: 26657, P2P: 26656, GRPC: 9090}, 3*portStride))
}
