package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/don-network/don/x/mint/keeper"
	"github.com/don-network/don/x/mint/types"
	weightstypes "github.com/don-network/don/x/weights/types"
)

func TestRoundClosesExactlyWhenWorkReachesDifficulty(t *testing.T) {
	e := newEnv(t, nil) // difficulty 1
	a, _ := e.Addr("a")
	b, _ := e.Addr("b")
	supply := e.Supply()

	e.work(a, "0.4")
	e.work(b, "0.5")
	e.endBlock()
	require.Equal(t, uint64(1), e.minter().Round, "W = 0.9 < D = 1: still open")
	require.Equal(t, supply, e.Supply(), "nothing minted without a close")

	e.work(a, "0.1") // W = 1.0 = D
	e.endBlock()
	m := e.minter()
	require.Equal(t, uint64(2), m.Round)
	require.True(t, m.Work.IsZero())

	p := types.DefaultParams()
	coinbase := keeper.Coinbase(p, sdkmath.ZeroInt()) // 21e12 · 1e-4 = 2.1e9
	require.Equal(t, sdkmath.NewInt(2_100_000_000), coinbase)
	optimizerPool := sdkmath.NewInt(1_260_000_000) // 0.60
	require.Equal(t, optimizerPool.QuoRaw(2), e.Balance(a), "a did 0.5 of 1.0")
	require.Equal(t, optimizerPool.QuoRaw(2), e.Balance(b))
	validators := sdkmath.NewInt(315_000_000) // 0.15
	require.Equal(t, validators, e.ModuleBalance(authtypes.FeeCollectorName))
	require.Equal(t, sdkmath.NewInt(105_000_000), e.community.Received, "the community's 0.05")
	// No evaluator work: the evaluator cap holds back their whole 0.20,
	// which is not minted.
	heldBack := sdkmath.NewInt(420_000_000)
	require.Equal(t, supply.Add(coinbase).Sub(heldBack), e.Supply())
	require.Equal(t, coinbase.Sub(heldBack), m.MintedTotal)

	rec, err := e.k.Rounds.Get(e.Ctx, 1)
	require.NoError(t, err)
	require.Equal(t, coinbase, rec.Coinbase)
	require.Equal(t, heldBack, rec.EvaluatorHeldBack)
	require.Equal(t, coinbase.Sub(heldBack), rec.Minted)
	require.Equal(t, rec.Minted, rec.OptimizerPaid.Add(rec.EvaluatorPaid).Add(rec.ValidatorPaid).Add(rec.CommunityPaid))
	require.Equal(t, uint32(2), rec.Optimizers)
	require.Zero(t, rec.Evaluators)
}

func TestPayoutsProRataWithDustToCommunity(t *testing.T) {
	e := newEnv(t, nil)
	names := []string{"x", "y", "z"}
	for _, n := range names {
		addr, _ := e.Addr(n)
		e.work(addr, "0.333333333333333333") // three equal thirds (truncated)
	}
	ev, _ := e.Addr("evaluator")
	// Work (burned udon × reputation) large enough that the cap, 0.5 × work,
	// is above the evaluator share: the share is paid whole.
	require.NoError(t, e.k.AddEvaluatorWork(e.Ctx, ev, dec("900000000")))
	e.work(mustAddr(e, "x"), "0.000000000000000001") // W = 1 exactly
	e.endBlock()

	coinbase := sdkmath.NewInt(2_100_000_000)
	optimizerPool := sdkmath.LegacyNewDecFromInt(coinbase).Mul(dec("0.6")).TruncateInt()
	var paid sdkmath.Int = sdkmath.ZeroInt()
	for _, n := range names {
		got := e.Balance(mustAddr(e, n))
		require.True(t, got.GTE(optimizerPool.QuoRaw(3).SubRaw(1)) && got.LTE(optimizerPool.QuoRaw(3).AddRaw(1)), "%s got %s", n, got)
		paid = paid.Add(got)
	}
	evaluatorPool := sdkmath.NewInt(420_000_000)
	require.Equal(t, evaluatorPool, e.Balance(ev), "the only evaluator takes the whole pool")
	validators := sdkmath.NewInt(315_000_000)
	dust := optimizerPool.Sub(paid)
	require.True(t, dust.IsPositive() || dust.IsZero())
	require.Equal(t, coinbase.Sub(paid).Sub(evaluatorPool).Sub(validators), e.community.Received,
		"community = its share + every rounding remainder")
}

