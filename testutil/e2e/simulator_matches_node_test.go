package e2e

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"

	"github.com/don-network/don/testutil/econsim"
	"github.com/don-network/don/testutil/nodetest"
	evaluationtypes "github.com/don-network/don/x/evaluation/types"
	minttypes "github.com/don-network/don/x/mint/types"
	optimatypes "github.com/don-network/don/x/optima/types"
	weightstypes "github.com/don-network/don/x/weights/types"
)

// friedman1 is config.yml's first genesis model, whose constant predictor
// (const.json below) earns the capped increment on every seed.
const friedman1 = "1"

// TestSimulatorMatchesNode proves that the economic simulator computes what
// a chain computes: a real node from config.yml and an econsim world from
// the node's own genesis.json receive the same Msgs, each world Msg at the
// height the node included it, and after the scenario the supply, the
// round's payout, the request's split, the balances, the reputation, the
// weights and the invariants are the same.
//
// Scenario (its outcome does not depend on the verification seed, which
// comes from block hashes that differ): carol registers as an evaluator;
// bob requests an evaluation of regime-ar; carol claims, submits the true
// outputs, and it settles after the challenge window; alice commits a
// constant predictor for friedman1 and reveals it: an improvement beyond
// fourfold, so its increment is max_increment on any seed and its work
// closes round 1, whose evaluator pool pays carol's settled request.
//
// The world ends every block the node makes, empty ones too, so heights
// agree: auction prices, deadlines, settlement and the weights' per-block
// filters are the same. Allowed to differ, and left out of the
// comparisons: what the verification seed decides (the optimum's losses,
// lcb, seed), what header time decides (times, and the difficulty's stall
// decay: the world's blocks are 5 s apart, the node's ~0.3 s), and the
// height genesis ran at (0 in the node's InitChain, 1 in the world). No tx
// pays fees (minimum gas price 0 on the devnet), so none reach the fee
// collector.
func TestSimulatorMatchesNode(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real node")
	}
	c := startChain(t)
	began := time.Now()
	gen, err := econsim.ReadNodeGenesis(c.node.GenesisPath())
	require.NoError(t, err)
	w, err := econsim.New(gen.Config(1))
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, w.Close(), "the world's invariants at the end") })
	m := newMirror(t, c, w)
	for _, name := range []string{"alice", "bob", "carol"} {
		addr := c.node.Addresses[name]
		_, err := w.NewAccountAt(name, addr, gen.Balances[addr])
		require.NoError(t, err)
	}
	supply0 := m.supplies()

	// The evaluation: it settles before the round closes, so round 1 pays
	// evaluator work too.
	m.tx("carol", "tx", "evaluation", "register-evaluator", "10000000", "4")
	res := m.tx("bob", "tx", "evaluation", "request", regimeAR, regimeARInputs(t), "100000", "--deadline-blocks", "200")
	created, ok := res.Event("don.evaluation.v1.EventRequestCreated")
	require.True(t, ok)
	id := created["request_id"]
	m.tx("carol", "tx", "evaluation", "claim", id)
	res = m.tx("carol", "tx", "evaluation", "submit", id, c.compute(id))
	submitted, ok := res.Event("don.evaluation.v1.EventResultSubmitted")
	require.True(t, ok)
	settle := atoi(t, submitted["settle_height"])
	requestID := uint64(atoi(t, id))
	req, err := w.Request(requestID)
	require.NoError(t, err)
	truth, err := econsim.TrueOutputs(w, req)
	require.NoError(t, err)
	require.Equal(t, truth, req.Outputs, "the node's `compute` and the simulator's Predict of the pinned optimum agree")

	// The optimum that closes round 1.
	constant := writeFile(t, "["+strings.Repeat("0, ", 192)+"14.4]")
	res = m.tx("alice", "tx", "optima", "commit", friedman1, constant, "--salt", salt)
	committed, ok := res.Event("don.optima.v1.EventOptimumCommitted")
	require.True(t, ok)
	c.waitHeight(max(atoi(t, committed["reveal_from"]), settle+1))
	res = m.tx("alice", "tx", "optima", "reveal", committed["commit_id"], constant, "--salt", salt)
	accepted, ok := res.Event("don.optima.v1.EventOptimumAccepted")
	require.True(t, ok, "the constant predictor is accepted")
	reveal := atoi(t, res.Height)

	// Past the close (the reveal's EndBlock) and x/distribution's
	// allocation of the validator share (the next BeginBlock).
	end := reveal + 2
	c.waitHeight(end)
	m.worldAfter(end)
	ctx := nodetest.At(end)
	t.Logf("scenario over at height %d, %s after the node started; the world stepped %d blocks",
		end, time.Since(began).Round(100*time.Millisecond), w.Height()-1)

	t.Run("increment capped on both", func(t *testing.T) {
		params, err := w.OptimaParams()
		require.NoError(t, err)
		require.Equal(t, params.MaxIncrement.String(), accepted["increment"], "node: an improvement beyond fourfold earns max_increment")
		n, err := m.optima.BestOptimum(ctx, &optimatypes.QueryBestOptimumRequest{ModelId: 1})
		require.NoError(t, err)
		s, err := w.BestOptimum(1)
		require.NoError(t, err)
		require.True(t, s.Increment.Equal(params.MaxIncrement), "world increment %s", s.Increment)
		// Loss, incumbent loss, lcb and seed come from the verification
		// seed, i.e. from block hashes, which differ; everything else is
		// the same, the work (weight × increment) included.
		requireSameJSON(t, w, "best optimum of friedman1", seedless(n.Optimum), seedless(s))
		t.Logf("optimum %d: increment %s, work %s", s.Id, s.Increment, s.Work)
	})

	t.Run("mint: the closed round and the totals", func(t *testing.T) {
		n, err := m.mint.Rounds(ctx, &minttypes.QueryRoundsRequest{})
		require.NoError(t, err)
		s, err := w.Q.Mint.Rounds(w.Ctx, &minttypes.QueryRoundsRequest{})
		require.NoError(t, err)
		require.Len(t, n.Rounds, 1, "node: round 1 closed")
		require.Len(t, s.Rounds, 1, "world: round 1 closed")
		nr, sr := n.Rounds[0], s.Rounds[0]
		// The difficulty may differ: its stall decay runs on header time,
		// and the world's blocks are 5 s apart while the node's are
		// ~0.3 s (the world's round stalls after 24 blocks, the node's
		// after ~400). It only decides whether the round closes, and both
		// closed at the same height with the same work.
		require.True(t, nr.Work.GTE(nr.Difficulty) && sr.Work.GTE(sr.Difficulty))
		requireSameJSON(t, w, "round 1", timeless(nr), timeless(sr))
		require.True(t, sr.EvaluatorPaid.IsPositive(), "carol's settled request earned evaluator work in round 1")
		t.Logf("round 1 (closed at %d): coinbase %s, optimizer %s, evaluator %s (work %s), validator %s, community %s, held back %s, minted %s; difficulty node %s, world %s",
			sr.CloseHeight, sr.Coinbase, sr.OptimizerPaid, sr.EvaluatorPaid, sr.EvaluatorWork, sr.ValidatorPaid, sr.CommunityPaid,
			sr.EvaluatorHeldBack, sr.Minted, nr.Difficulty, sr.Difficulty)

		ns, err := m.mint.Supply(ctx, &minttypes.QuerySupplyRequest{})
		require.NoError(t, err)
		ss, err := w.MintSupply()
		require.NoError(t, err)
		requireSameJSON(t, w, "x/mint supply", ns, ss)
		nst, err := m.mint.Status(ctx, &minttypes.QueryStatusRequest{})
		require.NoError(t, err)
		sst, err := w.MintStatus()
		require.NoError(t, err)
		requireSameJSON(t, w, "x/mint status", timelessStatus(nst), timelessStatus(sst))
		require.Equal(t, sr.Minted.String(), ss.Minted.String())
	})

	t.Run("supply, burn and balances", func(t *testing.T) {
		supply1 := m.supplies()
		nodeDelta, worldDelta := supply1.node.Sub(supply0.node), supply1.world.Sub(supply0.world)
		require.Equal(t, nodeDelta.String(), worldDelta.String(), "change of the udon supply over the scenario")
		ss, err := w.MintSupply()
		require.NoError(t, err)
		// Nothing else burns in this scenario (no fees: gas is free on the
		// devnet; the bond came back): the supply moved by minted − the
		// request's demand burn.
		req, err := w.Request(requestID)
		require.NoError(t, err)
		params, err := w.EvaluationParams()
		require.NoError(t, err)
		burned := params.DemandBurnFraction.MulInt(req.Price).TruncateInt()
		require.Equal(t, ss.Minted.Sub(burned).String(), worldDelta.String(), "world: supply change = minted − burned")
		ns, err := m.mint.Supply(ctx, &minttypes.QuerySupplyRequest{})
		require.NoError(t, err)
		require.Equal(t, ns.Minted.Sub(burned).String(), nodeDelta.String(), "node: supply change = minted − burned")
		for _, name := range []string{"alice", "bob", "carol"} {
			require.Equal(t, m.nodeBalance(ctx, c.node.Addresses[name]).String(), m.worldBalance(c.node.Addresses[name]).String(), "%s's balance", name)
		}
		for _, module := range []string{optimatypes.ModuleName, evaluationtypes.ModuleName, minttypes.ModuleName} {
			require.Equal(t, m.nodeBalance(ctx, moduleAddr(t, w, module)).String(), m.worldBalance(moduleAddr(t, w, module)).String(), "%s module balance", module)
		}
		// The validator share goes to the fee collector; the node's
		// x/distribution moved it into its own account in the next block,
		// the world has no x/distribution: their sum is the same.
		paidOut := func(balance func(string) sdkmath.Int) sdkmath.Int {
			return balance(moduleAddr(t, w, authtypes.FeeCollectorName)).Add(balance(moduleAddr(t, w, distrtypes.ModuleName)))
		}
		nodePaidOut := paidOut(func(a string) sdkmath.Int { return m.nodeBalance(ctx, a) })
		require.Equal(t, nodePaidOut.String(), paidOut(m.worldBalance).String(), "fee collector + distribution")
		t.Logf("supply change %s udon = minted %s − burned %s; validator + community + royalty %s", worldDelta, ss.Minted, burned, nodePaidOut)
	})

	t.Run("the settled request and the evaluator", func(t *testing.T) {
		n, err := m.evaluation.Request(ctx, &evaluationtypes.QueryRequestRequest{Id: requestID})
		require.NoError(t, err)
		s, err := w.Q.Evaluation.Request(w.Ctx, &evaluationtypes.QueryRequestRequest{Id: requestID})
		require.NoError(t, err)
		require.Equal(t, evaluationtypes.REQUEST_STATUS_SETTLED, s.Request.Status)
		requireSameJSON(t, w, "request", n, s)
		ne, err := m.evaluation.Evaluator(ctx, &evaluationtypes.QueryEvaluatorRequest{Address: c.node.Addresses["carol"]})
		require.NoError(t, err)
		se, err := w.Q.Evaluation.Evaluator(w.Ctx, &evaluationtypes.QueryEvaluatorRequest{Address: c.node.Addresses["carol"]})
		require.NoError(t, err)
		requireSameJSON(t, w, "evaluator carol", ne, se)

		// The split, from carol's and bob's balances on each chain.
		params, err := w.EvaluationParams()
		require.NoError(t, err)
		rounds, err := w.Q.Mint.Rounds(w.Ctx, &minttypes.QueryRoundsRequest{})
		require.NoError(t, err)
		price := s.Request.Price
		burned := params.DemandBurnFraction.MulInt(price).TruncateInt()
		royalty := params.RoyaltyFraction.MulInt(price).TruncateInt()
		fee := price.Sub(burned).Sub(royalty)
		carol, bob := c.node.Addresses["carol"], c.node.Addresses["bob"]
		collateral := se.Evaluator.Evaluator.Collateral
		for chain, balance := range map[string]func(string) sdkmath.Int{
			"node": func(a string) sdkmath.Int { return m.nodeBalance(ctx, a) }, "world": m.worldBalance,
		} {
			require.Equal(t, gen.Balances[carol].Sub(collateral).Add(fee).Add(rounds.Rounds[0].EvaluatorPaid).String(), balance(carol).String(),
				"%s: carol = genesis − collateral + fee + evaluator pool", chain)
			require.Equal(t, gen.Balances[bob].Sub(price).String(), balance(bob).String(), "%s: bob paid the price", chain)
		}
		t.Logf("request %d: price %s = burned %s + royalty %s + evaluator fee %s; carol's reputation %s",
			requestID, price, burned, royalty, fee, se.Evaluator.Evaluator.Reputation)
	})

	t.Run("weights and role shares", func(t *testing.T) {
		n, err := m.weights.Weights(ctx, &weightstypes.QueryWeightsRequest{})
		require.NoError(t, err)
		s, err := w.Q.Weights.Weights(w.Ctx, &weightstypes.QueryWeightsRequest{})
		require.NoError(t, err)
		n.Pagination, s.Pagination = nil, nil
		requireSameJSON(t, w, "weights", n, s)
		for _, pw := range s.Weights {
			nw, err := m.weights.Weight(ctx, &weightstypes.QueryWeightRequest{ModelId: pw.ModelId})
			require.NoError(t, err)
			sw, err := w.Weight(pw.ModelId)
			require.NoError(t, err)
			requireSameJSON(t, w, "weight and filters of model "+strconv.FormatUint(pw.ModelId, 10), nw, sw)
		}
		nr, err := m.weights.RoleShares(ctx, &weightstypes.QueryRoleSharesRequest{})
		require.NoError(t, err)
		sr, err := w.Q.Weights.RoleShares(w.Ctx, &weightstypes.QueryRoleSharesRequest{})
		require.NoError(t, err)
		requireSameJSON(t, w, "role shares", nr, sr)
	})

	// The world checked every invariant of the four modules after every
	// block (and checks them again at Close); the node is checked through
	// its public queries.
	t.Run("invariants on the node", func(t *testing.T) {
		m.checkNodeInvariants(ctx)
	})
	t.Logf("done %s after the node started", time.Since(began).Round(100*time.Millisecond))
}

