package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/don-network/don/x/optima/client/cli"
	"github.com/don-network/don/x/optima/types"
)

const (
	regimeAR = "3" // third genesis model of config.yml
	salt     = "000102030405060708090a0b0c0d0e0f"
	bond     = 1_000_000 // commit_bond of the genesis models
)

// TestOptimaEndToEnd drives a real dond node through the CLI, gRPC and
// REST: a clearly better optimum is accepted, a worse one rejected with its
// burn, and an unrevealed commit expires with its bond burned.
func TestOptimaEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real node")
	}
	c := startChain(t)
	alice := c.node.Addresses["alice"]

	conn, err := grpc.NewClient(c.node.GRPC(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	require.NoError(t, err)
	defer conn.Close()
	q := types.NewQueryClient(conn)
	ctx := context.Background()

	t.Run("accepted", func(t *testing.T) {
		good := writeFile(t, `[0, 0, 0.2, 0.5, 0.3]`)
		before := c.balance(alice)
		res := c.tx("alice", "tx", "optima", "commit", regimeAR, good, "--salt", salt)
		committed, ok := res.Event("don.optima.v1.EventOptimumCommitted")
		require.True(t, ok)
		require.Equal(t, before-bond, c.balance(alice))

		c.waitHeight(atoi(t, committed["reveal_from"]))
		res = c.tx("alice", "tx", "optima", "reveal", committed["commit_id"], good, "--salt", salt)
		accepted, ok := res.Event("don.optima.v1.EventOptimumAccepted")
		require.True(t, ok, "no EventOptimumAccepted in %+v", res.Events)
		require.Equal(t, "1", accepted["optimum_id"])
		require.Equal(t, before, c.balance(alice), "bond returned, no fees at 0udon gas price")

		// gRPC sees the new best optimum with the revealed params.
		best, err := q.BestOptimum(ctx, &types.QueryBestOptimumRequest{ModelId: 3})
		require.NoError(t, err)
		want, err := cli.ReadParamsFile(good)
		require.NoError(t, err)
		require.Equal(t, want, best.Optimum.Params)
		require.Equal(t, alice, best.Optimum.Optimizer)
		require.True(t, best.Optimum.Lcb.GTE(best.Optimum.IncumbentLoss.MulInt64(5).QuoInt64(1000)))

		// REST serves the same optimum.
		var rest struct {
			Optimum struct {
				ID        string `json:"id"`
				Optimizer string `json:"optimizer"`
			} `json:"optimum"`
		}
		getJSON(t, c.node.API()+"/don/optima/v1/models/3/best", &rest)
		require.Equal(t, "1", rest.Optimum.ID)
		require.Equal(t, alice, rest.Optimum.Optimizer)

		// A lookup that finds nothing is a 404 with the module's error.
		resp, err := http.Get(c.node.API() + "/don/optima/v1/models/99")
		require.NoError(t, err)
		resp.Body.Close()
		require.Equal(t, http.StatusNotFound, resp.StatusCode)
	})

	t.Run("rejected", func(t *testing.T) {
		worse := writeFile(t, `[0, 0, 0.2, 0.5, 0.31]`) // no better than the new incumbent
		before, supply := c.balance(alice), c.supply()
		res := c.tx("alice", "tx", "optima", "commit", regimeAR, worse, "--salt", salt)
		committed, _ := res.Event("don.optima.v1.EventOptimumCommitted")
		c.waitHeight(atoi(t, committed["reveal_from"]))
		res = c.tx("alice", "tx", "optima", "reveal", committed["commit_id"], worse, "--salt", salt)
		rejected, ok := res.Event("don.optima.v1.EventOptimumRejected")
		require.True(t, ok, "no EventOptimumRejected in %+v", res.Events)
		require.NotEmpty(t, rejected["reason"])
		burned := int64(bond / 5)
		require.Equal(t, before-burned, c.balance(alice))
		require.Equal(t, supply-burned, c.supply())

		var model types.QueryModelResponse
		m, err := q.Model(ctx, &types.QueryModelRequest{ModelId: 3})
		require.NoError(t, err)
		model = *m
		require.Equal(t, uint64(1), model.Model.RejectedCount)
		require.Equal(t, uint64(1), model.Model.BestOptimumId)
	})

	t.Run("expired", func(t *testing.T) {
		spec := writeFile(t, `{"name": "short-window", "domain": "regime-ar", "eval_samples": 64,
			"min_improvement": "0.005", "seed_blocks": 1, "reveal_window": 2,
			"commit_bond": "20000udon", "deposit": "1000000udon"}`)
		res := c.tx("alice", "tx", "optima", "register-model", spec)
		registered, ok := res.Event("don.optima.v1.EventModelRegistered")
		require.True(t, ok)

		params := writeFile(t, `[0, 0, 0, 0.5, 0]`)
		supply := c.supply()
		res = c.tx("alice", "tx", "optima", "commit", registered["model_id"], params, "--salt", salt)
		committed, _ := res.Event("don.optima.v1.EventOptimumCommitted")
		commits, err := q.Commits(ctx, &types.QueryCommitsRequest{Optimizer: alice})
		require.NoError(t, err)
		require.Len(t, commits.Commits, 1)

		c.waitHeight(atoi(t, committed["reveal_until"]) + 1)
		commits, err = q.Commits(ctx, &types.QueryCommitsRequest{Optimizer: alice})
		require.NoError(t, err)
		require.Empty(t, commits.Commits, "expired commit removed")
		require.Equal(t, supply-20_000, c.supply(), "the bond was burned")

		_, err = c.node.Exec("tx", "optima", "reveal", committed["commit_id"], params, "--salt", salt,
			"--from", "alice", "--yes", "--gas", "auto")
		require.ErrorContains(t, err, "already revealed or has expired")
	})
}

func (c *chain) waitHeight(h int64) {
	c.t.Helper()
	require.NoError(c.t, c.node.WaitHeight(h, 60*time.Second))
}

func getJSON(t *testing.T, url string, out any) {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
	require.NoError(t, json.Unmarshal(body, out), fmt.Sprintf("%s: %s", url, body))
}
