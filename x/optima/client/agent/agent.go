package agent

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"
	"time"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/internal/client/txqueue"
	"github.com/don-network/don/x/optima/client/agent/train"
	"github.com/don-network/don/x/optima/types"
)

// Submitter sends transactions: the key's txqueue.Queue.
type Submitter interface {
	Address() sdk.AccAddress
	Submit(ctx context.Context, timeoutHeight int64, msgs ...sdk.Msg) (txqueue.Result, error)
}

// Options configure an Agent.
type Options struct {
	// Models are model ids or names; "auto" picks the AutoCount models with
	// the best expected reward per unit of effort.
	Models    []string
	AutoCount int
	// MaxBondAtRisk bounds the sum of the bonds of open commits.
	MaxBondAtRisk sdk.Coin
	// Once: one commit-reveal cycle per model, then Run returns.
	Once bool
	// TrainTime is the training time of one cycle.
	TrainTime time.Duration
	// Seeds is how many fresh local seeds a candidate must pass on, with
	// Margin standard errors to spare (see Gate).
	Seeds  int
	Margin sdkmath.LegacyDec
	// MaxAttempts bounds, with Once, the cycles a model may train without a
	// candidate worth committing.
	MaxAttempts int
	// CommitBlocks is the commit tx's timeout, in blocks after the latest.
	CommitBlocks int64
	// PollInterval is how often the height is read.
	PollInterval time.Duration
	Out          io.Writer
}

func (o Options) withDefaults() Options {
	if o.AutoCount <= 0 {
		o.AutoCount = 2
	}
	if o.TrainTime <= 0 {
		o.TrainTime = 30 * time.Second
	}
	if o.Seeds <= 0 {
		o.Seeds = 4
	}
	if o.Margin.IsNil() {
		o.Margin = sdkmath.LegacyOneDec()
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 5
	}
	if o.CommitBlocks <= 0 {
		o.CommitBlocks = 20
	}
	if o.PollInterval <= 0 {
		o.PollInterval = 500 * time.Millisecond
	}
	if o.Out == nil {
		o.Out = io.Discard
	}
	return o
}

// Agent is one optimizer: one key, its commit store, the models it works on.
type Agent struct {
	chain *Chain
	tx    Submitter
	store *Store
	opts  Options
	addr  string

	params types.Params

	mu     sync.Mutex
	models map[uint64]*modelState
	order  []uint64           // models worked on, in selection order
	open   map[string]*Record // open commits by commitment
	busy   map[string]bool    // commits whose commit tx this process is still sending
	denom  string             // of bonds and balance
	start  sdkmath.Int        // balance + bonds at risk when the agent started
}

// New returns an agent; Run starts it.
func New(chain *Chain, tx Submitter, store *Store, opts Options) *Agent {
	return &Agent{
		chain: chain, tx: tx, store: store, opts: opts.withDefaults(),
		addr:   tx.Address().String(),
		models: map[uint64]*modelState{},
		open:   map[string]*Record{},
		busy:   map[string]bool{},
	}
}

// Run works until ctx ends (or, with Once, until every model had its cycle
// and every commit is settled). Open commits survive in the store.
func (a *Agent) Run(ctx context.Context) error {
	var err error
	if a.params, err = a.chain.Params(ctx); err != nil {
		return err
	}
	a.denom = a.params.MinCommitBond.Denom
	if err := a.selectModels(ctx); err != nil {
		return err
	}
	if err := a.resume(ctx); err != nil {
		return err
	}
	balance, err := a.chain.Balance(ctx, a.addr, a.denom)
	if err != nil {
		return err
	}
	a.start = balance.Add(a.bondsAtRisk(0))
	a.logf("optimizer %s: models %v, %d open commit(s) in %s, balance %s%s",
		a.addr, a.order, len(a.open), a.store.Dir(), balance, a.denom)

	revealCtx, stopRevealer := context.WithCancel(ctx)
	revealerDone := make(chan struct{})
	go func() { defer close(revealerDone); a.revealLoop(revealCtx) }()
	defer func() { stopRevealer(); <-revealerDone }()

	for ctx.Err() == nil {
		ms := a.nextModel()
		if ms == nil {
			if a.opts.Once && a.finished() {
				a.summary(ctx)
				return nil
			}
			sleep(ctx, a.opts.PollInterval)
			continue
		}
		if err := a.cycle(ctx, ms); err != nil && ctx.Err() == nil {
			a.logf("model %d: %v", ms.model.Id, err)
			sleep(ctx, a.opts.PollInterval)
		}
		if !a.opts.Once && a.isAuto() {
			if err := a.selectModels(ctx); err != nil && ctx.Err() == nil {
				a.logf("model selection: %v", err)
			}
		}
	}
	a.logf("stopping: %d open commit(s) stay in %s and are revealed at the next start", a.openCount(), a.store.Dir())
	return nil
}

