package econsim

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/testutil/donchain"
	"github.com/don-network/don/testutil/fixture"
	evaluationkeeper "github.com/don-network/don/x/evaluation/keeper"
	evaluationtypes "github.com/don-network/don/x/evaluation/types"
	mintkeeper "github.com/don-network/don/x/mint/keeper"
	minttypes "github.com/don-network/don/x/mint/types"
	optimakeeper "github.com/don-network/don/x/optima/keeper"
	optimatypes "github.com/don-network/don/x/optima/types"
	weightskeeper "github.com/don-network/don/x/weights/keeper"
	weightstypes "github.com/don-network/don/x/weights/types"
)

// Denom is the chain's denom.
const Denom = fixture.Denom

// Config is a world's genesis: the admitted regime-ar models of
// testutil/donchain and the module genesis states as adjusted here.
type Config struct {
	Seed   uint64
	Models int
	// Genesis adjustments (params, models), applied after donchain's.
	Optima     func(*optimatypes.GenesisState)
	Evaluation func(*evaluationtypes.GenesisState)
	Weights    func(*weightstypes.GenesisState)
	Mint       func(*minttypes.GenesisState)
	// ShuffleAgents lets the agents act in a fresh seeded order every
	// block, so no agent always comes first (to claim, to reveal).
	ShuffleAgents bool
	// InvariantEvery checks all invariants every this many blocks (0 or 1:
	// every block). They are always checked by Close.
	InvariantEvery int
}

// Agent is one off-chain actor. Act runs once per block, before EndBlock,
// in the order agents were added; it returns an error only for a bug of
// the simulation (a refused Msg is an outcome, not an error).
type Agent interface {
	Act(w *World) error
}

// AgentFunc adapts a function to Agent (scripted scenario steps).
type AgentFunc func(w *World) error

// Act calls f.
func (f AgentFunc) Act(w *World) error { return f(w) }

// Account is a funded key of the simulation.
type Account struct {
	Name string
	Addr sdk.AccAddress
	Bech string
}

// World is one simulated chain with its agents.
type World struct {
	*donchain.Chain
	Rng *rand.Rand
	Q   Queries

	WeightsMsg weightstypes.MsgServer
	MintMsg    minttypes.MsgServer

	t          *runT
	cfg        Config
	agents     []Agent
	tallies    map[string]*Tally
	started    bool
	invariant  int
	targets    map[uint64][]int64
	targetLoss map[uint64]float64

	reqCache       map[evaluationtypes.RequestStatus][]evaluationtypes.Request
	reqCacheHeight int64
}

// Queries are the query servers: all an agent may read of the chain.
type Queries struct {
	Optima     optimatypes.QueryServer
	Evaluation evaluationtypes.QueryServer
	Weights    weightstypes.QueryServer
	Mint       minttypes.QueryServer
}

// Tally counts the Msgs of one type delivered in a world.
type Tally struct {
	TypeURL    string
	OK, Failed int
}

// New builds a world at height 1 from cfg.
func New(cfg Config) (*World, error) {
	t := &runT{}
	w := &World{
		t: t, cfg: cfg, tallies: map[string]*Tally{}, targets: map[uint64][]int64{}, targetLoss: map[uint64]float64{},
		Rng: rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x5eed_d0d0_cafe_f00d)),
	}
	w.invariant = max(cfg.InvariantEvery, 1)
	err := t.guard(func() error {
		w.Chain = donchain.New(t, donchain.Options{
			Models: cfg.Models, Committing: true,
			Mint: cfg.Mint, Evaluation: cfg.Evaluation, Optima: cfg.Optima, Weights: cfg.Weights,
		})
		return nil
	})
	if err != nil {
		t.close()
		return nil, fmt.Errorf("genesis: %w", err)
	}
	w.WeightsMsg = weightskeeper.NewMsgServerImpl(w.Weights)
	w.MintMsg = mintkeeper.NewMsgServerImpl(w.Mint)
	w.Q = Queries{
		Optima:     optimakeeper.NewQueryServerImpl(w.Optima),
		Evaluation: evaluationkeeper.NewQueryServerImpl(w.Evaluation),
		Weights:    weightskeeper.NewQueryServerImpl(w.Weights),
		Mint:       mintkeeper.NewQueryServerImpl(w.Mint),
	}
	return w, nil
}

// Close checks the invariants a last time and releases the store.
func (w *World) Close() error {
	defer w.t.close()
	return w.t.guard(func() error { w.CheckInvariants(); return nil })
}

// NewAccount funds a new account with udon at genesis: accounts are only
// created before the first block, as genesis balances are.
func (w *World) NewAccount(name string, udon int64) (Account, error) {
	if w.started {
		return Account{}, fmt.Errorf("account %s: accounts are funded at genesis, before the first block", name)
	}
	var a Account
	err := w.t.guard(func() error {
		a.Name = name
		a.Addr, a.Bech = w.Addr("donsim/" + name)
		if udon > 0 {
			w.Fund(a.Addr, udon)
		}
		return nil
	})
	return a, err
}

// Add appends agents; they act in the order added.
func (w *World) Add(agents ...Agent) { w.agents = append(w.agents, agents...) }

// Height is the height of the block being built.
func (w *World) Height() int64 { return w.Ctx.BlockHeight() }

// Step lets every agent act, ends the block (EndBlockers in the app's
// order, invariants) and opens the next one 5 s later.
func (w *World) Step() error {
	w.started = true
	return w.t.guard(func() error {
		order := w.agents
		if w.cfg.ShuffleAgents {
			order = append([]Agent(nil), w.agents...)
			w.Rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		}
		for i, a := range order {
			if err := a.Act(w); err != nil {
				return fmt.Errorf("height %d, agent %d (%T): %w", w.Height(), i, a, err)
			}
		}
		w.EndBlockers()
		if w.Height()%int64(w.invariant) == 0 {
			w.CheckInvariants()
		}
		w.BeginNextBlock()
		return nil
	})
}

// Run steps n blocks, calling after (if set) at the end of each.
func (w *World) Run(n int, after func() error) error {
	for i := 0; i < n; i++ {
		if err := w.Step(); err != nil {
			return err
		}
		if after != nil {
			if err := after(); err != nil {
				return err
			}
		}
	}
	return nil
}

// Deliver runs one Msg through its handler as a transaction would: in a
// cached context whose writes and events are kept only on success.
func Deliver[M sdk.Msg, R any](w *World, handler func(context.Context, M) (R, error), msg M) (R, error) {
	ctx, write := w.Ctx.CacheContext()
	res, err := handler(ctx, msg)
	url := sdk.MsgTypeURL(msg)
	t := w.tallies[url]
	if t == nil {
		t = &Tally{TypeURL: url}
		w.tallies[url] = t
	}
	if err != nil {
		t.Failed++
		var zero R
		return zero, err
	}
	t.OK++
	write()
	w.reqCache = nil
	return res, nil
}

// Tallies lists the Msgs delivered so far, by type URL.
func (w *World) Tallies() []Tally {
	out := make([]Tally, 0, len(w.tallies))
	for _, t := range w.tallies {
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].TypeURL < out[j].TypeURL })
	return out
}

// BalanceOf is an account's udon.
func (w *World) BalanceOf(a Account) sdkmath.Int { return w.Balance(a.Addr) }

// Coin is n udon.
func Coin(n int64) sdk.Coin { return sdk.NewInt64Coin(Denom, n) }
