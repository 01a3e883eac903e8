package keeper_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/testutil/donchain"
	"github.com/don-network/don/x/evaluation/keeper"
	"github.com/don-network/don/x/evaluation/types"
	minttypes "github.com/don-network/don/x/mint/types"
)

// Seeded random runs interleave every message of the module, right and
// wrong, with EndBlock. After every step all four modules' invariants hold
// (x/evaluation's: module balance = open escrows + collateral, queues and
// exposures consistent), a refused message is a registered x/evaluation
// error and changed nothing, and the supply moved by exactly the burns and
// mints the step's events report.
func TestRandomOperationsKeepInvariants(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) { runRandom(t, seed, 400) })
	}
}

// randomRun is one seeded run's actors and counters.
type randomRun struct {
	*env
	rng                              *rand.Rand
	p                                types.Params
	evaluators, clients, challengers []account
	outcomes                         map[string]int
}

func runRandom(t *testing.T, seed uint64, steps int) {
	e := newEnvWith(t, func(p *types.Params) {
		p.UnbondingBlocks = 15 // unbondings complete within the run
		p.SuspensionBlocks = 20
		p.MaxDuePerBlock = 3          // queue work spills over into later blocks
		p.RequestRetentionBlocks = 30 // ended requests are deleted within the run
	})
	r := &randomRun{env: e, rng: rand.New(rand.NewPCG(seed, 0x5eed)), p: e.params(), outcomes: map[string]int{}}
	ev3, ev4 := e.newAccount("ev3", funds), e.newAccount("ev4", 3_000_000) // ev4 runs short of collateral
	c2, poor := e.newAccount("client2", funds), e.newAccount("poor", 400_000)
	broke := e.newAccount("broke", 0)
	r.evaluators = []account{e.eve, e.eve2, ev3, ev4}
	r.clients = []account{e.client, c2, poor}
	r.challengers = []account{e.ch, broke, c2, e.eve, e.eve2}

	for step := 0; step < steps; step++ {
		em := e.Ctx.EventManager() // EndBlock replaces it: keep this block's
		seen := len(em.Events())
		supply := e.Supply()
		before := e.snapshot()

		name, err := r.step()
		if err != nil {
			// A refusal is expected here; it must be one of the module's
			// registered errors and must have changed nothing.
			codespace, code, _ := errorsmod.ABCIInfo(err, false)
			require.Equal(t, types.ModuleName, codespace, "step %d %s: unregistered error %v", step, name, err)
			r.outcomes[fmt.Sprintf("refused %s code %d", name, code)]++
			e.requireUnchanged(before)
		}
		// No optimizer work is done here, so no x/mint round closes and
		// minted stays 0: the supply can only fall, by the reported burns.
		burned, minted := r.tally(em.Events()[seen:])
		require.Equal(t, supply.Sub(burned).Add(minted).String(), e.Supply().String(),
			"step %d %s: supply must move by the reported burns (%s) and mints (%s)", step, name, burned, minted)
		e.CheckInvariants()
	}
	for _, want := range []string{
		"claimed", "submitted", "settled", "slashed", "verified", "timed out", "refunded", "cancelled", "pruned",
		"registered", "unbonding", "unbonded", "collateral added",
	} {
		require.Positive(t, r.outcomes[want], "seed %d never reached %q: %v", seed, want, r.outcomes)
	}
	t.Logf("seed %d at height %d: %v", seed, e.Ctx.BlockHeight(), r.outcomes)
	requireGenesisRoundTrip(t, e)
}