// mirror sends each scenario tx to the node and the same Msgs, decoded from
// the included tx, to the world at the node's inclusion height.
type mirror struct {
	t *testing.T
	c *chain
	w *econsim.World

	optima     optimatypes.QueryClient
	evaluation evaluationtypes.QueryClient
	weights    weightstypes.QueryClient
	mint       minttypes.QueryClient
	bank       banktypes.QueryClient
}

func newMirror(t *testing.T, c *chain, w *econsim.World) *mirror {
	conn := nodetest.Dial(t, c.node)
	return &mirror{t: t, c: c, w: w,
		optima: optimatypes.NewQueryClient(conn), evaluation: evaluationtypes.NewQueryClient(conn),
		weights: weightstypes.NewQueryClient(conn), mint: minttypes.NewQueryClient(conn), bank: banktypes.NewQueryClient(conn),
	}
}

// tx sends a tx on the node, waits for it, then delivers its Msgs in the
// world's block of the same height.
func (m *mirror) tx(from string, args ...string) nodetest.TxResult {
	m.t.Helper()
	res := m.c.tx(from, args...)
	var included struct {
		Tx struct {
			Body struct {
				Messages []json.RawMessage `json:"messages"`
			} `json:"body"`
		} `json:"tx"`
	}
	m.c.cli(&included, "query", "tx", res.TxHash)
	height := atoi(m.t, res.Height)
	m.worldTo(height)
	for _, raw := range included.Tx.Body.Messages {
		var msg sdk.Msg
		require.NoError(m.t, m.w.Codec.UnmarshalInterfaceJSON(raw, &msg), "%s", raw)
		_, err := econsim.DeliverMsg(m.w, msg)
		require.NoError(m.t, err, "the node included %s at height %d; the world refused it", sdk.MsgTypeURL(msg), height)
	}
	return res
}

