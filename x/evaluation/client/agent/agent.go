// Package agent is `dond evaluator`, the evaluator daemon of
// docs/evaluation.md: it registers the key as an evaluator if needed, polls
// the chain every block, claims the open requests worth its --min-price at
// its personalised price within its capacity and exposure, computes the
// outputs with the chain's fixed-point Predict, submits them before the
// deadline, and re-checks other evaluators' results inside their challenge
// windows, challenging wrong ones. Every transaction goes through the key's
// one transaction queue (x/internal/client/txqueue).
package agent

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	sdkmath "cosmossdk.io/math"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/client"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/evaluation/client/cli"
	"github.com/don-network/don/x/evaluation/keeper"
	"github.com/don-network/don/x/evaluation/types"
	"github.com/don-network/don/x/internal/client/txqueue"
)

// claimTimeoutBlocks bounds how long a claim may wait for inclusion: the
// price falls while it waits, and a late claim leaves less time to answer.
const claimTimeoutBlocks = 5

// claimBackoffBlocks is how long a request whose claim was refused is left
// alone: a refusal that repeats (no optimum, a stale view) is not retried
// every block.
const claimBackoffBlocks = 10

// maxSubmitAttempts bounds the retries of a result the chain keeps refusing.
const maxSubmitAttempts = 3

// heartbeat is how often the progress line is printed when nothing changes.
const heartbeat = 15 * time.Second

// Sender sends the agent's transactions; *txqueue.Queue is the real one.
type Sender interface {
	Address() sdk.AccAddress
	Submit(ctx context.Context, timeoutHeight int64, msgs ...sdk.Msg) (txqueue.Result, error)
}

// Config is what `dond evaluator` is told.
type Config struct {
	Collateral   sdkmath.Int // registers with this collateral if not yet an evaluator (zero: do not register)
	Capacity     uint32      // capacity of that registration
	MinPrice     sdkmath.Int // never claims below this price
	Challenge    bool        // re-check other evaluators' results and challenge wrong ones
	PollInterval time.Duration
	MaxRequests  int  // stop once this many own results are final (settled or slashed); 0: run until stopped
	Once         bool // one poll: claim what is open, submit it, then stop
	Out          io.Writer
}

// Agent is one running evaluator.
type Agent struct {
	cfg   Config
	chain *chain
	tx    Sender
	self  string
	denom string

	mu       sync.Mutex
	params   types.Params
	inFlight map[uint64]sdkmath.Int // claims sent, not yet included: id → max fee
	busy     map[uint64]bool        // requests with a running job (claim, submit or challenge)
	attempts map[uint64]int         // failed submissions per request
	refused  map[uint64]int64       // refused claims: id → height until which it is left alone
	awaiting map[uint64]bool        // own results submitted, not yet final
	checked  map[uint64]bool        // other evaluators' results already recomputed
	stats    Stats
	printed  Stats
	lastLine time.Time
	jobs     sync.WaitGroup
}

// New returns an agent reading the chain through clientCtx and sending
// through tx.
func New(clientCtx client.Context, tx Sender, cfg Config) *Agent {
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = time.Second
	}
	if cfg.MinPrice.IsNil() {
		cfg.MinPrice = sdkmath.ZeroInt()
	}
	if cfg.Out == nil {
		cfg.Out = io.Discard
	}
	return &Agent{
		cfg: cfg, chain: newChain(clientCtx), tx: tx, self: tx.Address().String(),
		inFlight: map[uint64]sdkmath.Int{}, busy: map[uint64]bool{}, attempts: map[uint64]int{},
		awaiting: map[uint64]bool{}, checked: map[uint64]bool{}, refused: map[uint64]int64{}, stats: newStats(),
	}
}

// Stats returns a copy of the counters.
func (a *Agent) Stats() Stats {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.stats
}

