package experiments

import (
	"fmt"
	"math/rand/v2"

	sdkmath "cosmossdk.io/math"

	"github.com/don-network/don/testutil/econsim"
	evaluationtypes "github.com/don-network/don/x/evaluation/types"
)

// The washtrade market: three admitted regime-ar models; three honest
// optimizers free to work on any model; the attacker's account A, an
// honest optimizer on model 1 unless it plays an attack; a client per
// model paying ~15,000 udon per block (0.2 requests of max fee 100,000);
// two honest evaluators; governance renewing exhausted models (Renewer),
// so optimization work, hence rounds, keep coming. The attackers (and A)
// stop committing and requesting after washBlocks; the others go on, so
// rounds keep closing while the attackers' last work settles and is paid
// (World.Settle).
const (
	washBlocks      = 120 // blocks of play before the attackers stop
	washSettle      = 150 // most blocks to settle what they left open and close the round
	washOptimizers  = 3
	washRate        = 0.5 // commits per block of every optimizer (and A)
	washStep        = 0.1 // fraction of the gap to the target per commit
	washClientRate  = 0.2
	washClientFee   = 100_000
	washEvaluators  = 2
	washMinHeadroom = 0.05 // a model this close to its target is renewed (and not worth a grinder's bonds)
	washFunds       = 1_000_000_000
	washAttackFunds = 10_000_000_000_000 // enough collateral for self-dealing at d0 = 10⁹
)

// washSetup names the play of one world at a parameter point.
type washSetup string

const (
	setupHonest     washSetup = "honest"      // A honest: the reference of weightbuy and the grinders
	setupWeightBuy  washSetup = "weightbuy"   // A buys an admitted model's demand per block on its model, self-served
	setupWashSpam   washSetup = "wash+spam"   // a wash trader and a plain model spammer (they do not interact)
	setupSpamDemand washSetup = "spam+demand" // a model spammer buying an admitted model's demand per block on its open model
	setupGrindShop  washSetup = "grind-shop"  // A shops for the luckiest of 8 seeds of each honest candidate
	setupGrindLuck  washSetup = "grind-luck"  // A fishes for luck: 8 jittered copies of the best, no real step
)

// washAttacker is an account whose profit a world measures.
type washAttacker struct {
	name  string
	acct  econsim.Account
	busy  func() bool
	stats func() washStats
}

// washStats is what an attacker did, for the CSV.
type washStats struct {
	Commits, Accepted int
	Spend             sdkmath.Int // prices it paid as a client (self-dealt demand)
	Work              float64     // work credited to it, where its agent tracks it
}

// washOutcome is one attacker's result in one world.
type washOutcome struct {
	washStats
	Profit   float64 // holdings at the end − holdings at the start, udon
	Issuance float64 // udon minted per block in the world
	Blocks   int
	Settled  bool
}

// washWorld plays one world and returns each measured account's outcome
// by attacker name.
func washWorld(seed uint64, pt washPoint, setup washSetup) (map[string]washOutcome, error) {
	w, err := econsim.New(econsim.Config{
		Seed: seed, Models: 3, ShuffleAgents: true, InvariantEvery: 10,
		Mint: pt.mint, Evaluation: pt.evaluation, Weights: pt.weights,
	})
	if err != nil {
		return nil, err
	}
	defer w.Close()
	var watched []econsim.Account
	account := func(name string, udon int64) (econsim.Account, error) {
		a, err := w.NewAccount(name, udon)
		watched = append(watched, a)
		return a, err
	}
	for i := range washOptimizers {
		a, err := account(fmt.Sprintf("optimizer-%d", i), washFunds)
		if err != nil {
			return nil, err
		}
		w.Add(&econsim.Optimizer{Acct: a, Rate: washRate, Step: washStep})
	}
	for i := range washEvaluators {
		a, err := account(fmt.Sprintf("evaluator-%d", i), washFunds)
		if err != nil {
			return nil, err
		}
		w.Add(&econsim.Evaluator{Acct: a, Collateral: 50_000_000, Capacity: 10, MinPrice: 1000, Reliability: 1})
	}
	for m := 1; m <= 3; m++ {
		a, err := account(fmt.Sprintf("client-%d", m), 100*washFunds)
		if err != nil {
			return nil, err
		}
		w.Add(&econsim.Client{Acct: a, Model: uint64(m), Rate: washClientRate, MaxFee: washClientFee, Rows: 2, Deadline: 20})
	}
	atk, err := washAttackers(w, account, seed, pt, setup)
	if err != nil {
		return nil, err
	}
	w.Add(&econsim.Renewer{MinHeadroom: washMinHeadroom, Watched: watched})

	start := make([]sdkmath.Int, len(atk))
	for i, a := range atk {
		if start[i], err = w.Holdings(a.acct); err != nil {
			return nil, err
		}
	}
	if err := w.Run(washBlocks, nil); err != nil {
		return nil, err
	}
	blocks, settled, err := w.Settle(func() bool {
		for _, a := range atk {
			if a.busy() {
				return true
			}
		}
		return false
	}, washSettle)
	if err != nil {
		return nil, err
	}
	sup, err := w.MintSupply()
	if err != nil {
		return nil, err
	}
	total := washBlocks + blocks
	out := map[string]washOutcome{}
	for i, a := range atk {
		end, err := w.Holdings(a.acct)
		if err != nil {
			return nil, err
		}
		out[a.name] = washOutcome{
			washStats: a.stats(), Profit: float64(end.Sub(start[i]).Int64()),
			Issuance: econsim.Float64(sup.Minted.ToLegacyDec()) / float64(total), Blocks: total, Settled: settled,
		}
	}
	return out, nil
}

