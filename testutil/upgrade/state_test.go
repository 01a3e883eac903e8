package upgrade

import (
	"context"
	"encoding/json"
	"sort"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/bech32"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/don-network/don/testutil/devnet"
	"github.com/don-network/don/testutil/nodetest"
	evaluationtypes "github.com/don-network/don/x/evaluation/types"
	minttypes "github.com/don-network/don/x/mint/types"
	optimatypes "github.com/don-network/don/x/optima/types"
	weightstypes "github.com/don-network/don/x/weights/types"
)

// queries are a node's gRPC query clients. The old node answers them too:
// this tree's types decode its answers, a field added since reading as
// its zero value.
type queries struct {
	t *testing.T
	// old: the node runs the old release, which has no mint payouts (it
	// paid every round in full at its close) and no query for them.
	old        bool
	node       *devnet.Node
	conn       *grpc.ClientConn
	bank       banktypes.QueryClient
	optima     optimatypes.QueryClient
	evaluation evaluationtypes.QueryClient
	mint       minttypes.QueryClient
	weights    weightstypes.QueryClient
}

func dial(t *testing.T, node *devnet.Node, old bool) *queries {
	t.Helper()
	conn := nodetest.Dial(t, node)
	return &queries{
		t: t, node: node, conn: conn, old: old,
		bank:       banktypes.NewQueryClient(conn),
		optima:     optimatypes.NewQueryClient(conn),
		evaluation: evaluationtypes.NewQueryClient(conn),
		mint:       minttypes.NewQueryClient(conn),
		weights:    weightstypes.NewQueryClient(conn),
	}
}

// snapshot is the state of the chain's accounts and of DON's modules that
// an upgrade must carry over: everything but what changes by itself from
// block to block (x/weights' demand averages).
type snapshot struct {
	Balances   map[string]sdk.Coins // by key name
	Supply     sdk.Coin
	Models     []optimatypes.Model
	Optima     map[uint64][]optimatypes.Optimum // by model
	Commits    map[string][]optimatypes.Commit  // by key name
	Evaluators []evaluationtypes.EvaluatorInfo
	Requests   []evaluationtypes.Request
	Minter     minttypes.Minter
	Rounds     []minttypes.RoundRecord
	Params     struct {
		Optima     optimatypes.Params
		Evaluation evaluationtypes.Params
		Mint       minttypes.Params
		Weights    weightstypes.Params
	}
}

