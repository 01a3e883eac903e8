package e2e

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"

	"github.com/don-network/don/testutil/devnet"
	"github.com/don-network/don/x/optima/types"
)

// TestGenesisExportImport stops a node that has an accepted optimum and an
// open commit, exports its state with `dond export`, starts a new node from
// that genesis and checks that x/optima's state is the same there.
func TestGenesisExportImport(t *testing.T) {
	if testing.Short() {
		t.Skip("starts two real nodes")
	}
	c := startChain(t)
	params := writeFile(t, `[0, 0, 0.2, 0.5, 0.3]`)
	res := c.tx("alice", "tx", "optima", "commit", regimeAR, params, "--salt", salt)
	committed, _ := res.Event("don.optima.v1.EventOptimumCommitted")
	c.waitHeight(atoi(t, committed["reveal_from"]))
	c.tx("alice", "tx", "optima", "reveal", committed["commit_id"], params, "--salt", salt)
	c.tx("alice", "tx", "optima", "commit", regimeAR, params, "--salt", salt) // left open
	require.NoError(t, c.proc.Stop())

	exported, err := c.node.Exec("export")
	require.NoError(t, err)
	var doc struct {
		InitialHeight int64 `json:"initial_height"`
		AppState      struct {
			Optima json.RawMessage `json:"optima"`
		} `json:"app_state"`
	}
	require.NoError(t, json.Unmarshal([]byte(exported), &doc))
	var before types.GenesisState
	require.NoError(t, codec.NewProtoCodec(codectypes.NewInterfaceRegistry()).UnmarshalJSON(doc.AppState.Optima, &before))
	require.Len(t, before.Models, 3)
	require.Len(t, before.Optima, 4, "three optima 0 and the accepted one")
	require.Len(t, before.Commits, 1)

	// A second home with the same validator key and the exported genesis.
	home := t.TempDir()
	ports, err := devnet.ResolvePorts(devnet.Ports{})
	require.NoError(t, err)
	restarted := &devnet.Node{Binary: c.node.Binary, Home: home, ChainID: c.node.ChainID, Ports: ports}
	_, err = restarted.Exec("init", "restarted", "--chain-id", c.node.ChainID)
	require.NoError(t, err)
	for _, f := range []string{"priv_validator_key.json", "node_key.json"} {
		copyFile(t, filepath.Join(c.node.Home, "config", f), filepath.Join(home, "config", f))
	}
	require.NoError(t, os.WriteFile(filepath.Join(home, "config", "genesis.json"), []byte(exported), 0o600))
	require.NoError(t, restarted.WriteConfigs(c.cfg))
	proc, err := restarted.Start(filepath.Join(home, "node.log"))
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, proc.Stop()) })
	require.NoError(t, restarted.WaitHeight(doc.InitialHeight+1, 60*time.Second))

	conn, err := grpc.NewClient(restarted.GRPC(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	require.NoError(t, err)
	defer conn.Close()
	q := types.NewQueryClient(conn)
	ctx := context.Background()
	for _, m := range before.Models {
		got, err := q.Model(ctx, &types.QueryModelRequest{ModelId: m.Id})
		require.NoError(t, err)
		require.Equal(t, m, got.Model)
	}
	optima, err := q.Optima(ctx, &types.QueryOptimaRequest{ModelId: 3})
	require.NoError(t, err)
	var want []types.Optimum
	for _, o := range before.Optima {
		if o.ModelId == 3 {
			want = append(want, o)
		}
	}
	require.Equal(t, want, optima.Optima)
	commits, err := q.Commits(ctx, &types.QueryCommitsRequest{Optimizer: c.node.Addresses["alice"]})
	require.NoError(t, err)
	require.Equal(t, before.Commits, commits.Commits)
}

func copyFile(t *testing.T, from, to string) {
	bz, err := os.ReadFile(from)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(to, bz, 0o600))
}
