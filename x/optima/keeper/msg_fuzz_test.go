package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/testutil/donchain"
	"github.com/don-network/don/testutil/fixture"
	"github.com/don-network/don/x/internal/fuzzkit"
	"github.com/don-network/don/x/optima/types"
)

// FuzzMsgServer sends x/optima's user messages with fuzzed fields to a
// chain with two models and an open commit (id 1, revealable): any may
// fail, none may panic. Each message runs in a throw-away cache context.
func FuzzMsgServer(f *testing.F) {
	c := donchain.New(f, donchain.Options{Models: 2})
	addr, addrStr := c.Addr("optimizer")
	c.Fund(addr, 1_000_000_000)
	salt := make([]byte, 16)
	committed := make([]int64, 5)
	res, err := c.OptimaMsg.CommitOptimum(c.Ctx, &types.MsgCommitOptimum{
		Optimizer: addrStr, ModelId: 1, Commitment: types.ComputeCommitment(1, addr, committed, salt),
	})
	require.NoError(f, err)
	c.EndBlocksUntil(res.RevealFrom)
	cdc := codec.NewProtoCodec(codectypes.NewInterfaceRegistry())

	f.Add(uint8(0), uint64(0), uint32(64), "0.005", []byte(`{"regime_ar": {"lags": 2, "constant": ["x", "0"], "phi1": []}}`))
	f.Add(uint8(0), uint64(1), uint32(512), "0.5", []byte(`{"friedman1": {"hidden": 16, "noise": "1.0"}}`))
	f.Add(uint8(0), uint64(2), uint32(4096), "", []byte(`{"spirals": {"hidden": 65535}}`))
	f.Add(uint8(1), uint64(1), uint32(0), "", make([]byte, 32))
	f.Add(uint8(1), uint64(9), uint32(0), "", []byte{1})
	f.Add(uint8(2), uint64(1), uint32(0), string(salt), make([]byte, 40))
	f.Add(uint8(2), uint64(1), uint32(0), string(salt), make([]byte, 24))
	f.Add(uint8(2), uint64(7), uint32(0), "short", []byte{})
	f.Add(uint8(3), uint64(1), uint32(0), "", []byte{})
	f.Add(uint8(7), uint64(2), uint32(0), "not-an-address", []byte{})
	f.Fuzz(func(t *testing.T, kind uint8, id uint64, n uint32, s string, bz []byte) {
		ctx, _ := c.Ctx.CacheContext()
		signer := addrStr
		if kind&4 != 0 { // also fuzz the signer field
			signer = s
		}
		switch kind % 4 {
		case 0:
			var cfg types.DomainConfig
			_ = cdc.UnmarshalJSON(bz, &cfg)
			domains := []string{"friedman1", "spirals", "regime-ar", s}
			_, _ = c.OptimaMsg.RegisterModel(ctx, &types.MsgRegisterModel{
				Creator: signer, Name: s, Domain: domains[id%4], Config: cfg, InitialParams: fuzzkit.Int64s(bz),
				EvalSamples: n, MinImprovement: fuzzkit.Dec(s), SeedBlocks: n % 32, RevealWindow: n,
				CommitBond: sdk.Coin{Denom: fixture.Denom, Amount: fuzzkit.Int(s)},
				Deposit:    sdk.Coin{Denom: s, Amount: fuzzkit.Int(s)},
			})
		case 1:
			_, _ = c.OptimaMsg.CommitOptimum(ctx, &types.MsgCommitOptimum{Optimizer: signer, ModelId: id, Commitment: bz})
		case 2:
			_, _ = c.OptimaMsg.RevealOptimum(ctx, &types.MsgRevealOptimum{
				Optimizer: signer, CommitId: id, Params: fuzzkit.Int64s(bz), Salt: []byte(s),
			})
		case 3:
			_, _ = c.OptimaMsg.RetireModel(ctx, &types.MsgRetireModel{Signer: signer, ModelId: id})
		}
	})
}