func TestHugeIncrementClosesOneRoundOnly(t *testing.T) {
	e := newEnv(t, nil)
	a, _ := e.Addr("a")
	e.work(a, "50")
	e.endBlock()
	require.Equal(t, uint64(2), e.minter().Round)
	e.endBlock()
	e.endBlock()
	require.Equal(t, uint64(2), e.minter().Round, "the excess work does not carry over")
}

func TestCoinbaseDecaysAndNeverExceedsCap(t *testing.T) {
	e := newEnv(t, func(gs *types.GenesisState) {
		gs.Params.MaxSupply = sdkmath.NewInt(1_000_000)
		gs.Params.EmissionRate = dec("0.5")
		gs.Params.RetargetInterval = 1 << 30 // one close per iteration
	})
	// No evaluator share, so every round mints its whole coinbase.
	e.shares.shares = weightstypes.RoleShares{Optimizer: dec("0.8"), Evaluator: dec("0"), Validator: dec("0.15"), Community: dec("0.05")}
	a, _ := e.Addr("a")
	var prev sdkmath.Int
	for i := 0; i < 30; i++ {
		e.work(a, "1")
		before := e.minter().MintedTotal
		e.endBlock()
		coinbase := e.minter().MintedTotal.Sub(before)
		if i > 0 {
			require.True(t, coinbase.LTE(prev), "coinbase decays")
		}
		prev = coinbase
	}
	m := e.minter()
	require.True(t, m.MintedTotal.LTE(sdkmath.NewInt(1_000_000)))
	require.Equal(t, sdkmath.NewInt(999_999), m.MintedTotal, "500000+250000+… truncated, one udon is never reached")
}

// A round without evaluator work mints no evaluator pool: min(share ×
// coinbase, evaluator_mint_per_burn × 0) = 0. Minting it to the community
// pool instead would issue coins for work nobody did.
func TestEvaluatorShareWithoutWorkIsNotMinted(t *testing.T) {
	e := newEnv(t, nil)
	e.shares.shares = weightstypes.RoleShares{Optimizer: dec("0.5"), Evaluator: dec("0.3"), Validator: dec("0.1"), Community: dec("0.1")}
	a, _ := e.Addr("a")
	supply := e.Supply()
	e.work(a, "1")
	e.endBlock()
	require.Equal(t, sdkmath.NewInt(1_050_000_000), e.Balance(a))
	require.Equal(t, sdkmath.NewInt(210_000_000), e.community.Received, "the community's 0.1 only")
	require.Equal(t, supply.Add(sdkmath.NewInt(2_100_000_000-630_000_000)), e.Supply(), "0.3 held back")
}

func TestInvalidRoleSharesDoNotCloseTheRound(t *testing.T) {
	e := newEnv(t, nil)
	e.shares.shares = weightstypes.RoleShares{Optimizer: dec("0.7"), Evaluator: dec("0.2"), Validator: dec("0.15"), Community: dec("0.05")}
	a, _ := e.Addr("a")
	supply := e.Supply()
	e.work(a, "1")
	e.endBlock()
	require.Equal(t, uint64(1), e.minter().Round, "a failed close leaves the round open")
	require.Equal(t, supply, e.Supply(), "and mints nothing")
	e.shares.shares = defaultShares()
	e.endBlock()
	require.Equal(t, uint64(2), e.minter().Round, "retried next block")
}

func TestNegativeWorkIsRefused(t *testing.T) {
	e := newEnv(t, nil)
	a, _ := e.Addr("a")
	require.ErrorIs(t, e.k.AddOptimizerWork(e.Ctx, a, 1, dec("-0.1")), types.ErrInvalidWork)
	require.ErrorIs(t, e.k.AddEvaluatorWork(e.Ctx, a, dec("-1")), types.ErrInvalidWork)
	require.True(t, e.minter().Work.IsZero())
}

func mustAddr(e *env, name string) []byte {
	addr, _ := e.Addr(name)
	return addr
}
