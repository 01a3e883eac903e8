package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/don-network/don/testutil/donchain"
	"github.com/don-network/don/x/evaluation/types"
	"github.com/don-network/don/x/optima/fixedpoint"
	optimatypes "github.com/don-network/don/x/optima/types"
)

// account is a funded test address.
type account struct {
	addr sdk.AccAddress
	str  string
}

// env is the DON chain with a client, two evaluators and a challenger.
type env struct {
	*donchain.Chain
	t                     testing.TB
	client, eve, eve2, ch account
}

const (
	funds      = 1_000_000_000
	collateral = 10_000_000
	maxFee     = 100_000
)

func newEnv(t *testing.T) *env {
	return newEnvWith(t, nil)
}

func newEnvWith(t *testing.T, mutate func(*types.Params)) *env {
	c := donchain.New(t, donchain.Options{Models: 2, Evaluation: func(gs *types.GenesisState) {
		if mutate != nil {
			mutate(&gs.Params)
		}
	}})
	e := &env{Chain: c, t: t}
	for _, a := range []*account{&e.client, &e.eve, &e.eve2, &e.ch} {
		name := map[*account]string{&e.client: "client", &e.eve: "eve", &e.eve2: "eve2", &e.ch: "challenger"}[a]
		a.addr, a.str = c.Addr(name)
		c.Fund(a.addr, funds)
	}
	return e
}

func (e *env) params() types.Params {
	p, err := e.Evaluation.Params.Get(e.Ctx)
	require.NoError(e.t, err)
	return p
}

// register makes a an evaluator.
func (e *env) register(a account, coll int64, capacity uint32) {
	e.t.Helper()
	_, err := e.EvaluationMsg.RegisterEvaluator(e.Ctx, &types.MsgRegisterEvaluator{
		Evaluator: a.str, Collateral: sdkmath.NewInt(coll), Capacity: capacity,
	})
	require.NoError(e.t, err)
}

// inputs returns rows of the regime-ar input width (4 lags), all distinct.
func inputs(rows int) []int64 {
	out := make([]int64, 0, rows*4)
	for r := 0; r < rows; r++ {
		for j := 0; j < 4; j++ {
			out = append(out, int64(fixedpoint.FromInt(int64(r+1)))/int64(j+2))
		}
	}
	return out
}

// request opens a request on model 1 with the default max fee and a
// deadline 50 blocks ahead.
func (e *env) request(rows int) uint64 {
	e.t.Helper()
	res, err := e.EvaluationMsg.RequestEvaluation(e.Ctx, &types.MsgRequestEvaluation{
		Client: e.client.str, ModelId: 1, Inputs: inputs(rows), MaxFee: sdkmath.NewInt(maxFee), Deadline: e.Ctx.BlockHeight() + 50,
	})
	require.NoError(e.t, err)
	return res.RequestId
}

func (e *env) get(id uint64) types.Request {
	r, err := e.Evaluation.GetRequest(e.Ctx, id)
	require.NoError(e.t, err)
	return r
}

func (e *env) evaluator(a account) types.Evaluator {
	ev, err := e.Evaluation.GetEvaluator(e.Ctx, a.addr)
	require.NoError(e.t, err)
	return ev
}

// truth computes the correct outputs of a claimed request with the
// domain's own Predict on the pinned optimum.
func (e *env) truth(id uint64) []int64 {
	e.t.Helper()
	r := e.get(id)
	m, err := e.Optima.GetModel(e.Ctx, r.ModelId)
	require.NoError(e.t, err)
	o, err := e.Optima.GetOptimum(e.Ctx, r.ModelId, r.OptimumId)
	require.NoError(e.t, err)
	outs, _, err := optimatypes.Predict(m, o.Params, r.Inputs)
	require.NoError(e.t, err)
	return outs
}

func (e *env) moduleBalance() sdkmath.Int {
	return e.BankKeeper.GetBalance(e.Ctx, authtypes.NewModuleAddress(types.ModuleName), "udon").Amount
}

// snapshot is everything a refused message must leave unchanged.
type snapshot struct {
	genesis  *types.GenesisState
	balances map[string]sdkmath.Int
	supply   sdkmath.Int
}

func (e *env) snapshot() snapshot {
	gs, err := e.Evaluation.ExportGenesis(e.Ctx)
	require.NoError(e.t, err)
	bal := map[string]sdkmath.Int{"module": e.moduleBalance()}
	for _, a := range []account{e.client, e.eve, e.eve2, e.ch} {
		bal[a.str] = e.Balance(a.addr)
	}
	return snapshot{genesis: gs, balances: bal, supply: e.Supply()}
}

// newAccount returns a further test address funded with amount udon (none
// for 0).
func (e *env) newAccount(name string, amount int64) account {
	var a account
	a.addr, a.str = e.Addr(name)
	if amount > 0 {
		e.Fund(a.addr, amount)
	}
	return a
}

// requestMsg is a valid request by a on model 1: rows rows, the default
// max fee, a deadline 50 blocks ahead.
func (e *env) requestMsg(a account, rows int) *types.MsgRequestEvaluation {
	return &types.MsgRequestEvaluation{
		Client: a.str, ModelId: 1, Inputs: inputs(rows), MaxFee: sdkmath.NewInt(maxFee), Deadline: e.Ctx.BlockHeight() + 50,
	}
}

// requestBy opens a request by a (see requestMsg).
func (e *env) requestBy(a account, rows int) uint64 {
	e.t.Helper()
	res, err := e.EvaluationMsg.RequestEvaluation(e.Ctx, e.requestMsg(a, rows))
	require.NoError(e.t, err)
	return res.RequestId
}

func (e *env) claim(a account, id uint64) (sdkmath.Int, error) {
	res, err := e.EvaluationMsg.ClaimRequest(e.Ctx, &types.MsgClaimRequest{Evaluator: a.str, RequestId: id})
	if err != nil {
		return sdkmath.Int{}, err
	}
	return res.Price, nil
}

func (e *env) mustClaim(a account, id uint64) sdkmath.Int {
	e.t.Helper()
	price, err := e.claim(a, id)
	require.NoError(e.t, err)
	return price
}

// mustSubmit submits the correct outputs and returns the settle height.
func (e *env) mustSubmit(a account, id uint64) int64 {
	e.t.Helper()
	res, err := e.EvaluationMsg.SubmitResult(e.Ctx, &types.MsgSubmitResult{Evaluator: a.str, RequestId: id, Outputs: e.truth(id)})
	require.NoError(e.t, err)
	return res.SettleHeight
}

// requireUnchanged fails if the state differs from before. It compares the
// encoded genesis and the amounts' decimal strings: sdkmath.Int values
// equal in amount may differ in their big.Int internals.
func (e *env) requireUnchanged(before snapshot) {
	e.t.Helper()
	after := e.snapshot()
	require.Equal(e.t, string(e.Codec.MustMarshalJSON(before.genesis)), string(e.Codec.MustMarshalJSON(after.genesis)), "x/evaluation state changed")
	amounts := func(s snapshot) map[string]string {
		out := map[string]string{"supply": s.supply.String()}
		for k, v := range s.balances {
			out[k] = v.String()
		}
		return out
	}
	require.Equal(e.t, amounts(before), amounts(after), "coins moved")
}
