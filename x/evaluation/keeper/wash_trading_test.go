package keeper_test

import (
	"fmt"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/testutil/donchain"
	"github.com/don-network/don/testutil/fixture"
	"github.com/don-network/don/x/evaluation/types"
	minttypes "github.com/don-network/don/x/mint/types"
)

// washRound plays one round in which a self-dealer (client, evaluator and
// optimizer of the pinned optimum at once, so even the royalty comes back
// to it) requests n evaluations at the minimum fee from itself, claims and
// answers them correctly and lets them settle; honest evaluators with
// reputation 0.1 (if any) serve an honest client meanwhile; then another
// optimizer closes the round. It returns the self-dealer's net balance
// change over the round (collateral excluded: it is locked before and
// after) and the round's record.
func washRound(t *testing.T, n int, selfRep string, honest int) (sdkmath.Int, minttypes.RoundRecord, sdkmath.Int) {
	c := donchain.New(t, donchain.Options{
		Models: 2,
		// Every accepted optimum closes a round: round 1 is the self-dealer's
		// own improvement, round 2 the measured one. A coinbase of a tenth
		// of the remaining supply (~2·10¹² udon) is over 10⁶ times the fees
		// of 1,000 minimum-fee requests.
		Mint: func(gs *minttypes.GenesisState) {
			gs.Params.InitialDifficulty = sdkmath.LegacyNewDecWithPrec(1, 2)
			gs.Params.EmissionRate = sdkmath.LegacyNewDecWithPrec(1, 1)
		},
		Evaluation: func(gs *types.GenesisState) {
			gs.Params.MinReputation = sdkmath.LegacyNewDecWithPrec(5, 2) // let 0.1-reputation evaluators claim
		},
	})
	e := &env{Chain: c, t: t}
	wash := e.newAccount("wash", funds)
	client := e.newAccount("client", funds)
	opt := e.newAccount("optimizer", funds)
	good := fixture.Fixed(t, "0", "0", "0.2", "0.5", "0.3")

	// Round 1: the self-dealer improves model 1, so the optimum pinned to
	// its requests (and its royalty) is its own.
	e.Improve(wash.addr, wash.str, 1, good)
	e.EndBlock()
	require.Equal(t, uint64(2), e.minter().Round)

	e.register(wash, 10*collateral, uint32(max(n, 1)))
	setReputation(e, wash, selfRep)
	var honestEvs []account
	for i := 0; i < honest; i++ {
		a := e.newAccount(fmt.Sprintf("honest%d", i), funds)
		e.register(a, collateral, 10)
		setReputation(e, a, "0.1")
		honestEvs = append(honestEvs, a)
	}
	before := e.Balance(wash.addr)
	minFee := e.params().MinFee

	var last int64
	var burned sdkmath.Int = sdkmath.ZeroInt()
	for i := 0; i < n; i++ {
		msg := e.requestMsg(wash, 1)
		msg.MaxFee = minFee
		res, err := e.EvaluationMsg.RequestEvaluation(e.Ctx, msg)
		require.NoError(t, err)
		price := e.mustClaim(wash, res.RequestId)
		burned = burned.Add(e.params().DemandBurnFraction.MulInt(price).TruncateInt())
		last = e.mustSubmit(wash, res.RequestId)
	}
	for _, a := range honestEvs {
		for j := 0; j < 3; j++ {
			// On model 2, whose royalty is not the self-dealer's: its honest
			// income as an optimizer is not what this test measures.
			msg := e.requestMsg(client, 2)
			msg.ModelId = 2
			res, err := e.EvaluationMsg.RequestEvaluation(e.Ctx, msg)
			require.NoError(t, err)
			id := res.RequestId
			e.mustClaim(a, id)
			last = max(last, e.mustSubmit(a, id))
		}
	}
	e.EndBlocksUntil(last + 1)
	for e.pendingSettlements() {
		e.EndBlock()
	}
	require.Equal(t, uint64(2), e.minter().Round, "no close yet: evaluator work never closes a round")

	// Another optimizer closes round 2.
	e.Improve(opt.addr, opt.str, 2, good)
	e.EndBlock()
	rec, err := e.Mint.Rounds.Get(e.Ctx, 2)
	require.NoError(t, err)
	require.NoError(t, rec.Validate())
	return e.Balance(wash.addr).Sub(before), rec, burned
}

// setReputation sets an evaluator's reputation directly (earned earlier).
func setReputation(e *env, a account, r string) {
	ev := e.evaluator(a)
	ev.Reputation = sdkmath.LegacyMustNewDecFromStr(r)
	require.NoError(e.t, e.Evaluation.Evaluators.Set(e.Ctx, a.addr, ev))
}

// pendingSettlements reports whether any request is still submitted.
func (e *env) pendingSettlements() bool {
	pending := false
	require.NoError(e.t, e.Evaluation.Requests.Walk(e.Ctx, nil, func(_ uint64, r types.Request) (bool, error) {
		pending = r.Status == types.REQUEST_STATUS_SUBMITTED
		return pending, nil
	}))
	return pending
}

func (e *env) minter() minttypes.Minter {
	m, err := e.Mint.Minter.Get(e.Ctx)
	require.NoError(e.t, err)
	return m
}

// Wash trading loses money: an evaluator that pays itself for N requests
// ends the round poorer, whatever N, with a coinbase over 10⁶ times the
// fees, and when it has reputation 1 while every honest evaluator has 0.1.
// (Before the cap, one 1,000-udon self-dealt request was minted the whole
// evaluator share of a 2,100 DON coinbase: +420,000,000 udon.)
func TestWashTradingLosesMoney(t *testing.T) {
	for _, tc := range []struct {
		n       int
		selfRep string
		honest  int
	}{
		{1, "0.5", 0}, {10, "0.5", 0}, {1000, "0.5", 0},
		{1, "1", 3}, {10, "1", 3}, {1000, "1", 3},
	} {
		t.Run(fmt.Sprintf("n=%d rep=%s honest=%d", tc.n, tc.selfRep, tc.honest), func(t *testing.T) {
			net, rec, burned := washRound(t, tc.n, tc.selfRep, tc.honest)
			fees := sdkmath.NewInt(int64(tc.n) * 1_000)
			require.True(t, rec.Coinbase.GT(fees.MulRaw(1_000_000)), "coinbase %s vs fees %s", rec.Coinbase, fees)
			require.True(t, net.IsNegative(), "self-dealing %d requests paid %s", tc.n, net)
			// It loses at least half of what it burned: the pool returns at
			// most evaluator_mint_per_burn (0.5) × burned × reputation ≤ 1.
			require.True(t, net.Neg().GTE(burned.QuoRaw(2)), "net %s, burned %s", net, burned)
			require.True(t, rec.EvaluatorPaid.LTE(rec.EvaluatorMintPerBurn.Mul(rec.EvaluatorWork).TruncateInt()))
			require.True(t, rec.EvaluatorHeldBack.IsPositive(), "the cap held back most of the evaluator share")
			t.Logf("n=%d: net %s udon (%s per request), burned %s; evaluators paid %s of a %s coinbase, %s held back",
				tc.n, net, net.ToLegacyDec().QuoInt64(int64(tc.n)), burned, rec.EvaluatorPaid, rec.Coinbase, rec.EvaluatorHeldBack)
		})
	}
}
