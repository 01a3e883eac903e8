package keeper_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/mint/types"
)

// BenchmarkRoundClose closes a round shared by 1,000 optimizers: 1,000
// pro-rata payouts, their events and the deletion of their work entries.
func BenchmarkRoundClose(b *testing.B) {
	const optimizers = 1000
	e := newEnv(b, func(gs *types.GenesisState) { gs.Params.RetargetInterval = 1 << 30 }) // keep D at 1
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
