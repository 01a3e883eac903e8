package keeper_test

import (
	"encoding/binary"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/testutil/donchain"
	"github.com/don-network/don/x/evaluation/types"
	"github.com/don-network/don/x/internal/fuzzkit"
)

// FuzzMsgServer sends x/evaluation's user messages with fuzzed fields to a
// chain with an evaluator, a claimed request (1), a submitted one (2) and
// an open one (3): any may fail, none may panic. Each message runs in a
// throw-away cache context.
func FuzzMsgServer(f *testing.F) {
	c := donchain.New(f, donchain.Options{Models: 2})
	client, clientStr := c.Addr("client")
	eve, eveStr := c.Addr("eve")
	c.Fund(client, funds)
	c.Fund(eve, funds)
	_, err := c.EvaluationMsg.RegisterEvaluator(c.Ctx, &types.MsgRegisterEvaluator{
		Evaluator: eveStr, Collateral: sdkmath.NewInt(collateral), Capacity: 4,
	})
	require.NoError(f, err)
	for i := 0; i < 3; i++ {
		_, err := c.EvaluationMsg.RequestEvaluation(c.Ctx, &types.MsgRequestEvaluation{
			Client: clientStr, ModelId: 1, Inputs: inputs(2), MaxFee: sdkmath.NewInt(maxFee), Deadline: c.Ctx.BlockHeight() + 50,
		})
		require.NoError(f, err)
	}
	for id := uint64(1); id <= 2; id++ {
		_, err := c.EvaluationMsg.ClaimRequest(c.Ctx, &types.MsgClaimRequest{Evaluator: eveStr, RequestId: id})
		require.NoError(f, err)
	}
	_, err = c.EvaluationMsg.SubmitResult(c.Ctx, &types.MsgSubmitResult{Evaluator: eveStr, RequestId: 2, Outputs: make([]int64, 2)})
	require.NoError(f, err)

	words := func(vals ...int64) []byte {
		bz := make([]byte, 8*len(vals))
		for i, v := range vals {
			binary.LittleEndian.PutUint64(bz[8*i:], uint64(v))
		}
		return bz
	}
	f.Add(uint8(0), uint64(0), uint32(4), "10000000", []byte{})
	f.Add(uint8(0), uint64(0), uint32(0), "-1", []byte{})
	f.Add(uint8(1), uint64(1), uint32(50), "100000", words(inputs(2)...))
	f.Add(uint8(1), uint64(1), uint32(50), "100000", words(1<<62, -1<<62, 0, 0))
	f.Add(uint8(1), uint64(2), uint32(0), "", []byte{1, 2, 3})
	f.Add(uint8(2), uint64(1), uint32(0), "", words(0, 0))
	f.Add(uint8(2), uint64(1), uint32(0), "", words(0, 0, 0))
	f.Add(uint8(3), uint64(2), uint32(0), "1000000", []byte{})
	f.Add(uint8(3), uint64(2), uint32(0), "99999999999999999999999999999999999999", []byte{})
	f.Add(uint8(4), uint64(3), uint32(0), "", []byte{})
	f.Add(uint8(5), uint64(3), uint32(0), "", []byte{})
	f.Add(uint8(6), uint64(0), uint32(0), "5", []byte{})
	f.Add(uint8(15), uint64(0), uint32(0), "cosmos1xyz", []byte{})
	f.Fuzz(func(t *testing.T, kind uint8, id uint64, n uint32, s string, bz []byte) {
		ctx, _ := c.Ctx.CacheContext()
		who := func(def string) string {
			if kind&8 != 0 { // also fuzz the signer field
				return s
			}
			return def
		}
		amount := fuzzkit.Int(s)
		switch kind % 8 {
		case 0:
			_, _ = c.EvaluationMsg.RegisterEvaluator(ctx, &types.MsgRegisterEvaluator{Evaluator: who(clientStr), Collateral: amount, Capacity: n})
		case 1:
			_, _ = c.EvaluationMsg.RequestEvaluation(ctx, &types.MsgRequestEvaluation{
				Client: who(clientStr), ModelId: id, Inputs: fuzzkit.Int64s(bz), MaxFee: amount, Deadline: ctx.BlockHeight() + int64(n),
			})
		case 2:
			_, _ = c.EvaluationMsg.SubmitResult(ctx, &types.MsgSubmitResult{Evaluator: who(eveStr), RequestId: id, Outputs: fuzzkit.Int64s(bz)})
		case 3:
			_, _ = c.EvaluationMsg.ChallengeResult(ctx, &types.MsgChallengeResult{Challenger: who(clientStr), RequestId: id, Bond: amount})
		case 4:
			_, _ = c.EvaluationMsg.ClaimRequest(ctx, &types.MsgClaimRequest{Evaluator: who(eveStr), RequestId: id})
		case 5:
			_, _ = c.EvaluationMsg.CancelRequest(ctx, &types.MsgCancelRequest{Client: who(clientStr), RequestId: id})
		case 6:
			_, _ = c.EvaluationMsg.AddCollateral(ctx, &types.MsgAddCollateral{Evaluator: who(eveStr), Amount: amount})
		case 7:
			_, _ = c.EvaluationMsg.UnbondEvaluator(ctx, &types.MsgUnbondEvaluator{Evaluator: who(eveStr)})
		}
	})
}
