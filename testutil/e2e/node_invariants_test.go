package e2e

import (
	"context"
	"sort"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/testutil/nodetest"
	evaluationtypes "github.com/don-network/don/x/evaluation/types"
	minttypes "github.com/don-network/don/x/mint/types"
	optimatypes "github.com/don-network/don/x/optima/types"
)

// checkNodeInvariants checks on a node, through its public queries at ctx's
// height, the invariants of docs/invariants.md that queries can see: the
// node runs no invariant checks itself (no block does), and the keepers'
// CheckInvariants need the store.
func (m *mirror) checkNodeInvariants(ctx context.Context) {
	t := m.t
	t.Helper()
	held := func(module string) sdkmath.Int { return m.nodeBalance(ctx, moduleAddr(t, m.w, module)) }

	// 6. x/optima's balance = open commit bonds + active models' deposits.
	// Commits are listed per optimizer: every key of this chain's keyring.
	optima := sdkmath.ZeroInt()
	names := make([]string, 0, len(m.c.node.Addresses))
	for name := range m.c.node.Addresses {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		res, err := m.optima.Commits(ctx, &optimatypes.QueryCommitsRequest{Optimizer: m.c.node.Addresses[name],
			Pagination: nodetest.OnePage()})
		require.NoError(t, err)
		nodetest.RequireLastPage(t, res.Pagination)
		for _, c := range res.Commits {
			optima = optima.Add(c.Bond.Amount)
		}
	}
	models, err := m.optima.Models(ctx, &optimatypes.QueryModelsRequest{Pagination: nodetest.OnePage()})
	require.NoError(t, err)
	nodetest.RequireLastPage(t, models.Pagination)
	for _, model := range models.Models {
		if model.Status == optimatypes.MODEL_STATUS_ACTIVE {
			optima = optima.Add(model.Deposit.Amount)
		}
	}
	require.Equal(t, optima.String(), held(optimatypes.ModuleName).String(), "x/optima balance = open bonds + deposits")

	// 7. x/evaluation's balance = escrows of requests not final + collateral
	// (challenge bonds resolve in their own tx).
	evaluation := sdkmath.ZeroInt()
	requests, err := m.evaluation.Requests(ctx, &evaluationtypes.QueryRequestsRequest{Pagination: nodetest.OnePage()})
	require.NoError(t, err)
	nodetest.RequireLastPage(t, requests.Pagination)
	for _, r := range requests.Requests {
		if !r.Status.IsFinal() {
			evaluation = evaluation.Add(r.MaxFee)
		}
	}
	evaluators, err := m.evaluation.Evaluators(ctx, &evaluationtypes.QueryEvaluatorsRequest{Pagination: nodetest.OnePage()})
	require.NoError(t, err)
	nodetest.RequireLastPage(t, evaluators.Pagination)
	for _, ev := range evaluators.Evaluators {
		evaluation = evaluation.Add(ev.Evaluator.Collateral)
	}
	require.Equal(t, evaluation.String(), held(evaluationtypes.ModuleName).String(), "x/evaluation balance = escrows + collateral")

	// 1–4. x/mint: minted = paid, the module account empty between blocks,
	// every round record adds up and respects the evaluator cap.
	status, err := m.mint.Status(ctx, &minttypes.QueryStatusRequest{})
	require.NoError(t, err)
	require.Equal(t, status.Minter.MintedTotal.String(), status.Minter.PaidTotal.String(), "minted_total = paid_total")
	require.True(t, held(minttypes.ModuleName).IsZero(), "x/mint's account is empty")
	rounds, err := m.mint.Rounds(ctx, &minttypes.QueryRoundsRequest{})
	require.NoError(t, err)
	for _, r := range rounds.Rounds {
		paid := r.OptimizerPaid.Add(r.EvaluatorPaid).Add(r.ValidatorPaid).Add(r.CommunityPaid)
		require.Equal(t, r.Coinbase.Sub(r.EvaluatorHeldBack).String(), r.Minted.String(), "round %d: minted = coinbase − held back", r.Round)
		require.Equal(t, r.Minted.String(), paid.String(), "round %d: minted = paid", r.Round)
		require.True(t, sdkmath.LegacyNewDecFromInt(r.EvaluatorPaid).LTE(r.EvaluatorMintPerBurn.Mul(r.EvaluatorWork)), "round %d: evaluator cap", r.Round)
	}

	// 10, 13. Weights and role shares sum to exactly 1.
	nodetest.RequireWeightsSumToOne(ctx, t, m.weights)
}
