package keeper_test

import (
	"context"
	"errors"
	"testing"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/don-network/don/testutil/fixture"
	"github.com/don-network/don/x/mint/keeper"
	"github.com/don-network/don/x/mint/types"
)

// block runs one endBlock (which checks the invariants) and returns the
// block's events.
func (e *env) block() sdk.Events {
	e.T.Helper()
	n := len(e.past)
	e.endBlock()
	return e.past[n:]
}

// pending says whether the round's payout is pending.
func (e *env) pending(round uint64) bool {
	e.T.Helper()
	has, err := e.k.Payouts.Has(e.Ctx, round)
	require.NoError(e.T, err)
	return has
}

// payees is a round of 7 optimizers (W = 1) and 4 evaluators with uneven
// work, so that the pools leave rounding remainders.
var payees = []struct {
	name, work string
	evaluator  bool
}{
	{"o1", "0.1", false}, {"o2", "0.05", false}, {"o3", "0.3", false}, {"o4", "0.07", false},
	{"o5", "0.13", false}, {"o6", "0.2", false}, {"o7", "0.15", false},
	{"e1", "123456789", true}, {"e2", "987654321.5", true}, {"e3", "55555555", true}, {"e4", "3", true},
}

// closeRoundOf adds the payees' work and runs the close block.
func closeRoundOf(t *testing.T, max uint32) *env {
	e := newEnv(t, func(gs *types.GenesisState) { gs.Params.MaxPayoutsPerBlock = max })
	for _, p := range payees {
		addr := mustAddr(e, p.name)
		if p.evaluator {
			require.NoError(t, e.k.AddEvaluatorWork(e.Ctx, addr, dec(p.work)))
		} else {
			e.work(addr, p.work)
		}
	}
	return e
}

// A round of 11 payees with max_payouts_per_block = 3 pays over 4 blocks,
// at most 3 payees a block, and ends exactly where a single block would:
// the same amount to every payee, the same community payment, the same
// round record; minted = payees + validators + community to the udon.
func TestBatchedPayoutPaysWhatOneBlockPays(t *testing.T) {
	one := closeRoundOf(t, 1000)
	supply := one.Supply()
	events := one.block()
	require.Len(t, fixture.EventsOf[types.EventRewardPaid](t, events), len(payees), "all paid in the close block")
	require.Len(t, fixture.EventsOf[types.EventRoundPaid](t, events), 1)

	e := closeRoundOf(t, 3)
	var paid []types.EventRewardPaid
	for b := 1; b <= 4; b++ {
		events := e.block() // the invariants hold after every block
		got := fixture.EventsOf[types.EventRewardPaid](t, events)
		require.LessOrEqual(t, len(got), 3, "block %d", b)
		paid = append(paid, got...)
		done := fixture.EventsOf[types.EventRoundPaid](t, events)
		rec, err := e.k.Rounds.Get(e.Ctx, 1)
		require.NoError(t, err)
		if b < 4 {
			require.Empty(t, done, "block %d", b)
			require.True(t, rec.Paying)
			require.True(t, e.pending(1))
			require.True(t, e.ModuleBalance(types.ModuleName).IsPositive(), "the module holds what the payout owes")
			continue
		}
		require.Len(t, done, 1)
		require.False(t, rec.Paying)
		require.False(t, e.pending(1))
	}
	require.Len(t, paid, len(payees))
	require.Equal(t, fixture.EventsOf[types.EventRewardPaid](t, one.past), paid, "same payments in the same order")

	for _, p := range payees {
		require.Equal(t, one.Balance(mustAddr(one, p.name)), e.Balance(mustAddr(e, p.name)), p.name)
	}
	// Hand-computed: the optimizer pool is 0.6 × 2.1e9 = 1.26e9 and W = 1.
	require.Equal(t, sdkmath.NewInt(378_000_000), e.Balance(mustAddr(e, "o3")))
	require.Equal(t, sdkmath.NewInt(88_200_000), e.Balance(mustAddr(e, "o4")))
	require.Equal(t, one.community.Received, e.community.Received)

	rec1, err := one.k.Rounds.Get(one.Ctx, 1)
	require.NoError(t, err)
	rec, err := e.k.Rounds.Get(e.Ctx, 1)
	require.NoError(t, err)
	require.Equal(t, rec1, rec)
	require.Equal(t, uint32(7), rec.Optimizers)
	require.Equal(t, uint32(4), rec.Evaluators)

	total := e.ModuleBalance(authtypes.FeeCollectorName).Add(e.community.Received)
	for _, p := range payees {
		total = total.Add(e.Balance(mustAddr(e, p.name)))
	}
	require.Equal(t, rec.Minted, total, "payees + validators + community = minted")
	require.Equal(t, supply.Add(rec.Minted), e.Supply())
	require.True(t, e.ModuleBalance(types.ModuleName).IsZero())
	m := e.minter()
	require.Equal(t, m.MintedTotal, m.PaidTotal)

	ev := fixture.EventsOf[types.EventRoundPaid](t, e.past)[0]
	require.Equal(t, e.coin(rec.OptimizerPaid), ev.OptimizerPaid)
	require.Equal(t, e.coin(rec.EvaluatorPaid), ev.EvaluatorPaid)
	require.Equal(t, e.coin(rec.CommunityPaid), ev.CommunityPaid)
	require.Equal(t, e.coin(rec.ValidatorPaid), ev.ValidatorPaid)
	require.Equal(t, uint32(7), ev.Optimizers)
	closed := fixture.EventsOf[types.EventRoundClosed](t, e.past)
	require.Len(t, closed, 1)
	require.Equal(t, sdk.NewInt64Coin("udon", 1_260_000_000), closed[0].OptimizerPool)
	require.Equal(t, sdk.NewInt64Coin("udon", 0), closed[0].OptimizerPaid, "paid by the payout, not at the close")
}

