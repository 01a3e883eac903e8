package keeper_test

import (
	"testing"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/testutil/donchain"
	"github.com/don-network/don/testutil/fixture"
	"github.com/don-network/don/x/evaluation/keeper"
	"github.com/don-network/don/x/evaluation/types"
)

// submittedBatch registers eve with room for n requests and has her answer
// n fresh requests in this block: all settle at the returned height.
func (e *env) submittedBatch(n int) ([]uint64, int64) {
	e.t.Helper()
	e.register(e.eve, collateral, uint32(n))
	ids := make([]uint64, n)
	var settleAt int64
	for i := range ids {
		ids[i] = e.request(1)
		e.mustClaim(e.eve, ids[i])
		settleAt = e.mustSubmit(e.eve, ids[i])
	}
	return ids, settleAt
}

// pin points request id at an optimum of its model: one that does not
// exist makes its settlement fail (the optimizer to pay is unknown).
func (e *env) pin(id, optimum uint64) {
	e.t.Helper()
	r := e.get(id)
	r.OptimumId = optimum
	require.NoError(e.t, e.Evaluation.Requests.Set(e.Ctx, id, r))
}

// failed returns request id's failed item, if it has one.
func (e *env) failed(id uint64) (types.FailedItem, bool) {
	e.t.Helper()
	rec, err := e.Evaluation.FailedItems.Get(e.Ctx, keeper.DueFailedKey(id))
	if err != nil {
		require.ErrorIs(e.t, err, collections.ErrNotFound)
		return rec, false
	}
	return rec, true
}

func (e *env) queued(id uint64, h int64) bool {
	has, err := e.Evaluation.Due.Has(e.Ctx, collections.Join(h, id))
	require.NoError(e.t, err)
	return has
}

func (e *env) failedItems() []types.FailedItem {
	res, err := keeper.NewQueryServerImpl(e.Evaluation).FailedItems(e.Ctx, &types.QueryFailedItemsRequest{})
	require.NoError(e.t, err)
	return res.FailedItems
}

// drain moves the module account's coins to a vault, so every payment by
// the module fails until refill returns them.
func (e *env) drain() (refill func()) {
	e.t.Helper()
	vault := e.newAccount("vault", 0)
	coins := sdk.NewCoins(sdk.NewCoin(fixture.Denom, e.moduleBalance()))
	require.NoError(e.t, e.BankKeeper.SendCoinsFromModuleToAccount(e.Ctx, types.ModuleName, vault.addr, coins))
	return func() {
		require.NoError(e.t, e.BankKeeper.SendCoinsFromAccountToModule(e.Ctx, vault.addr, types.ModuleName, coins))
	}
}

// endBlock ends the block without the invariants (a test broke the module
// balance on purpose) and returns its events.
func (e *env) endBlock() sdk.Events {
	em := e.Ctx.EventManager()
	e.EndBlockers()
	e.BeginNextBlock()
	return em.Events()
}

// checkedEndBlock ends the block with every invariant and returns its events.
func (e *env) checkedEndBlock() sdk.Events {
	em := e.Ctx.EventManager()
	e.EndBlock()
	return em.Events()
}

func setAsideEvent(rec types.FailedItem) types.EventQueueItemSetAside {
	return types.EventQueueItemSetAside{
		Kind: rec.Kind, RequestId: rec.RequestId, Evaluator: rec.Evaluator, DueHeight: rec.DueHeight,
		FailedHeight: rec.FailedHeight, RetryHeight: rec.RetryHeight, Attempts: rec.Attempts, Error: rec.Error,
	}
}