// requireGenesisRoundTrip imports the exported state into a fresh chain
// and checks that the state and the queues InitGenesis rebuilds match.
func requireGenesisRoundTrip(t *testing.T, e *env) {
	gs, err := e.Evaluation.ExportGenesis(e.Ctx)
	require.NoError(t, err)
	c := donchain.New(t, donchain.Options{Models: 2, Evaluation: func(g *types.GenesisState) { *g = *gs }})
	again, err := c.Evaluation.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	require.Equal(t, string(e.Codec.MustMarshalJSON(gs)), string(c.Codec.MustMarshalJSON(again)))
	queues := func(k *keeper.Keeper, ctx sdk.Context) (due, unbonding []string, open uint64) {
		require.NoError(t, k.Due.Walk(ctx, nil, func(key collections.Pair[int64, uint64]) (bool, error) {
			due = append(due, fmt.Sprint(key.K1(), "/", key.K2()))
			return false, nil
		}))
		require.NoError(t, k.Unbonding.Walk(ctx, nil, func(key collections.Pair[int64, sdk.AccAddress]) (bool, error) {
			unbonding = append(unbonding, fmt.Sprint(key.K1(), "/", key.K2()))
			return false, nil
		}))
		open, err := k.OpenCount.Get(ctx)
		require.NoError(t, err)
		return due, unbonding, open
	}
	d1, u1, o1 := queues(e.Evaluation, e.Ctx)
	d2, u2, o2 := queues(c.Evaluation, c.Ctx)
	require.Equal(t, d1, d2, "due queue")
	require.Equal(t, u1, u2, "unbonding queue")
	require.Equal(t, o1, o2, "open count")
	require.NoError(t, c.Evaluation.CheckQueues(c.Ctx))
}

// tally sums the coins the events report burned (settlement burns, the
// burned part of a wrong-result slash, timeout slashes) and minted (x/mint
// round coinbases), and counts outcomes.
func (r *randomRun) tally(events sdk.Events) (burned, minted sdkmath.Int) {
	burned, minted = sdkmath.ZeroInt(), sdkmath.ZeroInt()
	for _, ev := range events {
		msg, err := sdk.ParseTypedEvent(abci.Event(ev))
		if err != nil {
			continue // not a typed event (bank's own events)
		}
		switch m := msg.(type) {
		case *types.EventRequestSettled:
			burned = burned.Add(m.Burned.Amount)
			r.outcomes["settled"]++
		case *types.EventChallengeResolved:
			burned = burned.Add(m.Burned.Amount)
			if m.Wrong {
				r.outcomes["slashed"]++
			} else {
				r.outcomes["verified"]++
			}
		case *types.EventRequestTimedOut:
			burned = burned.Add(m.Slashed.Amount)
			r.outcomes["timed out"]++
		case *types.EventRequestRefunded:
			if m.Status == types.REQUEST_STATUS_CANCELLED {
				r.outcomes["cancelled"]++
			} else {
				r.outcomes["refunded"]++
			}
		case *types.EventRequestClaimed:
			r.outcomes["claimed"]++
		case *types.EventResultSubmitted:
			r.outcomes["submitted"]++
		case *types.EventEvaluatorRegistered:
			r.outcomes["registered"]++
		case *types.EventCollateralAdded:
			r.outcomes["collateral added"]++
		case *types.EventEvaluatorUnbonding:
			r.outcomes["unbonding"]++
		case *types.EventEvaluatorUnbonded:
			r.outcomes["unbonded"]++
		case *types.EventRequestPruned:
			r.outcomes["pruned"]++
		case *minttypes.EventRoundClosed:
			minted = minted.Add(m.Coinbase.Amount)
		}
	}
	return burned, minted
}

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

// requestWith picks a request: usually one in the given status, otherwise
// any id issued so far or the next, unissued one.
func (r *randomRun) requestWith(status types.RequestStatus) uint64 {
	var ids []uint64
	require.NoError(r.t, r.Evaluation.Requests.Walk(r.Ctx, nil, func(id uint64, req types.Request) (bool, error) {
		if req.Status == status {
			ids = append(ids, id)
		}
		return false, nil
	}))
	if len(ids) > 0 && r.rng.IntN(10) < 8 {
		return pick(r.rng, ids)
	}
	issued, err := r.Evaluation.RequestSeq.Peek(r.Ctx)
	require.NoError(r.t, err)
	return 1 + r.rng.Uint64N(issued+1)
}

// evaluator picks an evaluator account: usually one whose state (nil if
// not registered) fits, otherwise any.
func (r *randomRun) evaluator(fits func(*types.Evaluator) bool) string {
	var ok []string
	for _, a := range r.evaluators {
		ev, err := r.Evaluation.Evaluators.Get(r.Ctx, a.addr)
		if err != nil && fits(nil) || err == nil && fits(&ev) {
			ok = append(ok, a.str)
		}
	}
	if len(ok) > 0 && r.rng.IntN(10) < 8 {
		return pick(r.rng, ok)
	}
	return pick(r.rng, r.evaluators).str
}