// A round closes while the previous one still pays: the rounds' work
// entries stay apart (keyed by round), the older round is paid first, and
// each round is paid its own pools.
func TestRoundClosesWhileOlderRoundPays(t *testing.T) {
	e := newEnv(t, func(gs *types.GenesisState) {
		gs.Params.MaxPayoutsPerBlock = 2
		gs.Params.RetargetInterval = 1 << 30 // keep D at 1
	})
	names := []string{"a", "b", "c", "d", "e"}
	for _, n := range names {
		e.work(mustAddr(e, n), "0.2")
	}
	require.Len(t, fixture.EventsOf[types.EventRewardPaid](t, e.block()), 2, "round 1 closes and pays 2 of 5")

	// Round 2: a and the newcomer f, each half. a may still be unpaid in
	// round 1: its two entries are (1, a) and (2, a).
	a, f := mustAddr(e, "a"), mustAddr(e, "f")
	e.work(a, "0.5")
	e.work(f, "0.5")
	events := e.block() // round 2 closes; round 1 pays 2 more
	require.Equal(t, uint64(3), e.minter().Round)
	for _, p := range fixture.EventsOf[types.EventRewardPaid](t, events) {
		require.Equal(t, uint64(1), p.Round, "the older round first")
	}
	require.True(t, e.pending(1))
	require.True(t, e.pending(2))
	w, err := e.k.OptimizerWork.Get(e.Ctx, collections.Join(uint64(2), sdk.AccAddress(a)))
	require.NoError(t, err)
	require.Equal(t, dec("0.5"), w, "round 2's entry of a is its own")

	events = e.block() // round 1's last payee, then one of round 2
	var order []uint64
	for _, p := range fixture.EventsOf[types.EventRewardPaid](t, events) {
		order = append(order, p.Round)
	}
	require.Equal(t, []uint64{1, 2}, order)
	done := fixture.EventsOf[types.EventRoundPaid](t, events)
	require.Len(t, done, 1)
	require.Equal(t, uint64(1), done[0].Round)

	done = fixture.EventsOf[types.EventRoundPaid](t, e.block())
	require.Len(t, done, 1)
	require.Equal(t, uint64(2), done[0].Round)
	require.False(t, e.pending(2))

	// Round 1: 0.6 × 2.1e9 in fifths. Round 2 mints on what round 1 left:
	// ⌊(21e12 − 1.68e9) × 1e-4⌋ = 2,099,832,000, optimizers 0.6 of it.
	require.Equal(t, sdkmath.NewInt(252_000_000+629_949_600), e.Balance(a))
	require.Equal(t, sdkmath.NewInt(629_949_600), e.Balance(f))
	for _, n := range names[1:] {
		require.Equal(t, sdkmath.NewInt(252_000_000), e.Balance(mustAddr(e, n)), n)
	}
	m := e.minter()
	require.Equal(t, m.MintedTotal, m.PaidTotal)
}