// A failing settlement no longer holds the queue: it is set aside with its
// error and an event carrying all of it, its changes are discarded, and the
// request behind it settles in the same block.
func TestFailingItemIsSetAsideAndNextProceeds(t *testing.T) {
	e := newEnv(t)
	p := e.params()
	ids, settleAt := e.submittedBatch(2)
	bad, good := ids[0], ids[1]
	e.pin(bad, 999)
	e.EndBlocksUntil(settleAt)
	eveBefore := e.Balance(e.eve.addr)
	events := e.checkedEndBlock() // the settle height, invariants included

	require.Equal(t, types.REQUEST_STATUS_SETTLED, e.get(good).Status, "the item behind proceeds")
	settled := fixture.EventsOf[types.EventRequestSettled](t, events)
	require.Len(t, settled, 1)
	require.Equal(t, good, settled[0].RequestId)
	fee := settled[0].EvaluatorFee
	require.Equal(t, fixture.Denom, fee.Denom)
	require.Equal(t, eveBefore.Add(fee.Amount), e.Balance(e.eve.addr), "only the good request paid")

	r := e.get(bad)
	require.Equal(t, types.REQUEST_STATUS_SUBMITTED, r.Status, "the failed settlement changed nothing")
	require.Equal(t, settleAt, r.DueHeight)
	require.False(t, e.queued(bad, settleAt), "out of the due queue")
	rec, ok := e.failed(bad)
	require.True(t, ok)
	require.Contains(t, rec.Error, "model 1 optimum 999")
	require.Equal(t, types.FailedItem{
		Kind: types.QUEUE_KIND_DUE, RequestId: bad, DueHeight: settleAt, FailedHeight: settleAt,
		RetryHeight: settleAt + int64(p.RetryIntervalBlocks), Attempts: 1, Error: rec.Error,
	}, rec)
	require.Equal(t, []types.EventQueueItemSetAside{setAsideEvent(rec)}, fixture.EventsOf[types.EventQueueItemSetAside](t, events))
	require.Equal(t, []types.FailedItem{rec}, e.failedItems())

	// Not retried before its retry height: nothing about it changes.
	e.EndBlocksUntil(rec.RetryHeight)
	again, _ := e.failed(bad)
	require.Equal(t, rec, again)
}

// A set-aside item is retried at its retry height; while the cause remains
// it fails again (attempts 2, next retry retry_interval_blocks later); once
// the cause is fixed its retry succeeds and it leaves the failed items.
func TestSetAsideItemRetriedOnceFixed(t *testing.T) {
	e := newEnvWith(t, func(p *types.Params) { p.RetryIntervalBlocks = 5 })
	ids, settleAt := e.submittedBatch(1)
	id := ids[0]
	e.EndBlocksUntil(settleAt)
	refill := e.drain() // every payment fails: the module holds nothing
	e.endBlock()
	rec, ok := e.failed(id)
	require.True(t, ok)
	require.Contains(t, rec.Error, "insufficient funds")
	require.Equal(t, settleAt+5, rec.RetryHeight)
	require.NoError(t, e.Evaluation.CheckQueues(e.Ctx))
	require.NoError(t, e.Evaluation.CheckFailedItems(e.Ctx))

	for e.Ctx.BlockHeight() < rec.RetryHeight {
		e.endBlock()
		still, _ := e.failed(id)
		require.Equal(t, rec, still, "no retry before the retry height")
	}
	events := e.endBlock() // the retry, still without funds
	rec2, ok := e.failed(id)
	require.True(t, ok)
	require.Equal(t, uint32(2), rec2.Attempts)
	require.Equal(t, rec.RetryHeight, rec2.FailedHeight)
	require.Equal(t, rec.RetryHeight+5, rec2.RetryHeight)
	require.Equal(t, settleAt, rec2.DueHeight)
	require.Equal(t, []types.EventQueueItemSetAside{setAsideEvent(rec2)}, fixture.EventsOf[types.EventQueueItemSetAside](t, events))
	require.Equal(t, types.REQUEST_STATUS_SUBMITTED, e.get(id).Status)

	refill()
	e.EndBlocksUntil(rec2.RetryHeight)
	events = e.checkedEndBlock()
	require.Equal(t, types.REQUEST_STATUS_SETTLED, e.get(id).Status)
	_, ok = e.failed(id)
	require.False(t, ok)
	require.Empty(t, e.failedItems())
	require.Equal(t, []types.EventQueueItemRecovered{{
		Kind: types.QUEUE_KIND_DUE, RequestId: id, DueHeight: settleAt, Attempts: 2, Retried: true,
	}}, fixture.EventsOf[types.EventQueueItemRecovered](t, events))
	require.Len(t, fixture.EventsOf[types.EventRequestSettled](t, events), 1)
}