// worldTo ends the world's blocks until block h is the one being built.
func (m *mirror) worldTo(h int64) {
	m.t.Helper()
	require.LessOrEqual(m.t, m.w.Height(), h, "the world is ahead of the node")
	for m.w.Height() < h {
		require.NoError(m.t, m.w.Step())
	}
}

// worldAfter ends block h in the world: its state is then the node's at h.
func (m *mirror) worldAfter(h int64) { m.worldTo(h + 1) }

// supply is the total udon supply of each chain at the same point: the
// node's at the height whose end the world has reached.
type supply struct{ node, world sdkmath.Int }

func (m *mirror) supplies() supply {
	m.t.Helper()
	h := m.w.Height() - 1 // the world's last ended block
	if h < 1 {
		// Nothing was delivered yet: the world is its genesis, the node
		// anywhere before the first tx (no coin moves without one).
		latest, err := m.c.node.Height()
		require.NoError(m.t, err)
		h = latest
	}
	res, err := m.bank.SupplyOf(nodetest.At(h), &banktypes.QuerySupplyOfRequest{Denom: econsim.Denom})
	require.NoError(m.t, err)
	return supply{node: res.Amount.Amount, world: m.w.Supply()}
}

func (m *mirror) nodeBalance(ctx context.Context, addr string) sdkmath.Int {
	m.t.Helper()
	res, err := m.bank.Balance(ctx, &banktypes.QueryBalanceRequest{Address: addr, Denom: econsim.Denom})
	require.NoError(m.t, err)
	return res.Balance.Amount
}

