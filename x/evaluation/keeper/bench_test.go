package keeper_test

import (
	"fmt"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/testutil/donchain"
	"github.com/don-network/don/x/evaluation/types"
)

// BenchmarkEndBlock measures x/evaluation's EndBlock settling 1,000 due
// requests per block (fees, royalty, burn, usage, demand signal, evaluator
// work, reputation) while `open` requests are outstanding. The chain runs
// on the committing fixture (goleveldb, a commit per block); setup and the
// other modules' EndBlocks are outside the timer. The bar: the cost is set
// by the due items, not by the open ones (compare open=10k and open=100k).
func BenchmarkEndBlock(b *testing.B) {
	const perBlock = 1000
	for _, open := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("open=%d", open), func(b *testing.B) {
			// As dond does (app.ScopeSDKConfig): a fixed scope for the SDK's
			// global config, not one derived from the OS on every call.
			b.Setenv(sdk.EnvConfigScope, "dond-bench")
			batches := open / perBlock
			c := donchain.New(b, donchain.Options{Models: 1, Committing: true, Evaluation: func(gs *types.GenesisState) {
				p := &gs.Params
				p.MaxCapacity = uint32(open)
				p.ChallengeBlocks = uint64(batches) + 1 // every batch is pending at once
				p.MaxDuePerBlock = perBlock
			}})
			client, clientStr := c.Addr("client")
			eve, eveStr := c.Addr("eve")
			c.Fund(client, int64(open)*maxFee)
			c.Fund(eve, int64(open)*maxFee*2)
			_, err := c.EvaluationMsg.RegisterEvaluator(c.Ctx, &types.MsgRegisterEvaluator{
				Evaluator: eveStr, Collateral: sdkmath.NewInt(int64(open) * maxFee * 2), Capacity: uint32(open),
			})
			require.NoError(b, err)
			_ = eve
			in, out := inputs(1), []int64{0}
			var firstDue int64
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
					if firstDue == 0 {
						firstDue = sub.SettleHeight
					}
				}
				c.EndBlockers()
				c.BeginNextBlock()
			}
			for c.Ctx.BlockHeight() < firstDue {
				c.EndBlockers()
				c.BeginNextBlock()
			}
			if b.N > batches {
				b.Fatalf("b.N = %d > %d prepared blocks: use -benchtime %dx or less", b.N, batches, batches)
			}
			var gas uint64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				c.Ctx = c.Ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
				start := time.Now()
				require.NoError(b, c.Evaluation.EndBlocker(c.Ctx))
				elapsed := time.Since(start)
				b.StopTimer()
				gas += c.Ctx.GasMeter().GasConsumed()
				_ = elapsed
				require.NoError(b, c.Weights.EndBlocker(c.Ctx))
				require.NoError(b, c.Mint.EndBlocker(c.Ctx))
				c.BeginNextBlock()
				b.StartTimer()
			}
			b.StopTimer()
			b.ReportMetric(float64(gas)/float64(b.N), "storegas/op")
			n, err := c.Evaluation.OpenCount.Get(c.Ctx)
			require.NoError(b, err)
			require.Equal(b, uint64(open-b.N*perBlock), n, "1000 settled per block")
		})
	}
}

// BenchmarkMsgGas reports the gas of SubmitResult and ChallengeResult
// (correct and wrong results) with the largest allowed inputs (max_rows
// rows) on each built-in domain.
func BenchmarkMsgGas(b *testing.B) {
	for _, domain := range []string{"friedman1", "spirals", "regime-ar"} {
		b.Run(domain, func(b *testing.B) {
			c := donchain.New(b, donchain.Options{Models: 1, Domain: domain})
			e := &env{Chain: c, t: b}
			for _, a := range []*account{&e.client, &e.eve, &e.ch} {
				a.addr, a.str = c.Addr(fmt.Sprintf("%p", a))
				c.Fund(a.addr, 1<<50)
			}
			p := e.params()
			width := map[string]int{"friedman1": 10, "spirals": 2, "regime-ar": 4}[domain]
			_, err := c.EvaluationMsg.RegisterEvaluator(c.Ctx, &types.MsgRegisterEvaluator{
				Evaluator: e.eve.str, Collateral: sdkmath.NewInt(1 << 40), Capacity: p.MaxCapacity,
			})
			require.NoError(b, err)
			in := make([]int64, int(p.MaxRows)*width)
			for i := range in {
				in[i] = int64(i%7) << 22 // small values in range
			}
			var submitGas, okGas, wrongGas uint64
			measure := func(f func(ctx sdk.Context) error) uint64 {
				ctx := c.Ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
				require.NoError(b, f(ctx))
				return ctx.GasMeter().GasConsumed()
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for _, wrong := range []bool{false, true} {
					res, err := c.EvaluationMsg.RequestEvaluation(c.Ctx, &types.MsgRequestEvaluation{
						Client: e.client.str, ModelId: 1, Inputs: in, MaxFee: sdkmath.NewInt(maxFee), Deadline: c.Ctx.BlockHeight() + 100,
					})
					require.NoError(b, err)
					id := res.RequestId
					// Every other round slashes the evaluator; keep it above
					// min_reputation so the loop can go on claiming.
					ev := e.evaluator(e.eve)
					ev.Reputation = sdkmath.LegacyOneDec()
					require.NoError(b, c.Evaluation.Evaluators.Set(c.Ctx, e.eve.addr, ev))
					_, err = c.EvaluationMsg.ClaimRequest(c.Ctx, &types.MsgClaimRequest{Evaluator: e.eve.str, RequestId: id})
					require.NoError(b, err)
					outs := e.truth(id)
					if wrong {
						outs[0]++
					}
					submitGas = measure(func(ctx sdk.Context) error {
						_, err := c.EvaluationMsg.SubmitResult(ctx, &types.MsgSubmitResult{Evaluator: e.eve.str, RequestId: id, Outputs: outs})
						return err
					})
					g := measure(func(ctx sdk.Context) error {
						_, err := c.EvaluationMsg.ChallengeResult(ctx, &types.MsgChallengeResult{Challenger: e.ch.str, RequestId: id, Bond: p.MinChallengeBond})
						return err
					})
					if wrong {
						wrongGas = g
					} else {
						okGas = g
					}
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(p.MaxRows), "rows")
			b.ReportMetric(float64(submitGas), "submit-gas")
			b.ReportMetric(float64(okGas), "challenge-correct-gas")
			b.ReportMetric(float64(wrongGas), "challenge-wrong-gas")
		})
	}
}