// Retries get only the budget the due items leave: with max_due_per_block
// 1, a due item and a retry at the same height run in two blocks, the due
// item first.
func TestRetriesUseLeftoverBudget(t *testing.T) {
	e := newEnvWith(t, func(p *types.Params) { p.MaxDuePerBlock = 1; p.RetryIntervalBlocks = 1 })
	e.register(e.eve, collateral, 4)
	a := e.request(1)
	e.mustClaim(e.eve, a)
	settleA := e.mustSubmit(e.eve, a)
	e.EndBlock()
	b := e.request(1)
	e.mustClaim(e.eve, b)
	require.Equal(t, settleA+1, e.mustSubmit(e.eve, b))
	e.pin(a, 999)
	e.EndBlocksUntil(settleA)
	e.EndBlock()
	rec, ok := e.failed(a)
	require.True(t, ok)
	require.Equal(t, settleA+1, rec.RetryHeight)
	e.pin(a, 0) // the cause is fixed: the retry would succeed

	e.EndBlock() // b is due: it takes the whole budget
	require.Equal(t, types.REQUEST_STATUS_SETTLED, e.get(b).Status)
	require.Equal(t, types.REQUEST_STATUS_SUBMITTED, e.get(a).Status, "no budget left for the retry")
	_, ok = e.failed(a)
	require.True(t, ok)

	e.EndBlock() // nothing due: the retry runs
	require.Equal(t, types.REQUEST_STATUS_SETTLED, e.get(a).Status)
	require.Empty(t, e.failedItems())
}

// A message that moves a set-aside request on takes its failed item with
// it: the client cancels an open request whose refund failed.
func TestMessageClearsFailedItem(t *testing.T) {
	e := newEnv(t)
	p := e.params()
	id := e.request(1)
	refundAt := e.get(id).DueHeight
	e.EndBlocksUntil(refundAt)
	refill := e.drain()
	e.endBlock()
	refill()
	rec, ok := e.failed(id)
	require.True(t, ok)
	require.Equal(t, types.REQUEST_STATUS_OPEN, e.get(id).Status)
	require.NoError(t, e.Evaluation.CheckInvariants(e.Ctx))

	ctx := e.Ctx.WithEventManager(sdk.NewEventManager())
	before := e.Balance(e.client.addr)
	_, err := e.EvaluationMsg.CancelRequest(ctx, &types.MsgCancelRequest{Client: e.client.str, RequestId: id})
	require.NoError(t, err)
	require.Equal(t, before.AddRaw(maxFee), e.Balance(e.client.addr))
	_, ok = e.failed(id)
	require.False(t, ok)
	require.Equal(t, []types.EventQueueItemRecovered{{
		Kind: types.QUEUE_KIND_DUE, RequestId: id, DueHeight: refundAt, Attempts: rec.Attempts, Retried: false,
	}}, fixture.EventsOf[types.EventQueueItemRecovered](t, ctx.EventManager().Events()))
	r := e.get(id)
	require.Equal(t, types.REQUEST_STATUS_CANCELLED, r.Status)
	require.Equal(t, e.Ctx.BlockHeight()+int64(p.RequestRetentionBlocks), r.DueHeight, "queued for its deletion")
	require.True(t, e.queued(id, r.DueHeight))
	require.NoError(t, e.Evaluation.CheckInvariants(e.Ctx))
}

// A failing collateral return is set aside too, and returned on a retry
// once the cause is fixed.
func TestFailedUnbondingIsSetAsideAndRetried(t *testing.T) {
	e := newEnvWith(t, func(p *types.Params) { p.RetryIntervalBlocks = 3 })
	e.register(e.eve, collateral, 4)
	res, err := e.EvaluationMsg.UnbondEvaluator(e.Ctx, &types.MsgUnbondEvaluator{Evaluator: e.eve.str})
	require.NoError(t, err)
	at := res.UnbondingHeight
	e.EndBlocksUntil(at)
	refill := e.drain()
	events := e.endBlock()
	refill()
	items := e.failedItems()
	require.Len(t, items, 1)
	rec := items[0]
	require.Equal(t, types.FailedItem{
		Kind: types.QUEUE_KIND_UNBONDING, Evaluator: e.eve.str, DueHeight: at, FailedHeight: at,
		RetryHeight: at + 3, Attempts: 1, Error: rec.Error,
	}, rec)
	require.Equal(t, []types.EventQueueItemSetAside{setAsideEvent(rec)}, fixture.EventsOf[types.EventQueueItemSetAside](t, events))
	has, err := e.Evaluation.Unbonding.Has(e.Ctx, collections.Join(at, e.eve.addr))
	require.NoError(t, err)
	require.False(t, has)
	require.Equal(t, at, e.evaluator(e.eve).UnbondingHeight, "still registered")
	require.NoError(t, e.Evaluation.CheckInvariants(e.Ctx))

	before := e.Balance(e.eve.addr)
	e.EndBlocksUntil(rec.RetryHeight)
	events = e.checkedEndBlock()
	require.Equal(t, before.AddRaw(collateral), e.Balance(e.eve.addr))
	_, err = e.Evaluation.GetEvaluator(e.Ctx, e.eve.addr)
	require.ErrorIs(t, err, types.ErrEvaluatorNotFound)
	require.Empty(t, e.failedItems())
	require.Equal(t, []types.EventQueueItemRecovered{{
		Kind: types.QUEUE_KIND_UNBONDING, Evaluator: e.eve.str, DueHeight: at, Attempts: 1, Retried: true,
	}}, fixture.EventsOf[types.EventQueueItemRecovered](t, events))
}