// Exported mid-payout, the state validates, imports into a fresh chain
// (whose mint account holds what the payout owes) and exports the same;
// both chains then finish the payout with the same round record.
func TestGenesisRoundTripMidPayout(t *testing.T) {
	e := closeRoundOf(t, 4)
	e.block()
	exported, err := e.k.ExportGenesis(e.Ctx)
	require.NoError(t, err)
	require.NoError(t, exported.Validate())
	require.Len(t, exported.Payouts, 1)
	gp := exported.Payouts[0]
	require.Len(t, gp.OptimizerWork, 3, "4 of 7 optimizers paid")
	require.Len(t, gp.EvaluatorWork, 4)
	require.Equal(t, uint32(4), gp.Payout.Optimizer.Payees)
	require.Empty(t, exported.OptimizerWork, "the open round 2 has no work yet")

	fresh := newEnv(t, func(gs *types.GenesisState) { *gs = *exported })
	owed := gp.Payout.Unpaid()
	require.Equal(t, owed, e.ModuleBalance(types.ModuleName))
	fresh.Fund(authtypes.NewModuleAddress(types.ModuleName), owed.Int64())
	require.NoError(t, fresh.k.CheckInvariants(fresh.Ctx))
	again, err := fresh.k.ExportGenesis(fresh.Ctx)
	require.NoError(t, err)
	require.Equal(t, exported, again)

	for i := 0; i < 2; i++ {
		e.block()
		fresh.block()
	}
	rec, err := e.k.Rounds.Get(e.Ctx, 1)
	require.NoError(t, err)
	require.False(t, rec.Paying)
	got, err := fresh.k.Rounds.Get(fresh.Ctx, 1)
	require.NoError(t, err)
	require.Equal(t, rec, got)
	for _, w := range gp.EvaluatorWork {
		addr, err := e.AddressCodec.StringToBytes(w.Address)
		require.NoError(t, err)
		require.Equal(t, e.Balance(addr), fresh.Balance(addr), w.Address)
	}

	bad := map[string]func(*types.GenesisState){
		"paid_total ignores the payout": func(g *types.GenesisState) { g.Minter.PaidTotal = g.Minter.MintedTotal },
		"pending work does not sum":     func(g *types.GenesisState) { g.Payouts[0].OptimizerWork = g.Payouts[0].OptimizerWork[1:] },
		"payout of the open round":      func(g *types.GenesisState) { g.Payouts[0].Payout.Round = g.Minter.Round },
		"duplicate payout":              func(g *types.GenesisState) { g.Payouts = append(g.Payouts, g.Payouts[0]) },
		"record paid while paying":      func(g *types.GenesisState) { g.Rounds[0].Paying = false },
		"paying record, no payout": func(g *types.GenesisState) {
			g.Minter.PaidTotal = g.Minter.PaidTotal.Add(g.Payouts[0].Payout.Unpaid())
			g.Payouts = nil
		},
		"payout paid above its pool": func(g *types.GenesisState) {
			g.Payouts[0].Payout.Optimizer.Paid = g.Payouts[0].Payout.Optimizer.Pool.AddRaw(1)
		},
	}
	for name, mod := range bad {
		t.Run(name, func(t *testing.T) {
			g := *exported
			g.Rounds = append([]types.RoundRecord(nil), exported.Rounds...)
			g.Payouts = append([]types.GenesisPayout(nil), exported.Payouts...)
			mod(&g)
			require.ErrorIs(t, g.Validate(), types.ErrInvalidGenesis)
		})
	}
}

