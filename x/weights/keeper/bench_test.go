package keeper_test

import (
	"fmt"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"

	"github.com/don-network/don/testutil/fixture"
	"github.com/don-network/don/x/weights/keeper"
	"github.com/don-network/don/x/weights/types"
)

// BenchmarkEndBlock measures one block of x/weights at N active models:
// 1000 RecordRequest signals on distinct random models (each applied at
// once, in what would be its transaction), then EndBlock (which visits
// refresh_per_block = 32 models and refreshes those behind).
//
// The store is what a node runs on: an IAVL store on goleveldb committed
// after every block. Like FinalizeBlock, each block runs in a branch of the multistore;
// writing the branch back and Commit are outside the timer (they are the
// node's commit work, not EndBlock's) and reported as commit-ns/op.
// ns/op is record + EndBlock; record-ns/op and endblock-ns/op split it;
// storegas/op is the SDK gas of their store accesses, a measure of store
// work that does not depend on the machine.
//
// It runs on fixture.NewCommitting (goleveldb, a commit per block).
func BenchmarkEndBlock(b *testing.B) {
	const signals = 1000
	for _, n := range []uint64{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("models=%d", n), func(b *testing.B) {
			c := newCommittingChain(b)
			for id := uint64(1); id <= n; id++ {
				require.NoError(b, c.k.OnModelActivated(c.Ctx, id, true))
			}
			c.commit()
			r := &rng{s: n}
			ids := make([]uint64, 0, signals)
			var record, end, commit time.Duration
			var gas uint64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				ids = distinct(r, n, signals, ids[:0])
				b.StartTimer()

				t0 := time.Now()
				for _, id := range ids {
					if err := c.k.RecordRequest(c.Ctx, id, sdkmath.NewInt(int64(1+id%997))); err != nil {
						b.Fatal(err)
					}
				}
				t1 := time.Now()
				if err := c.k.EndBlocker(c.Ctx); err != nil {
					b.Fatal(err)
				}
				t2 := time.Now()

				b.StopTimer()
				gas += c.Ctx.GasMeter().GasConsumed()
				c.commit()
				commit += time.Since(t2)
				record += t1.Sub(t0)
				end += t2.Sub(t1)
				b.StartTimer()
			}
			b.StopTimer()
			b.ReportMetric(float64(record.Nanoseconds())/float64(b.N), "record-ns/op")
			b.ReportMetric(float64(end.Nanoseconds())/float64(b.N), "endblock-ns/op")
			b.ReportMetric(float64(commit.Nanoseconds())/float64(b.N), "commit-ns/op")
			// Store work (reads, writes, bytes) in SDK gas: the same at every N
			// if idle models cost nothing.
			b.ReportMetric(float64(gas)/float64(b.N), "storegas/op")
			require.NoError(b, c.k.CheckSumRaw(c.Ctx))
		})
	}
}

// committingChain is an x/weights keeper on the committing fixture.
type committingChain struct {
	*fixture.Fixture
	k *keeper.Keeper
}

func newCommittingChain(tb testing.TB) *committingChain {
	f := fixture.NewCommitting(tb, []string{types.StoreKey}, nil, types.RegisterInterfaces)
	c := &committingChain{Fixture: f, k: keeper.NewKeeper(f.Codec, f.StoreService(types.StoreKey), f.AddressCodec, f.Authority)}
	require.NoError(tb, c.k.InitGenesis(c.Ctx, *testGenesis()))
	return c
}

// commit writes the block's branch, commits and begins the next block.
func (c *committingChain) commit() {
	c.Commit()
	c.NextBlock()
	c.Ctx = c.Ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
}

// distinct draws k distinct model ids in [1, n].
func distinct(r *rng, n uint64, k int, out []uint64) []uint64 {
	seen := make(map[uint64]bool, k)
	for len(out) < k {
		id := 1 + r.intn(n)
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// The benchmark's state stays consistent (a short run as a test).
func TestBenchmarkSetupKeepsInvariants(t *testing.T) {
	e := newEnv(t)
	const n = 3000
	for id := uint64(1); id <= n; id++ {
		e.activate(id)
	}
	r := &rng{s: 1}
	for blk := 0; blk < 3; blk++ {
		for _, id := range distinct(r, n, 1000, nil) {
			require.NoError(t, e.k.RecordRequest(e.Ctx, id, sdkmath.NewInt(int64(id%997))))
		}
		e.endBlock()
	}
	require.NoError(t, e.k.CheckInvariants(e.Ctx))
}