// Run registers the evaluator if needed and polls until ctx ends (SIGINT,
// SIGTERM), --once is done or --max-requests results are final. It waits
// for its running transactions before it returns.
func (a *Agent) Run(ctx context.Context) error {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	denom, err := a.chain.denom(ctx)
	if err != nil {
		return err
	}
	a.denom = denom
	if err := a.ensureRegistered(ctx); err != nil {
		return err
	}
	a.say("evaluator %s: min price %s%s, challenges %v", a.self, a.cfg.MinPrice, a.denom, a.cfg.Challenge)
	defer func() {
		a.jobs.Wait()
		a.say("stopped: %s", a.Stats().Line(a.denom))
	}()

	ticker := time.NewTicker(a.cfg.PollInterval)
	defer ticker.Stop()
	last := int64(0)
	for {
		if h, err := a.chain.height(ctx); err != nil {
			if ctx.Err() == nil {
				a.say("poll: %v", err)
			}
		} else if h > last {
			last = h
			if err := a.tick(ctx, h); err != nil && ctx.Err() == nil {
				a.say("poll at height %d: %v", h, err)
			}
			if a.cfg.Once {
				a.jobs.Wait()
				return nil
			}
		}
		if a.done() {
			return nil
		}
		select {
		case <-ctx.Done():
			return nil
		case <-ticker.C:
		}
	}
}

// done tells whether --max-requests own results are final.
func (a *Agent) done() bool {
	s := a.Stats()
	return a.cfg.MaxRequests > 0 && s.Settled+s.Slashed >= a.cfg.MaxRequests
}

// ensureRegistered registers the key as an evaluator with --collateral and
// --capacity unless it is one already.
func (a *Agent) ensureRegistered(ctx context.Context) error {
	res, err := a.chain.eval.Evaluator(ctx, &types.QueryEvaluatorRequest{Address: a.self})
	switch {
	case err == nil:
		ev := res.Evaluator.Evaluator
		a.say("evaluator %s registered: collateral %s%s, capacity %d, reputation %s", a.self, ev.Collateral, a.denom, ev.Capacity, short(ev.Reputation))
		if ev.UnbondingHeight > 0 {
			a.say("warning: unbonding (at height %d), it cannot claim; it still checks others' results", ev.UnbondingHeight)
		}
		return nil
	case status.Code(err) != codes.NotFound:
		return fmt.Errorf("reading evaluator %s: %w", a.self, err)
	case a.cfg.Collateral.IsNil() || !a.cfg.Collateral.IsPositive() || a.cfg.Capacity == 0:
		return fmt.Errorf("%s is not an evaluator: give --collateral and --capacity to register it", a.self)
	}
	a.say("registering %s as an evaluator: collateral %s%s, capacity %d", a.self, a.cfg.Collateral, a.denom, a.cfg.Capacity)
	tx, err := a.tx.Submit(ctx, 0, &types.MsgRegisterEvaluator{Evaluator: a.self, Collateral: a.cfg.Collateral, Capacity: a.cfg.Capacity})
	if err != nil {
		return fmt.Errorf("registering: %w", err)
	}
	if tx.Code != 0 {
		return fmt.Errorf("registering failed in block %d (code %d): %s", tx.Height, tx.Code, tx.Log)
	}
	return nil
}

// tick is one poll at height h: recover own work, account for final
// results, claim, check others' results, print progress.
func (a *Agent) tick(ctx context.Context, h int64) error {
	// Claims in flight are read before the chain: one that lands in between
	// is counted twice (a slot left free), never not at all.
	a.mu.Lock()
	inFlight := make([]sdkmath.Int, 0, len(a.inFlight))
	for _, fee := range a.inFlight {
		inFlight = append(inFlight, fee)
	}
	a.mu.Unlock()

	v, err := a.chain.view(ctx, a.self, h)
	if err != nil {
		return err
	}
	a.mu.Lock()
	a.params = v.Params
	a.stats.Height, a.stats.Open = h, len(v.Open)
	a.stats.Reputation, a.stats.OpenWork, a.stats.Capacity = v.Params.EffectiveReputation(v.Self, h), v.Self.Open, v.Self.Capacity
	a.mu.Unlock()

	// Own claimed requests without a job (after a restart, or a failed
	// submission): submit them while the deadline allows.
	for _, r := range Mine(v.Claimed, a.self) {
		a.mu.Lock()
		start := !a.busy[r.Id] && a.attempts[r.Id] < maxSubmitAttempts
		if start {
			a.busy[r.Id] = true
		}
		a.mu.Unlock()
		if start {
			a.spawn(func() { a.submit(ctx, r) })
		}
	}
	a.account(ctx, v)

	servable := a.chain.servable(ctx, modelIDs(v.Open))
	v.Self = Reserve(v.Self, inFlight)
	a.mu.Lock()
	for id, until := range a.refused {
		if h > until {
			delete(a.refused, id)
		}
	}
	plan := PlanClaims(v, a.cfg.MinPrice, func(id uint64) bool { return servable[id] }, func(id uint64) bool {
		_, refused := a.refused[id]
		return a.busy[id] || refused
	})
	for _, c := range plan {
		a.busy[c.Request.Id] = true
		a.inFlight[c.Request.Id] = c.Request.MaxFee
	}
	a.mu.Unlock()
	for _, c := range plan {
		a.spawn(func() { a.claim(ctx, c, h) })
	}

	if a.cfg.Challenge {
		a.check(ctx, v)
	}
	a.progress()
	return nil
}

