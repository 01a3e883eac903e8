package keeper_test

import (
	"testing"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/testutil/fixture"
	"github.com/don-network/don/x/mint/types"
)

// The evaluator pool of a round is min(evaluator share × coinbase,
// evaluator_mint_per_burn × W_e), paid pro rata of work: every evaluator
// receives at most evaluator_mint_per_burn × its own work (burned udon ×
// reputation), and the held-back part is not minted.
func TestEvaluatorPoolIsCappedByBurnedWork(t *testing.T) {
	e := newEnv(t, nil)
	a, _ := e.Addr("optimizer")
	high, _ := e.Addr("high")                                            // a self-dealer with reputation 1: work = its burn
	low, _ := e.Addr("low")                                              // an honest evaluator with reputation 0.1
	require.NoError(t, e.k.AddEvaluatorWork(e.Ctx, high, dec("1000")))   // burned 1,000 udon × 1
	require.NoError(t, e.k.AddEvaluatorWork(e.Ctx, low, dec("30000.5"))) // burned 300,005 udon × 0.1
	supply := e.Supply()
	e.work(a, "1")
	e.endBlock()

	coinbase := sdkmath.NewInt(2_100_000_000)
	share := sdkmath.NewInt(420_000_000) // 0.20: far above the cap
	pool := sdkmath.NewInt(15_500)       // ⌊0.5 × 31,000.5⌋
	require.Equal(t, sdkmath.NewInt(499), e.Balance(high), "⌊15,500 × 1,000 / 31,000.5⌋ ≤ 0.5 × 1,000")
	require.Equal(t, sdkmath.NewInt(15_000), e.Balance(low), "⌊15,500 × 30,000.5 / 31,000.5⌋ ≤ 0.5 × 30,000.5")
	rec, err := e.k.Rounds.Get(e.Ctx, 1)
	require.NoError(t, err)
	require.NoError(t, rec.Validate())
	require.Equal(t, share.Sub(pool), rec.EvaluatorHeldBack)
	require.Equal(t, coinbase.Sub(rec.EvaluatorHeldBack), rec.Minted)
	require.Equal(t, sdkmath.NewInt(15_499), rec.EvaluatorPaid, "the pool less one udon of dust")
	require.Equal(t, dec("31000.5"), rec.EvaluatorWork)
	require.Equal(t, dec("0.5"), rec.EvaluatorMintPerBurn)
	require.Equal(t, supply.Add(rec.Minted), e.Supply(), "the held-back part is not minted")
	require.Equal(t, rec.Minted, e.minter().MintedTotal)

	ev := fixture.EventsOf[types.EventRoundClosed](t, e.past)
	require.Len(t, ev, 1)
	require.Equal(t, e.coin(rec.EvaluatorHeldBack), ev[0].EvaluatorHeldBack)
	require.Equal(t, e.coin(rec.Minted), ev[0].Minted)
	require.Equal(t, "31000.500000000000000000", ev[0].EvaluatorWork)
	for _, p := range fixture.EventsOf[types.EventRewardPaid](t, e.past) {
		if p.Role != types.RoleEvaluator {
			continue
		}
		require.Equal(t, "udon", p.Amount.Denom)
		require.True(t, p.Amount.Amount.ToLegacyDec().LTE(dec("0.5").Mul(sdkmath.LegacyMustNewDecFromStr(p.Work))),
			"%s paid %s for work %s", p.Address, p.Amount, p.Work)
	}
}

// When evaluator work is plentiful the cap does not bind: the whole share is
// minted and paid pro rata; with evaluator_mint_per_burn = 0 evaluators get
// no coinbase at all.
func TestEvaluatorCapBindsOnlyWhenWorkIsScarce(t *testing.T) {
	e := newEnv(t, nil)
	a, _ := e.Addr("optimizer")
	ev, _ := e.Addr("evaluator")
	require.NoError(t, e.k.AddEvaluatorWork(e.Ctx, ev, dec("840000000"))) // cap = 420,000,000 = the share
	e.work(a, "1")
	e.endBlock()
	rec, err := e.k.Rounds.Get(e.Ctx, 1)
	require.NoError(t, err)
	require.True(t, rec.EvaluatorHeldBack.IsZero())
	require.Equal(t, sdkmath.NewInt(420_000_000), e.Balance(ev))

	e = newEnv(t, func(gs *types.GenesisState) { gs.Params.EvaluatorMintPerBurn = sdkmath.LegacyZeroDec() })
	require.NoError(t, e.k.AddEvaluatorWork(e.Ctx, ev, dec("840000000")))
	e.work(a, "1")
	e.endBlock()
	require.True(t, e.Balance(ev).IsZero())
	rec, err = e.k.Rounds.Get(e.Ctx, 1)
	require.NoError(t, err)
	require.Equal(t, sdkmath.NewInt(420_000_000), rec.EvaluatorHeldBack)
}

// The invariant catches a round record that paid evaluators above the cap,
// or whose books do not balance.
func TestRoundRecordInvariant(t *testing.T) {
	e := newEnv(t, nil)
	a, _ := e.Addr("optimizer")
	ev, _ := e.Addr("evaluator")
	require.NoError(t, e.k.AddEvaluatorWork(e.Ctx, ev, dec("1000")))
	e.work(a, "1")
	e.endBlock()
	rec, err := e.k.Rounds.Get(e.Ctx, 1)
	require.NoError(t, err)

	over := rec
	over.EvaluatorPaid = rec.EvaluatorPaid.AddRaw(2) // 502 > 0.5 × 1,000
	over.CommunityPaid = rec.CommunityPaid.SubRaw(2) // books still balance
	require.ErrorContains(t, over.Validate(), "evaluators paid")
	require.NoError(t, e.k.Rounds.Set(e.Ctx, 1, over))
	require.Error(t, e.k.CheckInvariants(e.Ctx))

	unbalanced := rec
	unbalanced.EvaluatorHeldBack = rec.EvaluatorHeldBack.AddRaw(1)
	require.ErrorContains(t, unbalanced.Validate(), "held back")
	missing := rec
	missing.Minted = sdkmath.Int{}
	require.ErrorContains(t, missing.Validate(), "minted is missing")
}

// The invariant catches open-round work entries that do not add up to the
// round's totals, or that outlived their round.
func TestWorkEntriesInvariant(t *testing.T) {
	e := newEnv(t, nil)
	a, _ := e.Addr("optimizer")
	ev, _ := e.Addr("evaluator")
	e.work(a, "0.5")
	require.NoError(t, e.k.AddEvaluatorWork(e.Ctx, ev, dec("10")))
	require.NoError(t, e.k.CheckInvariants(e.Ctx))

	require.NoError(t, e.k.EvaluatorWork.Set(e.Ctx, collections.Join(uint64(1), ev), dec("11")))
	require.ErrorContains(t, e.k.CheckInvariants(e.Ctx), "evaluator work entries sum to 11")
	require.NoError(t, e.k.EvaluatorWork.Set(e.Ctx, collections.Join(uint64(1), ev), dec("10")))
	require.NoError(t, e.k.OptimizerWork.Set(e.Ctx, collections.Join(uint64(0), a), dec("0.1")))
	require.ErrorContains(t, e.k.CheckInvariants(e.Ctx), "open round 1")
}