// The queue keeps moving: 25 failing settlements ahead of 5 good ones, all
// due at once, 10 items per block. Each block sets 10 failing items aside,
// so the good ones settle in the third block, ⌈30 / 10⌉, not never.
func TestQueueMovesPastFailingItems(t *testing.T) {
	const failing, good, perBlock = 25, 5, 10
	e := newEnvWith(t, func(p *types.Params) { p.MaxDuePerBlock = perBlock })
	ids, settleAt := e.submittedBatch(failing + good)
	for _, id := range ids[:failing] {
		e.pin(id, 999)
	}
	e.EndBlocksUntil(settleAt)
	blocks := (failing + good + perBlock - 1) / perBlock
	for b := 1; b <= blocks; b++ {
		e.EndBlock()
		require.Len(t, e.failedItems(), min(b*perBlock, failing), "block %d", b)
		for _, id := range ids[failing:] {
			want := types.REQUEST_STATUS_SUBMITTED
			if b == blocks {
				want = types.REQUEST_STATUS_SETTLED
			}
			require.Equal(t, want, e.get(id).Status, "block %d, request %d", b, id)
		}
	}
	n := 0
	require.NoError(t, e.Evaluation.Due.Walk(e.Ctx, collections.NewPrefixUntilPairRange[int64, uint64](settleAt),
		func(collections.Pair[int64, uint64]) (bool, error) { n++; return false, nil }))
	require.Zero(t, n, "nothing left due at the settle height")
}

// Genesis carries the failed items: exported with the state, imported
// out of the due queue, and the chain goes on with the next request id.
func TestGenesisRoundTripsFailedItems(t *testing.T) {
	e := newEnv(t)
	ids, settleAt := e.submittedBatch(2)
	e.pin(ids[0], 999)
	e.EndBlocksUntil(settleAt)
	e.EndBlock()
	rec, ok := e.failed(ids[0])
	require.True(t, ok)
	gs, err := e.Evaluation.ExportGenesis(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, []types.FailedItem{rec}, gs.FailedItems)
	require.Equal(t, uint64(3), gs.NextRequestId, "two requests issued")
	require.NoError(t, gs.Validate())

	c := donchain.New(t, donchain.Options{Models: 2, Evaluation: func(g *types.GenesisState) { *g = *gs }})
	imported, err := c.Evaluation.FailedItems.Get(c.Ctx, keeper.DueFailedKey(ids[0]))
	require.NoError(t, err)
	require.Equal(t, rec, imported)
	has, err := c.Evaluation.Due.Has(c.Ctx, collections.Join(settleAt, ids[0]))
	require.NoError(t, err)
	require.False(t, has, "a failed item is not queued again")
	require.NoError(t, c.Evaluation.CheckQueues(c.Ctx))
	require.NoError(t, c.Evaluation.CheckFailedItems(c.Ctx))
	again, err := c.Evaluation.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	require.Equal(t, string(c.Codec.MustMarshalJSON(gs)), string(c.Codec.MustMarshalJSON(again)))

	client, clientStr := c.Addr("client")
	c.Fund(client, funds)
	res, err := c.EvaluationMsg.RequestEvaluation(c.Ctx, &types.MsgRequestEvaluation{
		Client: clientStr, ModelId: 1, Inputs: inputs(1), MaxFee: sdkmath.NewInt(maxFee), Deadline: c.Ctx.BlockHeight() + 50,
	})
	require.NoError(t, err)
	require.Equal(t, gs.NextRequestId, res.RequestId, "the sequence holds the next id")
}
