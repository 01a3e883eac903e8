package evaluation_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/don-network/don/testutil/donchain"
	"github.com/don-network/don/x/evaluation"
	"github.com/don-network/don/x/evaluation/types"
)

// An upgrade runs migration 1→2 as the app's module manager does: on a
// version 1 state (the sequence holding the last id issued, params without
// retry_interval_blocks) the next request gets the next id, not one that
// is taken.
func TestMigration1to2ThroughModuleManager(t *testing.T) {
	c := donchain.New(t, donchain.Options{Models: 1})
	client, clientStr := c.Addr("client")
	c.Fund(client, 1_000_000_000)
	request := func() uint64 {
		res, err := c.EvaluationMsg.RequestEvaluation(c.Ctx, &types.MsgRequestEvaluation{
			Client: clientStr, ModelId: 1, Inputs: []int64{1, 2, 3, 4}, MaxFee: sdkmath.NewInt(100_000), Deadline: c.Ctx.BlockHeight() + 50,
		})
		require.NoError(t, err)
		return res.RequestId
	}
	for want := uint64(1); want <= 3; want++ {
		require.Equal(t, want, request())
	}
	// Version 1 shape: the last id issued, no retry_interval_blocks.
	require.NoError(t, c.Evaluation.RequestSeq.Set(c.Ctx, 3))
	p, err := c.Evaluation.Params.Get(c.Ctx)
	require.NoError(t, err)
	p.RetryIntervalBlocks = 0
	require.NoError(t, c.Evaluation.Params.Set(c.Ctx, p))

	am := evaluation.NewAppModule(c.Evaluation)
	require.Equal(t, uint64(2), am.ConsensusVersion())
	reg := c.Codec.InterfaceRegistry()
	msr, qr := baseapp.NewMsgServiceRouter(), baseapp.NewGRPCQueryRouter()
	msr.SetInterfaceRegistry(reg)
	qr.SetInterfaceRegistry(reg)
	cfg := module.NewConfigurator(c.Codec, msr, qr)
	mm := module.NewManager(am)
	require.NoError(t, mm.RegisterServices(cfg))
	versions, err := mm.RunMigrations(c.Ctx, cfg, module.VersionMap{types.ModuleName: 1})
	require.NoError(t, err)
	require.Equal(t, uint64(2), versions[types.ModuleName])

	p, err = c.Evaluation.Params.Get(c.Ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(types.DefaultRetryIntervalBlocks), p.RetryIntervalBlocks)
	require.Equal(t, uint64(4), request(), "ids 1–3 are taken")
	gs, err := c.Evaluation.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(5), gs.NextRequestId)
	require.NoError(t, gs.Validate())
	require.NoError(t, c.Evaluation.CheckInvariants(c.Ctx))
}

// autocli panics at start on a method name that does not resolve: every
// query command, failed-items included, names a method of the service.
func TestAutoCLIQueriesResolve(t *testing.T) {
	q := evaluation.AppModule{}.AutoCLIOptions().Query
	d, err := proto.HybridResolver.FindDescriptorByName(protoreflect.FullName(q.Service))
	require.NoError(t, err)
	methods := d.(protoreflect.ServiceDescriptor).Methods()
	for _, o := range q.RpcCommandOptions {
		require.NotNil(t, methods.ByName(protoreflect.Name(o.RpcMethod)), o.RpcMethod)
	}
	require.Equal(t, methods.Len(), len(q.RpcCommandOptions), "every query has its command")
}
