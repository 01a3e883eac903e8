package keeper_test

import (
	"fmt"
	"testing"
	"time"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/testutil/donchain"
	"github.com/don-network/don/x/evaluation/keeper"
	"github.com/don-network/don/x/evaluation/types"
)

// BenchmarkEndBlockFailing measures x/evaluation's EndBlock at its worst:
// 10,000 settlements due at once, every one failing at its very last step
// (the open-request count is zeroed, so finish's decrement fails after the
// payments, usage, demand, work and reputation were all done and are then
// discarded), 1,000 per block. "first": the blocks that take failing items
// off the due queue and set them aside (first-ns is the very first one);
// "later": blocks after all were set aside, when their retries come due
// and fail again. On the committing fixture, like BenchmarkEndBlock. Each
// block moves 1,000 items: the queue does not stall.
func BenchmarkEndBlockFailing(b *testing.B) {
	const failing, perBlock = 10_000, 1_000
	for _, phase := range []string{"first", "later"} {
		b.Run(fmt.Sprintf("failing=%d/%s", failing, phase), func(b *testing.B) {
			b.Setenv(sdk.EnvConfigScope, "dond-bench")
			batches := failing / perBlock
			c := failingQueue(b, failing, perBlock)
			if phase == "later" {
				for i := 0; i < batches; i++ { // set every item aside first
					endBlock(b, c)
				}
			}
			if b.N > batches {
				b.Fatalf("b.N = %d > %d prepared blocks: use -benchtime %dx or less", b.N, batches, batches)
			}
			var firstNs int64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				c.Ctx = c.Ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
				start := time.Now()
				require.NoError(b, c.Evaluation.EndBlocker(c.Ctx))
				if i == 0 {
					firstNs = time.Since(start).Nanoseconds()
				}
				b.StopTimer()
				require.NoError(b, c.Weights.EndBlocker(c.Ctx))
				require.NoError(b, c.Mint.EndBlocker(c.Ctx))
				c.BeginNextBlock()
				b.StartTimer()
			}
			b.StopTimer()
			b.ReportMetric(float64(firstNs), "first-ns")

			// Every block moved perBlock items: set aside (first) or retried
			// and rescheduled (later).
			attempts := map[uint32]int{}
			require.NoError(b, c.Evaluation.FailedItems.Walk(c.Ctx, nil, func(_ keeper.FailedKey, it types.FailedItem) (bool, error) {
				attempts[it.Attempts]++
				return false, nil
			}))
			if phase == "first" {
				require.Equal(b, map[uint32]int{1: b.N * perBlock}, attempts)
			} else {
				require.Equal(b, b.N*perBlock, attempts[2])
				require.Equal(b, failing, attempts[1]+attempts[2])
			}
		})
	}
}

// failingQueue prepares a committing chain whose next EndBlock finds
// `failing` submitted requests due, all bound to fail, perBlock processed
// per block; failed items are retried `failing/perBlock` blocks later.
func failingQueue(b *testing.B, failing, perBlock int) *donchain.Chain {
	batches := failing / perBlock
	c := donchain.New(b, donchain.Options{Models: 1, Committing: true, Evaluation: func(gs *types.GenesisState) {
		p := &gs.Params
		p.MaxCapacity = uint32(failing)
		p.ChallengeBlocks = uint64(batches) + 1
		p.MaxDuePerBlock = uint32(perBlock)
		p.RetryIntervalBlocks = uint64(batches)
	}})
	client, clientStr := c.Addr("client")
	eve, eveStr := c.Addr("eve")
	c.Fund(client, int64(failing)*maxFee)
	c.Fund(eve, int64(failing)*maxFee*2)
	_, err := c.EvaluationMsg.RegisterEvaluator(c.Ctx, &types.MsgRegisterEvaluator{
		Evaluator: eveStr, Collateral: sdkmath.NewInt(int64(failing) * maxFee * 2), Capacity: uint32(failing),
	})
	require.NoError(b, err)
	in, out := inputs(1), []int64{0}
	var lastDue int64
	for batch := 0; batch < batches; batch++ {
		for i := 0; i < perBlock; i++ {
			res, err := c.EvaluationMsg.RequestEvaluation(c.Ctx, &types.MsgRequestEvaluation{
				Client: clientStr, ModelId: 1, Inputs: in, MaxFee: sdkmath.NewInt(maxFee), Deadline: c.Ctx.BlockHeight() + 1000,
			})
			require.NoError(b, err)
			_, err = c.EvaluationMsg.ClaimRequest(c.Ctx, &types.MsgClaimRequest{Evaluator: eveStr, RequestId: res.RequestId})
			require.NoError(b, err)
			sub, err := c.EvaluationMsg.SubmitResult(c.Ctx, &types.MsgSubmitResult{Evaluator: eveStr, RequestId: res.RequestId, Outputs: out})
			require.NoError(b, err)
			lastDue = sub.SettleHeight
		}
		c.EndBlockers()
		c.BeginNextBlock()
	}
	// The corruption: settlement's last step, finish's decrement of the
	// open count, fails on a count of 0.
	require.NoError(b, c.Evaluation.OpenCount.Set(c.Ctx, 0))
	for c.Ctx.BlockHeight() < lastDue { // no EndBlock: nothing is processed before the timed blocks
		c.BeginNextBlock()
	}
	n := 0
	require.NoError(b, c.Evaluation.Due.Walk(c.Ctx, collections.NewPrefixUntilPairRange[int64, uint64](lastDue),
		func(collections.Pair[int64, uint64]) (bool, error) { n++; return false, nil }))
	require.Equal(b, failing, n, "all due at once")
	return c
}

func endBlock(b *testing.B, c *donchain.Chain) {
	require.NoError(b, c.Evaluation.EndBlocker(c.Ctx))
	require.NoError(b, c.Weights.EndBlocker(c.Ctx))
	require.NoError(b, c.Mint.EndBlocker(c.Ctx))
	c.BeginNextBlock()
}
