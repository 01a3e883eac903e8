package keeper_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/testutil/fixture"
	"github.com/don-network/don/x/mint/types"
)

// BenchmarkRoundClose closes a round shared by 1,000 optimizers, all paid
// in the close block: 1,000 pro-rata payouts, their events and the
// deletion of their work entries.
func BenchmarkRoundClose(b *testing.B) {
	const optimizers = 1000
	e := newEnv(b, func(gs *types.GenesisState) {
		gs.Params.RetargetInterval = 1 << 30 // keep D at 1
		gs.Params.MaxPayoutsPerBlock = optimizers
	})
	addrs := make([][]byte, optimizers)
	for i := range addrs {
		addrs[i], _ = e.Addr(fmt.Sprintf("optimizer-%d", i))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		for j, a := range addrs {
			e.work(a, fmt.Sprintf("0.00%d", 1+j%9))
		}
		round := e.minter().Round
		b.StartTimer()
		require.NoError(b, e.k.EndBlocker(e.Ctx))
		b.StopTimer()
		require.Equal(b, round+1, e.minter().Round)
		e.NextBlock()
		b.StartTimer()
	}
}

// BenchmarkRoundPayout10k is the worst EndBlock of a round with 10,000
// participants (5,000 optimizers, 5,000 evaluators): the close block
// (mint, record, the first max_payouts_per_block payees) and a following
// batch block, at the default max_payouts_per_block, against paying all
// 10,000 in the close block as x/mint did before batching. Each iteration
// runs EndBlock on a discarded branch of the same prepared state.
func BenchmarkRoundPayout10k(b *testing.B) {
	const each = 5000
	e := newEnv(b, func(gs *types.GenesisState) { gs.Params.RetargetInterval = 1 << 30 })
	for i := 0; i < each; i++ {
		o, _ := e.Addr(fmt.Sprintf("optimizer-%d", i))
		ev, _ := e.Addr(fmt.Sprintf("evaluator-%d", i))
		require.NoError(b, e.k.AddOptimizerWork(e.Ctx, o, 1, dec(fmt.Sprintf("0.00%d", 1+i%9))))
		require.NoError(b, e.k.AddEvaluatorWork(e.Ctx, ev, dec(fmt.Sprintf("%d", 1000+i))))
	}
	p, err := e.k.Params.Get(e.Ctx)
	require.NoError(b, err)
	run := func(b *testing.B, ctx sdk.Context, wantPaid int) {
		b.Helper()
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			branch, _ := ctx.CacheContext()
			require.NoError(b, e.k.EndBlocker(branch))
			b.StopTimer()
			require.Len(b, fixture.EventsOf[types.EventRewardPaid](b, branch.EventManager().Events()), wantPaid)
			b.StartTimer()
		}
	}
	b.Run(fmt.Sprintf("close block, %d payees", p.MaxPayoutsPerBlock), func(b *testing.B) {
		run(b, e.Ctx, int(p.MaxPayoutsPerBlock))
	})
	closed, _ := e.Ctx.CacheContext()
	require.NoError(b, e.k.EndBlocker(closed))
	next := closed.WithBlockHeight(closed.BlockHeight() + 1).WithEventManager(sdk.NewEventManager())
	b.Run(fmt.Sprintf("batch block, %d payees", p.MaxPayoutsPerBlock), func(b *testing.B) {
		run(b, next, int(p.MaxPayoutsPerBlock))
	})
	single, _ := e.Ctx.CacheContext()
	all := p
	all.MaxPayoutsPerBlock = 2 * each
	require.NoError(b, e.k.Params.Set(single, all))
	b.Run("single block, 10000 payees", func(b *testing.B) {
		run(b, single, 2*each)
	})
}