// cycle trains one model, gates the candidate and commits it if it passes.
func (a *Agent) cycle(ctx context.Context, ms *modelState) error {
	m, err := a.chain.Model(ctx, ms.model.Id)
	if err != nil {
		return err
	}
	best, err := a.chain.Best(ctx, m.Id)
	if err != nil {
		return err
	}
	a.mu.Lock()
	ms.model, ms.best = m, best
	a.mu.Unlock()
	if m.Status != types.MODEL_STATUS_ACTIVE {
		a.markDone(ms, "model is not active")
		return nil
	}

	p, err := ms.trainer.Train(ctx, a.warmStart(ms, best), a.opts.TrainTime)
	if err != nil {
		return fmt.Errorf("training: %w", err)
	}
	if ctx.Err() != nil {
		return nil
	}
	cand := train.Quantize(p)
	seeds, err := FreshSeeds(a.opts.Seeds)
	if err != nil {
		return err
	}
	g, err := Gate(a.params, m, best.Params, cand, seeds, a.opts.Margin)
	if err != nil {
		return err
	}
	a.mu.Lock()
	ms.candidate = cand
	if !g.NewLoss.IsNil() {
		ms.candLoss = DecFloat(g.NewLoss)
	}
	a.mu.Unlock()
	if !g.Pass {
		a.mu.Lock()
		ms.attempts++
		if a.opts.Once && ms.attempts >= a.opts.MaxAttempts {
			ms.done = true
		}
		a.mu.Unlock()
		a.progress(ctx, ms, "no commit: "+g.Reason)
		return nil
	}
	return a.commit(ctx, ms, cand, g)
}

// warmStart is the on-chain best for a trainer that has not trained yet,
// or when another optimizer's optimum beats the trainer's own candidate;
// nil lets the trainer continue from its own state.
func (a *Agent) warmStart(ms *modelState, best types.Optimum) []float64 {
	a.mu.Lock()
	defer a.mu.Unlock()
	seen := ms.seenBest
	ms.seenBest = best.Id
	switch {
	case ms.candidate == nil:
		return train.ToFloat(best.Params)
	case best.Id == seen || best.Optimizer == a.addr:
		return nil
	}
	seeds, err := FreshSeeds(1)
	if err != nil {
		return nil
	}
	v, err := types.Verify(ms.model, ms.candidate, best.Params, seeds[0], a.params)
	if err == nil && v.MeanDiff.IsPositive() {
		return train.ToFloat(best.Params) // theirs is better than ours: learn from it
	}
	return nil
}

// commit persists the record, then broadcasts the commit and stores its id
// and window.
func (a *Agent) commit(ctx context.Context, ms *modelState, params []int64, g GateResult) error {
	salt := make([]byte, 32)
	seeds, err := FreshSeeds(1) // 32 random bytes
	if err != nil {
		return err
	}
	copy(salt, seeds[0][:])
	h, err := a.chain.Height(ctx)
	if err != nil {
		return err
	}
	commitment := types.ComputeCommitment(ms.model.Id, a.tx.Address(), params, salt)
	rec := &Record{
		ModelID: ms.model.Id, ModelName: ms.model.Name, Params: params,
		Salt: hex.EncodeToString(salt), Commitment: hex.EncodeToString(commitment),
		Bond: ms.model.CommitBond.String(), CommitTimeout: h + a.opts.CommitBlocks,
		CandidateLoss: g.NewLoss.String(),
	}
	if err := a.store.Save(*rec); err != nil {
		return fmt.Errorf("not committing: cannot persist the commit first: %w", err)
	}
	a.mu.Lock()
	a.open[rec.Commitment], a.busy[rec.Commitment] = rec, true
	a.mu.Unlock()
	defer func() { a.mu.Lock(); delete(a.busy, rec.Commitment); a.mu.Unlock() }()

	res, err := a.tx.Submit(ctx, rec.CommitTimeout, &types.MsgCommitOptimum{
		Optimizer: a.addr, ModelId: ms.model.Id, Commitment: commitment,
	})
	switch {
	case errors.Is(err, txqueue.ErrTimedOut) || errors.Is(err, txqueue.ErrRejected):
		a.drop(rec)
		return fmt.Errorf("commit not included: %w", err)
	case err != nil:
		// Unknown (e.g. stopping): the record stays; the next start finds
		// the commit on chain or drops it after its timeout height.
		return fmt.Errorf("commit: %w", err)
	case res.Code != 0:
		a.drop(rec)
		return fmt.Errorf("commit failed in block %d (code %d): %s", res.Height, res.Code, res.Log)
	}
	ev, err := findEvent[*types.EventOptimumCommitted](res)
	if err != nil {
		return err
	}
	a.mu.Lock()
	rec.CommitID, rec.RevealFrom, rec.RevealUntil = ev.CommitId, ev.RevealFrom, ev.RevealUntil
	ms.commits++
	ms.cycles++
	ms.attempts = 0
	a.mu.Unlock()
	if err := a.store.Save(*rec); err != nil {
		return fmt.Errorf("commit %d is on chain but its id could not be saved (the next start finds it): %w", rec.CommitID, err)
	}
	a.progress(ctx, ms, fmt.Sprintf("committed %d (reveal in [%d, %d])", rec.CommitID, rec.RevealFrom, rec.RevealUntil))
	return nil
}

