package econsim

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	evaluationtypes "github.com/don-network/don/x/evaluation/types"
)

// smallEconomy is three admitted models with two optimizers, two clients,
// three evaluators (one lazy) and a challenger.
func smallEconomy(t *testing.T, seed uint64) (*World, []*Optimizer, []*Evaluator, *Challenger) {
	w, err := New(Config{Seed: seed, Models: 3, ShuffleAgents: true})
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, w.Close()) })
	var opts []*Optimizer
	for i, rate := range []float64{1, 0.5} {
		a, err := w.NewAccount("optimizer-"+string(rune('a'+i)), 1_000_000_000)
		require.NoError(t, err)
		opts = append(opts, &Optimizer{Acct: a, Rate: rate, Step: 0.3})
	}
	var evs []*Evaluator
	for i, wrong := range []float64{0, 0, 0.5} {
		a, err := w.NewAccount("evaluator-"+string(rune('a'+i)), 100_000_000)
		require.NoError(t, err)
		evs = append(evs, &Evaluator{Acct: a, Collateral: 50_000_000, Capacity: 10, MinPrice: 1000, Reliability: 1, WrongRate: wrong})
	}
	ch, err := w.NewAccount("challenger", 100_000_000)
	require.NoError(t, err)
	challenger := &Challenger{Acct: ch}
	for i := range 2 {
		a, err := w.NewAccount("client-"+string(rune('a'+i)), 1_000_000_000)
		require.NoError(t, err)
		w.Add(&Client{Acct: a, Model: uint64(i + 1), Rate: 0.5, MaxFee: 100_000, Rows: 2, Deadline: 20})
	}
	for _, o := range opts {
		w.Add(o)
	}
	for _, e := range evs {
		w.Add(e)
	}
	w.Add(challenger)
	return w, opts, evs, challenger
}

// TestSmallEconomyRunsOnTheRealKeepers: the agents' Msgs go through: optima
// are accepted, rounds close and mint, requests settle, the lazy
// evaluator's wrong results are caught and slashed, and every invariant
// holds after every block.
func TestSmallEconomyRunsOnTheRealKeepers(t *testing.T) {
	w, opts, evs, ch := smallEconomy(t, 1)
	require.NoError(t, w.Run(120, nil))
	accepted := 0
	for _, o := range opts {
		accepted += o.Stats.Accepted
	}
	require.Positive(t, accepted, "accepted optima")
	st, err := w.MintStatus()
	require.NoError(t, err)
	require.Greater(t, st.Minter.Round, uint64(1), "rounds closed")
	sup, err := w.MintSupply()
	require.NoError(t, err)
	require.True(t, sup.Minted.IsPositive())
	settled, err := w.Requests(evaluationtypes.REQUEST_STATUS_SETTLED)
	require.NoError(t, err)
	require.NotEmpty(t, settled)
	require.Positive(t, evs[2].Stats.Wrong)
	require.Positive(t, ch.Stats.Won, "wrong results caught")
	require.Zero(t, ch.Stats.Lost, "no correct result challenged")
	t.Logf("optimizers %+v %+v; round %d minted %s; settled %d; evaluators %+v %+v %+v; challenger %+v; msgs %+v",
		opts[0].Stats, opts[1].Stats, st.Minter.Round, sup.Minted, len(settled), evs[0].Stats, evs[1].Stats, evs[2].Stats, ch.Stats, w.Tallies())
}

// TestSameSeedSameRun: two worlds from one seed end in the same state.
func TestSameSeedSameRun(t *testing.T) {
	snapshot := func() []byte {
		w, _, _, _ := smallEconomy(t, 7)
		require.NoError(t, w.Run(40, nil))
		sup, err := w.MintSupply()
		require.NoError(t, err)
		var b bytes.Buffer
		b.WriteString(sup.String())
		for _, tl := range w.Tallies() {
			b.WriteString(tl.TypeURL)
			b.WriteByte(byte(tl.OK))
			b.WriteByte(byte(tl.Failed))
		}
		return b.Bytes()
	}
	require.Equal(t, snapshot(), snapshot())
}

// TestEvaluatorLeavesWhenNothingIsOpen: an evaluator told to leave while it
// holds claims answers them, then unbonds; none of them times out.
func TestEvaluatorLeavesWhenNothingIsOpen(t *testing.T) {
	w, _, evs, _ := smallEconomy(t, 3)
	ev := evs[0]
	ev.Exit = func(_ *World, self evaluationtypes.Evaluator) bool { return self.Open > 0 }
	require.NoError(t, w.Run(60, nil))
	require.True(t, ev.Left)
	self, found, err := w.Evaluator(ev.Acct)
	require.NoError(t, err)
	require.True(t, found)
	require.NotZero(t, self.UnbondingHeight, "unbonded")
	require.Zero(t, self.Open)
	require.Zero(t, self.Failures, "its open claims were answered, not abandoned")
	require.Positive(t, self.Successes)
}
