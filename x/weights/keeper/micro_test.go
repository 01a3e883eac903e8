package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/don-network/don/x/weights/types"
)

func BenchmarkMicroMarshal(b *testing.B) {
	st := types.NewModelState(5, 100)
	st.LambdaFees = dec("123.456789012345678")
	st.LambdaRequests = dec("0.987654321098765432")
	st.LambdaReveals = dec("0.387654321098765432")
	st.Raw = dec("93.1234567890123")
	st.LastWeight = dec("0.0001234567890123")
	for i := 0; i < b.N; i++ {
		bz, _ := st.Marshal()
		var out types.ModelState
		_ = out.Unmarshal(bz)
	}
}

func BenchmarkMicroAdvance(b *testing.B) {
	p := types.DefaultParams()
	st := types.NewModelState(5, 100)
	st.LambdaFees = dec("123.456789012345678")
	st.LambdaRequests = dec("0.987654321098765432")
	ps := types.NewPendingSignals(5)
	ps.Requests = 1
	ps.Fees = sdkmath.NewInt(500)
	decs := make([]*types.Decayer, 4)
	for k := range decs {
		decs[k] = types.NewDecayer(p.Filter(k))
	}
	for i := 0; i < b.N; i++ {
		s := st
		for kind := 0; kind < 4; kind++ {
			l := decs[kind].Decay(s.Lambda(kind), 99)
			s.SetLambda(kind, p.Filter(kind).Step(l, ps.Observation(kind)))
		}
		s.Raw = p.Raw(s)
	}
}