func (m *mirror) worldBalance(addr string) sdkmath.Int {
	m.t.Helper()
	bz, err := m.w.AddressCodec.StringToBytes(addr)
	require.NoError(m.t, err)
	return m.w.Balance(bz)
}

func moduleAddr(t *testing.T, w *econsim.World, module string) string {
	s, err := w.AddressCodec.BytesToString(authtypes.NewModuleAddress(module))
	require.NoError(t, err)
	return s
}

// requireSameJSON compares two chain answers as their proto JSON, which
// shows a difference field by field.
func requireSameJSON(t *testing.T, w *econsim.World, what string, node, world proto.Message) {
	t.Helper()
	n, err := w.Codec.MarshalJSON(node)
	require.NoError(t, err)
	s, err := w.Codec.MarshalJSON(world)
	require.NoError(t, err)
	require.JSONEq(t, string(n), string(s), "%s: node (expected) vs world (actual)", what)
}

// seedless drops what an optimum owes to its verification seed.
func seedless(o optimatypes.Optimum) *optimatypes.Optimum {
	o.Loss, o.IncumbentLoss, o.Lcb, o.Seed = sdkmath.LegacyZeroDec(), sdkmath.LegacyZeroDec(), sdkmath.LegacyZeroDec(), nil
	return &o
}

// timeless drops what a round record owes to header time, and the
// height genesis ran at (genesisHeight).
func timeless(r minttypes.RoundRecord) *minttypes.RoundRecord {
	r.StartTime, r.CloseTime, r.Difficulty = time.Time{}, time.Time{}, sdkmath.LegacyZeroDec()
	r.StartHeight = genesisHeight(r.StartHeight)
	return &r
}

// genesisHeight maps the height genesis ran at to 1: the node runs
// InitGenesis in InitChain, whose context is at height 0; the world loads
// its genesis in its first block. Round 1 opens there.
func genesisHeight(h int64) int64 { return max(h, 1) }

// timelessStatus drops what x/mint's status owes to header time (see the
// round's difficulty above).
func timelessStatus(s *minttypes.QueryStatusResponse) *minttypes.QueryStatusResponse {
	out := *s
	out.Minter.RoundStartTime, out.Minter.WindowStartTime, out.Minter.Difficulty = time.Time{}, time.Time{}, sdkmath.LegacyZeroDec()
	out.Minter.RoundStartHeight = genesisHeight(out.Minter.RoundStartHeight)
	out.Progress, out.RoundAgeSeconds = sdkmath.LegacyZeroDec(), 0
	return &out
}
