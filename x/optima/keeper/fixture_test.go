package keeper_test

import (
	"context"
	"encoding/json"
	"testing"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/don-network/don/testutil/fixture"
	"github.com/don-network/don/x/optima/keeper"
	"github.com/don-network/don/x/optima/types"
)

// env is an x/optima keeper on the shared fixture, with one genesis
// regime-ar model (id 1) and a funded optimizer.
type env struct {
	*fixture.Fixture
	k   *keeper.Keeper
	msg types.MsgServer
	q   types.QueryServer

	optimizer    sdk.AccAddress
	optimizerStr string
	// past holds the events of the blocks that advance ended.
	past    sdk.Events
	weights *testWeights
	mint    *testMint
}

const (
	funds      = 1_000_000_000
	commitBond = 1_000_000
	testModel  = uint64(1)
)

var testSalt = []byte("0123456789abcdef0123456789abcdef")

func regimeARSpec(t require.TestingT, name string) types.GenesisModel {
	cfg, err := types.DefaultDomainConfig("regime-ar")
	require.NoError(t, err)
	return types.GenesisModel{
		Name:           name,
		Domain:         "regime-ar",
		Config:         cfg,
		EvalSamples:    64,
		MinImprovement: sdkmath.LegacyNewDecWithPrec(5, 3),
		SeedBlocks:     2,
		RevealWindow:   5,
		CommitBond:     sdk.NewInt64Coin(fixture.Denom, commitBond),
	}
}

// testWeights stands in for x/weights: every active model weighs 1/N, and
// it records the calls x/optima makes.
type testWeights struct {
	active   map[uint64]bool // id → admitted
	reveals  int
	accepted int
}

func (w *testWeights) ModelWeight(_ context.Context, id uint64) (sdkmath.LegacyDec, error) {
	if _, ok := w.active[id]; !ok {
		return sdkmath.LegacyZeroDec(), nil
	}
	return sdkmath.LegacyOneDec().QuoInt64(int64(len(w.active))), nil
}

func (w *testWeights) RecordReveal(_ context.Context, _ uint64, accepted bool) error {
	w.reveals++
	if accepted {
		w.accepted++
	}
	return nil
}

func (w *testWeights) OnModelActivated(_ context.Context, id uint64, admitted bool) error {
	w.active[id] = admitted
	return nil
}

func (w *testWeights) OnModelAdmitted(_ context.Context, id uint64) error {
	w.active[id] = true
	return nil
}

func (w *testWeights) ModelActivity(_ context.Context, id uint64) (bool, bool, error) {
	admitted, ok := w.active[id]
	return ok, admitted, nil
}

func (w *testWeights) ActiveTotals(context.Context) (uint64, uint64, error) {
	var admitted uint64
	for _, a := range w.active {
		if a {
			admitted++
		}
	}
	return uint64(len(w.active)), admitted, nil
}

func (w *testWeights) OnModelRetired(_ context.Context, id uint64) error {
	delete(w.active, id)
	return nil
}

// testMint stands in for x/mint and sums the work it receives per optimizer.
type testMint struct{ work map[string]sdkmath.LegacyDec }

func (m *testMint) AddOptimizerWork(_ context.Context, optimizer sdk.AccAddress, _ uint64, work sdkmath.LegacyDec) error {
	have, ok := m.work[string(optimizer)]
	if !ok {
		have = sdkmath.LegacyZeroDec()
	}
	m.work[string(optimizer)] = have.Add(work)
	return nil
}

func (m *testMint) Denom(context.Context) (string, error) { return fixture.Denom, nil }

// newKeeper returns an x/optima keeper with empty state on a new fixture.
func newKeeper(t testing.TB) (*fixture.Fixture, *keeper.Keeper, *testWeights, *testMint) {
	t.Helper()
	f := fixture.New(t, []string{types.StoreKey},
		map[string][]string{types.ModuleName: {authtypes.Burner}}, types.RegisterInterfaces)
	w := &testWeights{active: map[uint64]bool{}}
	m := &testMint{work: map[string]sdkmath.LegacyDec{}}
	return f, keeper.NewKeeper(f.Codec, f.StoreService(types.StoreKey), f.AddressCodec, f.Authority, f.BankKeeper, w, m), w, m
}

func newEnv(t testing.TB) *env {
	t.Helper()
	f, k, weights, mint := newKeeper(t)
	gs := types.DefaultGenesis()
	gs.GenesisModels = []types.GenesisModel{regimeARSpec(t, "regime-ar-test")}
	require.NoError(t, k.InitGenesis(f.Ctx, *gs))
	require.NoError(t, k.BeginBlocker(f.Ctx))

	e := &env{Fixture: f, k: k, msg: keeper.NewMsgServerImpl(k), q: keeper.NewQueryServerImpl(k), weights: weights, mint: mint}
	e.optimizer, e.optimizerStr = f.Addr("optimizer")
	f.Fund(e.optimizer, funds)
	return e
}

// advance ends the current block and begins n more, like the chain does.
func (e *env) advance(n int) {
	e.T.Helper()
	for i := 0; i < n; i++ {
		require.NoError(e.T, e.k.EndBlocker(e.Ctx))
		e.past = append(e.past, e.Ctx.EventManager().Events()...)
		e.NextBlock()
		require.NoError(e.T, e.k.BeginBlocker(e.Ctx))
	}
}

// goodAR is a clearly better regime-ar predictor than the zero vector:
// lag-2 0.2, lag-1 0.5, bias 0.3 (layout: oldest lag first, bias last).
func goodAR(t testing.TB) []int64 { return fixture.Fixed(t, "0", "0", "0.2", "0.5", "0.3") }

// commit sends a commit for params with testSalt and returns its id.
func (e *env) commit(params []int64) uint64 {
	e.T.Helper()
	res, err := e.msg.CommitOptimum(e.Ctx, &types.MsgCommitOptimum{
		Optimizer:  e.optimizerStr,
		ModelId:    testModel,
		Commitment: types.ComputeCommitment(testModel, e.optimizer, params, testSalt),
	})
	require.NoError(e.T, err)
	return res.CommitId
}

// snapshot captures the module state and the balances a failed message
// must not change.
func (e *env) snapshot(addrs ...sdk.AccAddress) string {
	e.T.Helper()
	gs, err := e.k.ExportGenesis(e.Ctx)
	require.NoError(e.T, err)
	state := map[string]any{
		"genesis": gs,
		"supply":  e.Supply().String(),
		"module":  e.ModuleBalance(types.ModuleName).String(),
	}
	for _, a := range append(addrs, e.optimizer) {
		state[a.String()] = e.Balance(a).String()
	}
	bz, err := json.Marshal(state)
	require.NoError(e.T, err)
	return string(bz)
}

func collectionsKey(model, optimum uint64) collections.Pair[uint64, uint64] {
	return collections.Join(model, optimum)
}