// step runs one random operation and returns its name and error.
func (r *randomRun) step() (string, error) {
	e, p, rng, ctx := r.env, r.p, r.rng, r.Ctx
	msg := e.EvaluationMsg
	switch x := rng.IntN(100); {
	case x < 5:
		coll := pick(rng, []sdkmath.Int{p.MinCollateral.SubRaw(1), p.MinCollateral, p.MinCollateral.MulRaw(2), p.MinCollateral.MulRaw(5)})
		_, err := msg.RegisterEvaluator(ctx, &types.MsgRegisterEvaluator{
			Evaluator: r.evaluator(func(ev *types.Evaluator) bool { return ev == nil }), Collateral: coll, Capacity: uint32(rng.IntN(6)),
		})
		return "register", err
	case x < 9:
		_, err := msg.AddCollateral(ctx, &types.MsgAddCollateral{
			Evaluator: pick(rng, r.evaluators).str, Amount: sdkmath.NewInt(rng.Int64N(600_000)),
		})
		return "add collateral", err
	case x < 12:
		// Usually one that may unbond: nothing open.
		who := r.evaluator(func(ev *types.Evaluator) bool { return ev != nil && ev.Open == 0 && ev.UnbondingHeight == 0 })
		_, err := msg.UnbondEvaluator(ctx, &types.MsgUnbondEvaluator{Evaluator: who})
		return "unbond", err
	case x < 30:
		fee := p.MinFee.AddRaw(rng.Int64N(200_000))
		if rng.IntN(20) == 0 {
			fee = p.MinFee.SubRaw(1)
		}
		m := &types.MsgRequestEvaluation{
			Client: pick(rng, r.clients).str, ModelId: pick(rng, []uint64{1, 1, 1, 2, 2, 2, 3}), // model 3 does not exist
			Inputs: inputs(1 + rng.IntN(3)), MaxFee: fee, Deadline: ctx.BlockHeight() + 1 + rng.Int64N(30),
		}
		_, err := msg.RequestEvaluation(ctx, m)
		return "request", err
	case x < 50:
		_, err := msg.ClaimRequest(ctx, &types.MsgClaimRequest{
			Evaluator: r.evaluator(func(ev *types.Evaluator) bool { return ev != nil && ev.UnbondingHeight == 0 }),
			RequestId: r.requestWith(types.REQUEST_STATUS_OPEN),
		})
		return "claim", err
	case x < 60:
		id := r.requestWith(types.REQUEST_STATUS_CLAIMED)
		req, err := e.Evaluation.GetRequest(ctx, id)
		who, outputs := pick(rng, r.evaluators).str, []int64{1}
		if err == nil {
			if req.Evaluator != "" && rng.IntN(10) < 9 {
				who = req.Evaluator
			}
			outputs = e.truth(id)
			switch y := rng.IntN(10); {
			case y < 3: // a wrong result, one unit in the last place
				outputs[rng.IntN(len(outputs))]++
			case y == 3: // the wrong shape
				outputs = outputs[1:]
			}
		}
		_, err = msg.SubmitResult(ctx, &types.MsgSubmitResult{Evaluator: who, RequestId: id, Outputs: outputs})
		return "submit", err
	case x < 70:
		bond := p.MinChallengeBond
		if rng.IntN(8) == 0 {
			bond = bond.SubRaw(1)
		}
		_, err := msg.ChallengeResult(ctx, &types.MsgChallengeResult{
			Challenger: pick(rng, r.challengers).str, RequestId: r.requestWith(types.REQUEST_STATUS_SUBMITTED), Bond: bond,
		})
		return "challenge", err
	case x < 74:
		id := r.requestWith(types.REQUEST_STATUS_OPEN)
		client := pick(rng, r.clients).str
		if req, err := e.Evaluation.GetRequest(ctx, id); err == nil && rng.IntN(5) > 0 {
			client = req.Client
		}
		_, err := msg.CancelRequest(ctx, &types.MsgCancelRequest{Client: client, RequestId: id})
		return "cancel", err
	default:
		e.EndBlock()
		return "end block", nil
	}
}