// drop forgets a record whose commit is known never to land or to be closed.
func (a *Agent) drop(rec *Record) {
	a.mu.Lock()
	delete(a.open, rec.Commitment)
	a.mu.Unlock()
	if err := a.store.Delete(*rec); err != nil {
		a.logf("removing the record of %s: %v", rec.Commitment, err)
	}
}

func (a *Agent) markDone(ms *modelState, why string) {
	a.mu.Lock()
	ms.done = true
	a.mu.Unlock()
	a.logf("model %d: %s", ms.model.Id, why)
}

// nextModel is the next model, round robin, that may start a cycle: none
// of its commits open, its bond within the budget, and with Once, no cycle
// done yet.
func (a *Agent) nextModel() *modelState {
	a.mu.Lock()
	defer a.mu.Unlock()
	var pick *modelState
	for _, id := range a.order {
		ms := a.models[id]
		if ms.done || (a.opts.Once && ms.cycles > 0) || a.hasOpen(id) {
			continue
		}
		bond := ms.model.CommitBond
		if a.opts.MaxBondAtRisk.IsValid() && !a.opts.MaxBondAtRisk.IsZero() &&
			a.bondsAtRiskLocked(0).Add(bond.Amount).GT(a.opts.MaxBondAtRisk.Amount) {
			continue
		}
		if pick == nil || ms.lastCycle.Before(pick.lastCycle) {
			pick = ms
		}
	}
	if pick != nil {
		pick.lastCycle = time.Now()
	}
	return pick
}

// finished: with Once, every model had its cycle (or gave up) and no
// commit is open.
func (a *Agent) finished() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.open) > 0 {
		return false
	}
	for _, id := range a.order {
		if ms := a.models[id]; !ms.done && ms.cycles == 0 {
			return false
		}
	}
	return true
}

func (a *Agent) hasOpen(model uint64) bool {
	for _, r := range a.open {
		if r.ModelID == model {
			return true
		}
	}
	return false
}

func (a *Agent) openCount() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.open)
}

// bondsAtRisk sums the bonds of open commits (of one model, or all for 0).
func (a *Agent) bondsAtRisk(model uint64) sdkmath.Int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.bondsAtRiskLocked(model)
}

func (a *Agent) bondsAtRiskLocked(model uint64) sdkmath.Int {
	sum := sdkmath.ZeroInt()
	for _, r := range a.open {
		if model != 0 && r.ModelID != model {
			continue
		}
		if c, err := sdk.ParseCoinNormalized(r.Bond); err == nil && c.Denom == a.denom {
			sum = sum.Add(c.Amount)
		}
	}
	return sum
}

func (a *Agent) logf(format string, args ...any) {
	a.mu.Lock()
	defer a.mu.Unlock()
	fmt.Fprintf(a.opts.Out, "%s %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// DecFloat converts a LegacyDec to float64 for display and off-chain
// estimates (NaN for a nil or unconvertible Dec); the simulator uses it too.
func DecFloat(d sdkmath.LegacyDec) float64 {
	if d.IsNil() {
		return math.NaN()
	}
	f, err := d.Float64()
	if err != nil {
		return math.NaN()
	}
	return f
}