// account counts own results that became final since the last poll.
func (a *Agent) account(ctx context.Context, v View) {
	submitted := map[uint64]bool{}
	a.mu.Lock()
	for _, r := range Mine(v.Submitted, a.self) {
		submitted[r.Id] = true
		a.awaiting[r.Id] = true // also those submitted before a restart
	}
	var gone []uint64
	for id := range a.awaiting {
		if !submitted[id] {
			gone = append(gone, id)
		}
	}
	a.mu.Unlock()
	for _, id := range gone {
		r, err := a.chain.request(ctx, id)
		if err != nil {
			if status.Code(err) == codes.NotFound {
				a.forget(id)
			}
			continue
		}
		switch r.Status {
		case types.REQUEST_STATUS_SETTLED:
			fee := keeper.SplitPrice(v.Params, r.Price, r.MaxFee).EvaluatorFee
			a.mu.Lock()
			a.stats.Settled++
			a.stats.Fees = a.stats.Fees.Add(fee)
			a.mu.Unlock()
			a.say("settled #%d: price %s%s, fee %s%s", id, r.Price, a.denom, fee, a.denom)
			a.forget(id)
		case types.REQUEST_STATUS_SLASHED:
			a.mu.Lock()
			a.stats.Slashed++
			a.mu.Unlock()
			a.say("SLASHED #%d: a challenge proved the result wrong", id)
			a.forget(id)
		}
	}
}

func (a *Agent) forget(id uint64) {
	a.mu.Lock()
	delete(a.awaiting, id)
	delete(a.attempts, id)
	a.mu.Unlock()
}

// check recomputes other evaluators' results inside their windows and
// challenges the wrong ones.
func (a *Agent) check(ctx context.Context, v View) {
	live := map[uint64]bool{}
	for _, r := range v.Submitted {
		live[r.Id] = true
	}
	a.mu.Lock()
	for id := range a.checked {
		if !live[id] {
			delete(a.checked, id) // final or pruned: nothing left to check
		}
	}
	todo := ToCheck(v, a.self, func(id uint64) bool { return a.checked[id] || a.busy[id] })
	a.mu.Unlock()
	for _, r := range todo {
		want, _, err := cli.Compute(ctx, a.chain.optima, r)
		if err != nil {
			a.say("cannot check #%d: %v", r.Id, err)
			a.mark(r.Id)
			continue
		}
		if !Wrong(want, r.Outputs) {
			a.mark(r.Id)
			continue
		}
		a.say("wrong result #%d from %s: challenging with a bond of %s%s", r.Id, r.Evaluator, v.Params.MinChallengeBond, a.denom)
		a.mu.Lock()
		a.busy[r.Id] = true
		a.mu.Unlock()
		a.spawn(func() { a.challenge(ctx, v.Params, r) })
	}
}

func (a *Agent) mark(id uint64) {
	a.mu.Lock()
	a.checked[id] = true
	a.mu.Unlock()
}

// spawn runs a job that ends with the agent.
func (a *Agent) spawn(job func()) {
	a.jobs.Add(1)
	go func() {
		defer a.jobs.Done()
		job()
	}()
}

// release ends a request's job.
func (a *Agent) release(id uint64) {
	a.mu.Lock()
	delete(a.busy, id)
	a.mu.Unlock()
}

// say prints a timestamped line.
func (a *Agent) say(format string, args ...any) {
	fmt.Fprintf(a.cfg.Out, "%s %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
}

// progress prints the progress line when a count changed, and now and then.
func (a *Agent) progress() {
	a.mu.Lock()
	s := a.stats
	show := s.changed(a.printed) || time.Since(a.lastLine) >= heartbeat
	if show {
		a.printed, a.lastLine = s, time.Now()
	}
	a.mu.Unlock()
	if show {
		a.say("%s", s.Line(a.denom))
	}
}

func modelIDs(rs []types.Request) []uint64 {
	ids := make([]uint64, 0, len(rs))
	for _, r := range rs {
		ids = append(ids, r.ModelId)
	}
	return ids
}