// Mid-payout the invariants hold, and each tampering with the payout's
// state breaks them.
func TestPayoutInvariantsCatchTampering(t *testing.T) {
	e := closeRoundOf(t, 3)
	e.block()
	require.NoError(t, e.k.CheckInvariants(e.Ctx))
	po, err := e.k.Payouts.Get(e.Ctx, 1)
	require.NoError(t, err)
	rec, err := e.k.Rounds.Get(e.Ctx, 1)
	require.NoError(t, err)
	var unpaid sdk.AccAddress // an optimizer the first batch did not reach
	for _, p := range payees[:7] {
		if a := mustAddr(e, p.name); e.Balance(a).IsZero() {
			unpaid = a
		}
	}
	require.NotNil(t, unpaid)

	tamper := map[string]struct {
		do   func(ctx context.Context)
		want string
	}{
		"coins leave the mint account": {func(ctx context.Context) {
			require.NoError(t, e.BankKeeper.SendCoinsFromModuleToAccount(ctx, types.ModuleName, unpaid, sdk.NewCoins(sdk.NewInt64Coin("udon", 1))))
		}, "mint module holds"},
		"a payment not booked": {func(ctx context.Context) {
			p := po
			p.Optimizer.Paid = p.Optimizer.Paid.AddRaw(1)
			require.NoError(t, e.k.Payouts.Set(ctx, 1, p))
		}, "minted"},
		"a payee dropped": {func(ctx context.Context) {
			require.NoError(t, e.k.OptimizerWork.Remove(ctx, collections.Join(uint64(1), unpaid)))
		}, "paying round 1"},
		"the record says paid": {func(ctx context.Context) {
			r := rec
			r.Paying = false
			require.NoError(t, e.k.Rounds.Set(ctx, 1, r))
		}, "round 1: paid"},
		"the payout vanished": {func(ctx context.Context) {
			require.NoError(t, e.k.Payouts.Remove(ctx, 1))
		}, "minted"},
	}
	for name, tc := range tamper {
		t.Run(name, func(t *testing.T) {
			ctx, _ := e.Ctx.CacheContext() // discarded
			tc.do(ctx)
			require.ErrorContains(t, e.k.CheckInvariants(ctx), tc.want)
		})
	}
	require.NoError(t, e.k.CheckInvariants(e.Ctx), "the tampering was discarded")
}

// failingBank refuses payments to one address while fail is set.
type failingBank struct {
	types.BankKeeper
	to   sdk.AccAddress
	fail bool
}

func (b *failingBank) SendCoinsFromModuleToAccount(ctx context.Context, from string, to sdk.AccAddress, amt sdk.Coins) error {
	if b.fail && to.Equals(b.to) {
		return errors.New("refused")
	}
	return b.BankKeeper.SendCoinsFromModuleToAccount(ctx, from, to, amt)
}

// A payment that fails changes nothing and leaves its payee pending; the
// others are paid, and the round completes once the payment goes through.
func TestFailedPaymentStaysPending(t *testing.T) {
	e := closeRoundOf(t, 1000)
	o3 := mustAddr(e, "o3")
	bank := &failingBank{BankKeeper: e.BankKeeper, to: o3, fail: true}
	e.k = keeper.NewKeeper(e.Codec, e.StoreService(types.StoreKey), e.AddressCodec, e.Authority,
		authtypes.FeeCollectorName, bank, e.community, e.shares)

	events := e.block()
	require.Len(t, fixture.EventsOf[types.EventRewardPaid](t, events), len(payees)-1)
	require.Empty(t, fixture.EventsOf[types.EventRoundPaid](t, events))
	require.True(t, e.Balance(o3).IsZero())
	w, err := e.k.OptimizerWork.Get(e.Ctx, collections.Join(uint64(1), sdk.AccAddress(o3)))
	require.NoError(t, err)
	require.Equal(t, dec("0.3"), w)
	require.True(t, e.community.Received.IsZero(), "the community is paid when the payout completes")
	po, err := e.k.Payouts.Get(e.Ctx, 1)
	require.NoError(t, err)
	require.Equal(t, uint32(6), po.Optimizer.Payees)

	e.block()
	require.True(t, e.pending(1), "still refused")
	bank.fail = false
	events = e.block()
	require.Len(t, fixture.EventsOf[types.EventRewardPaid](t, events), 1)
	require.Len(t, fixture.EventsOf[types.EventRoundPaid](t, events), 1)
	require.Equal(t, sdkmath.NewInt(378_000_000), e.Balance(o3))
}

// Pending payouts are listed by the Payouts query, oldest first.
func TestPayoutsQuery(t *testing.T) {
	e := closeRoundOf(t, 2)
	e.block()
	res, err := keeper.NewQueryServerImpl(e.k).Payouts(e.Ctx, &types.QueryPayoutsRequest{})
	require.NoError(t, err)
	require.Len(t, res.Payouts, 1)
	require.Equal(t, uint64(1), res.Payouts[0].Round)
	require.Equal(t, uint32(2), res.Payouts[0].Optimizer.Payees)
	require.Equal(t, sdkmath.NewInt(1_260_000_000), res.Payouts[0].Optimizer.Pool)
}