// keyNames are the node's keyring accounts, sorted.
func (q *queries) keyNames() []string {
	names := make([]string, 0, len(q.node.Addresses))
	for name := range q.node.Addresses {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// snapshot reads the state at height h.
func (q *queries) snapshot(h int64) snapshot {
	t := q.t
	t.Helper()
	ctx := nodetest.At(h)
	s := snapshot{Balances: map[string]sdk.Coins{}, Optima: map[uint64][]optimatypes.Optimum{}, Commits: map[string][]optimatypes.Commit{}}
	for _, name := range q.keyNames() {
		bal, err := q.bank.AllBalances(ctx, &banktypes.QueryAllBalancesRequest{Address: q.node.Addresses[name], Pagination: nodetest.OnePage()})
		require.NoError(t, err)
		s.Balances[name] = bal.Balances
		commits, err := q.optima.Commits(ctx, &optimatypes.QueryCommitsRequest{Optimizer: q.node.Addresses[name], Pagination: nodetest.OnePage()})
		require.NoError(t, err)
		nodetest.RequireLastPage(t, commits.Pagination)
		s.Commits[name] = commits.Commits
	}
	supply, err := q.bank.SupplyOf(ctx, &banktypes.QuerySupplyOfRequest{Denom: "udon"})
	require.NoError(t, err)
	s.Supply = supply.Amount

	models, err := q.optima.Models(ctx, &optimatypes.QueryModelsRequest{Pagination: nodetest.OnePage()})
	require.NoError(t, err)
	nodetest.RequireLastPage(t, models.Pagination)
	s.Models = models.Models
	for _, m := range models.Models {
		optima, err := q.optima.Optima(ctx, &optimatypes.QueryOptimaRequest{ModelId: m.Id, Pagination: nodetest.OnePage()})
		require.NoError(t, err)
		nodetest.RequireLastPage(t, optima.Pagination)
		s.Optima[m.Id] = optima.Optima
	}
	evaluators, err := q.evaluation.Evaluators(ctx, &evaluationtypes.QueryEvaluatorsRequest{Pagination: nodetest.OnePage()})
	require.NoError(t, err)
	nodetest.RequireLastPage(t, evaluators.Pagination)
	s.Evaluators = evaluators.Evaluators
	requests, err := q.evaluation.Requests(ctx, &evaluationtypes.QueryRequestsRequest{Pagination: nodetest.OnePage()})
	require.NoError(t, err)
	nodetest.RequireLastPage(t, requests.Pagination)
	s.Requests = requests.Requests

	status, err := q.mint.Status(ctx, &minttypes.QueryStatusRequest{})
	require.NoError(t, err)
	s.Minter = status.Minter
	rounds, err := q.mint.Rounds(ctx, &minttypes.QueryRoundsRequest{Pagination: nodetest.OnePage()})
	require.NoError(t, err)
	nodetest.RequireLastPage(t, rounds.Pagination)
	s.Rounds = rounds.Rounds

	op, err := q.optima.Params(ctx, &optimatypes.QueryParamsRequest{})
	require.NoError(t, err)
	ep, err := q.evaluation.Params(ctx, &evaluationtypes.QueryParamsRequest{})
	require.NoError(t, err)
	mp, err := q.mint.Params(ctx, &minttypes.QueryParamsRequest{})
	require.NoError(t, err)
	wp, err := q.weights.Params(ctx, &weightstypes.QueryParamsRequest{})
	require.NoError(t, err)
	s.Params.Optima, s.Params.Evaluation, s.Params.Mint, s.Params.Weights = op.Params, ep.Params, mp.Params, wp.Params
	return s
}

// requireSameState compares two snapshots as JSON (decimals and integers
// by value, whatever their internal form), with a diff on failure.
func requireSameState(t *testing.T, want, got snapshot, msgAndArgs ...any) {
	t.Helper()
	w, err := json.MarshalIndent(want, "", " ")
	require.NoError(t, err)
	g, err := json.MarshalIndent(got, "", " ")
	require.NoError(t, err)
	require.JSONEq(t, string(w), string(g), msgAndArgs...)
}

// moduleAddr is a module account's address with the chain's prefix (that
// of the keyring's addresses).
func (q *queries) moduleAddr(module string) string {
	prefix, _, err := bech32.DecodeAndConvert(q.node.Addresses["validator"])
	require.NoError(q.t, err)
	addr, err := bech32.ConvertAndEncode(prefix, authtypes.NewModuleAddress(module))
	require.NoError(q.t, err)
	return addr
}

func (q *queries) udon(ctx context.Context, addr string) sdkmath.Int {
	q.t.Helper()
	res, err := q.bank.Balance(ctx, &banktypes.QueryBalanceRequest{Address: addr, Denom: "udon"})
	require.NoError(q.t, err)
	return res.Balance.Amount
}

// checkInvariants checks at height h, through the public queries, the
// invariants of docs/invariants.md that they can see (the node itself, run
// with don.check-invariants, checks them all in every block): what x/optima
// and x/evaluation hold is what they owe, x/mint issued what it paid or
// still owes and holds just that, every round record adds up, and weights
// and role shares sum to 1.
func (q *queries) checkInvariants(h int64) {
	t := q.t
	t.Helper()
	ctx := nodetest.At(h)
	s := q.snapshot(h)

	optima := sdkmath.ZeroInt()
	for _, commits := range s.Commits {
		for _, c := range commits {
			optima = optima.Add(c.Bond.Amount)
		}
	}
	for _, m := range s.Models {
		if m.Status == optimatypes.MODEL_STATUS_ACTIVE {
			optima = optima.Add(m.Deposit.Amount)
		}
	}
	require.Equal(t, optima.String(), q.udon(ctx, q.moduleAddr(optimatypes.ModuleName)).String(), "x/optima holds the open bonds and the deposits")

	evaluation := sdkmath.ZeroInt()
	for _, r := range s.Requests {
		if !r.Status.IsFinal() {
			evaluation = evaluation.Add(r.MaxFee)
		}
	}
	for _, ev := range s.Evaluators {
		evaluation = evaluation.Add(ev.Evaluator.Collateral)
	}
	require.Equal(t, evaluation.String(), q.udon(ctx, q.moduleAddr(evaluationtypes.ModuleName)).String(), "x/evaluation holds the escrows and the collateral")

	owed := sdkmath.ZeroInt()
	if !q.old {
		payouts, err := q.mint.Payouts(ctx, &minttypes.QueryPayoutsRequest{Pagination: nodetest.OnePage()})
		require.NoError(t, err)
		nodetest.RequireLastPage(t, payouts.Pagination)
		for _, p := range payouts.Payouts {
			owed = owed.Add(p.Unpaid())
		}
	}
	require.Equal(t, s.Minter.MintedTotal.String(), s.Minter.PaidTotal.Add(owed).String(), "minted_total = paid_total + what payouts owe")
	require.Equal(t, owed.String(), q.udon(ctx, q.moduleAddr(minttypes.ModuleName)).String(), "x/mint holds what its payouts owe")
	for _, r := range s.Rounds {
		require.NoError(t, r.Validate(), "round %d", r.Round)
	}

	nodetest.RequireWeightsSumToOne(ctx, t, q.weights)
}

// moduleVersions is `q upgrade module-versions`: consensus version by module.
func (c *chain) moduleVersions() map[string]string {
	c.t.Helper()
	var res struct {
		ModuleVersions []struct {
			Name    string `json:"name"`
			Version string `json:"version"`
		} `json:"module_versions"`
	}
	nodetest.CLI(c.t, c.node, &res, "query", "upgrade", "module-versions")
	out := map[string]string{}
	for _, m := range res.ModuleVersions {
		out[m.Name] = m.Version
	}
	require.NotEmpty(c.t, out)
	return out
}

// keyCoins is a key's udon in a snapshot.
func keyCoins(s snapshot, name string) int64 {
	return s.Balances[name].AmountOf("udon").Int64()
}