// washAttackers adds the setup's attackers (and A) to the world.
func washAttackers(w *econsim.World, account func(string, int64) (econsim.Account, error), seed uint64,
	pt washPoint, setup washSetup,
) ([]washAttacker, error) {
	ep := evaluationtypes.DefaultParams()
	minFee := ep.MinFee.Int64()
	own := func(stream uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, stream)) }
	// The demand an attacker buys per block: what an admitted model gets
	// anyway, its prior d0 or its clients' fees, whichever is larger.
	demand := max(int64(pt.D0), int64(washClientRate*washClientFee))
	demandFee := max(demand, minFee)
	// Collateral for ~15 blocks of one request per block in flight, twice
	// over (collateral_ratio 2), plus the minimum.
	collateral := 30*demandFee + ep.MinCollateral.Int64()

	a, err := account("attacker", washAttackFunds)
	if err != nil {
		return nil, err
	}
	honestA := func() econsim.Optimizer {
		return econsim.Optimizer{Acct: a, Rate: washRate, Step: washStep, Models: []uint64{1}}
	}
	buyer := func(demand int64) *econsim.WeightBuyer {
		return &econsim.WeightBuyer{Optimizer: honestA(), Model: 1, Demand: demand, MaxFee: demandFee, Rows: 1,
			SelfServe: true, Collateral: collateral, Capacity: 50, Stop: washBlocks, Rng: own(0xb0b)}
	}
	optimizerStats := func(o *econsim.Optimizer, dealer func() *econsim.SelfDealer) func() washStats {
		return func() washStats {
			s := washStats{Commits: o.Stats.Commits, Accepted: o.Stats.Accepted, Spend: sdkmath.ZeroInt()}
			if d := dealer(); d != nil && !d.Stats.Prices.IsNil() {
				s.Spend = d.Stats.Prices
			}
			return s
		}
	}
	switch setup {
	case setupHonest, setupWeightBuy:
		bought := int64(0)
		if setup == setupWeightBuy {
			bought = demand
		}
		b := buyer(bought)
		w.Add(b)
		return []washAttacker{{name: string(setup), acct: a, busy: b.Busy,
			stats: optimizerStats(&b.Optimizer, func() *econsim.SelfDealer { return b.Dealer })}}, nil
	case setupGrindShop, setupGrindLuck:
		g := &econsim.SeedGrinder{Acct: a, Model: 1, Rate: washRate, Copies: 8, Step: washStep, MinHeadroom: washMinHeadroom, Stop: washBlocks}
		if setup == setupGrindLuck {
			g.Step, g.Jitter = 0, 0.05
		}
		w.Add(g)
		return []washAttacker{{name: string(setup), acct: a, busy: g.Busy, stats: func() washStats {
			return washStats{Commits: g.Stats.Commits, Accepted: g.Stats.Accepted, Work: g.Stats.Work, Spend: sdkmath.ZeroInt()}
		}}}, nil
	}
	// The other setups keep A honest, so the market is the same.
	b := buyer(0)
	w.Add(b)
	atk := []washAttacker{}
	spammer := func(name string, demand int64) error {
		acct, err := account(name, washAttackFunds)
		if err != nil {
			return err
		}
		s := &econsim.ModelSpammer{Acct: acct, Template: 1, Life: 40, Rate: 1, Step: 0.3, Stop: washBlocks}
		if demand > 0 {
			// Buy until the demand filter is ~90 % up (1 − (1 − α)^n), then
			// harvest for 35 blocks.
			s.Warmup = min(int64(2.3/pt.Alpha)+1, 40)
			s.Life = s.Warmup + 35
			s.Demand, s.MaxFee, s.Collateral, s.Capacity, s.Rng = demand, demandFee, collateral, 50, own(0x5a4)
		}
		w.Add(s)
		atk = append(atk, washAttacker{name: name, acct: acct, busy: s.Busy, stats: func() washStats {
			st := washStats{Commits: s.Stats.Commits, Accepted: s.Stats.Accepted, Work: s.Stats.Work, Spend: sdkmath.ZeroInt()}
			if s.Dealer != nil {
				st.Spend = s.Dealer.Stats.Prices
			}
			return st
		}})
		return nil
	}
	switch setup {
	case setupWashSpam:
		acct, err := account("wash", washAttackFunds)
		if err != nil {
			return nil, err
		}
		// One request of 10 × min_fee per block on model 2, whose pinned
		// optimum is never the wash trader's: it pays the royalty away.
		t := &econsim.WashTrader{SelfDealer: econsim.SelfDealer{Acct: acct, Model: 2, Budget: 10 * minFee, MaxFee: 10 * minFee,
			Rows: 1, Deadline: 10, Collateral: collateral, Capacity: 50, Stop: washBlocks, Rng: own(0x3a5)}}
		w.Add(t)
		atk = append(atk, washAttacker{name: "wash", acct: acct, busy: t.Busy, stats: func() washStats {
			return washStats{Spend: t.Stats.Prices}
		}})
		if err := spammer("spam", 0); err != nil {
			return nil, err
		}
	case setupSpamDemand:
		if err := spammer("spam+demand", demand); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("unknown setup %q", setup)
	}
	return atk, nil
}
