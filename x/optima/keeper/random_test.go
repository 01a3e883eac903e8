package keeper_test

import (
	"fmt"
	"math/rand"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/testutil/fixture"
	"github.com/don-network/don/x/optima/types"
)

// TestRandomOperationsKeepInvariants interleaves commits, reveals (right,
// wrong, early, late), registrations, retirements and blocks from a seeded
// generator, and checks the invariants and the coin accounting after every
// step: the supply only ever drops by what was burned.
func TestRandomOperationsKeepInvariants(t *testing.T) {
	for seed := int64(1); seed <= 3; seed++ {
		t.Run(strconv.FormatInt(seed, 10), func(t *testing.T) { runRandomOps(t, seed, 300) })
	}
}

type pending struct {
	id     uint64
	params []int64
	salt   []byte
	owner  int
}

func runRandomOps(t *testing.T, seed int64, steps int) {
	e := newEnv(t)
	rng := rand.New(rand.NewSource(seed))
	actors := make([]sdk.AccAddress, 3)
	names := make([]string, 3)
	for i := range actors {
		actors[i], names[i] = e.Addr(fmt.Sprintf("actor-%d", i))
		e.Fund(actors[i], funds)
	}
	var open []pending
	models := []uint64{testModel}

	randomParams := func() []int64 {
		p := make([]int64, 5)
		for i := range p {
			p[i] = fixture.Fixed(t, fmt.Sprintf("%.3f", rng.Float64()-0.3))[0]
		}
		return p
	}
	for step := 0; step < steps; step++ {
		supply := e.Supply()
		burnedBefore := burnedInEvents(t, e)
		switch op := rng.Intn(8); op {
		case 0, 1: // commit
			a := rng.Intn(len(actors))
			params := randomParams()
			if rng.Intn(3) == 0 {
				params = goodAR(t)
			}
			salt := []byte(fmt.Sprintf("salt-%016d", rng.Int63()))
			model := models[rng.Intn(len(models))]
			res, err := e.msg.CommitOptimum(e.Ctx, &types.MsgCommitOptimum{
				Optimizer: names[a], ModelId: model,
				Commitment: types.ComputeCommitment(model, actors[a], params, salt),
			})
			if err == nil {
				open = append(open, pending{res.CommitId, params, salt, a})
			}
		case 2, 3, 4: // reveal, sometimes wrong
			if len(open) == 0 {
				continue
			}
			i := rng.Intn(len(open))
			p := open[i]
			msg := &types.MsgRevealOptimum{Optimizer: names[p.owner], CommitId: p.id, Params: p.params, Salt: p.salt}
			if rng.Intn(4) == 0 {
				msg.Salt = []byte("wrong-salt-wrong-salt")
			}
			before := e.snapshot(actors...)
			if _, err := e.msg.RevealOptimum(e.Ctx, msg); err != nil {
				require.Equal(t, before, e.snapshot(actors...), "failed reveal changed state: %v", err)
			} else {
				open = append(open[:i], open[i+1:]...)
			}
		case 5: // register a model
			a := rng.Intn(len(actors))
			if res, err := e.msg.RegisterModel(e.Ctx, e.registerMsg(names[a])); err == nil {
				models = append(models, res.ModelId)
			}
		case 6: // retire a model (creator or stranger)
			model := models[rng.Intn(len(models))]
			_, _ = e.msg.RetireModel(e.Ctx, &types.MsgRetireModel{Signer: names[rng.Intn(len(names))], ModelId: model})
		case 7: // blocks pass
			e.advance(1 + rng.Intn(3))
		}
		require.NoError(t, e.k.CheckInvariants(e.Ctx), "step %d", step)
		burned := burnedInEvents(t, e) - burnedBefore
		require.Equal(t, supply.SubRaw(burned), e.Supply(), "step %d: supply moved by more than the burns", step)
	}
	// The run must have reached every outcome, or it proved little.
	seen := map[string]int{}
	for _, ev := range append(e.past, e.Ctx.EventManager().Events()...) {
		seen[ev.Type]++
	}
	for _, typ := range []string{"EventOptimumAccepted", "EventOptimumRejected", "EventCommitExpired", "EventModelRegistered"} {
		require.Positive(t, seen["don.optima.v1."+typ], "no %s in the run: %v", typ, seen)
	}
}

// burnedInEvents sums the burns reported by every event so far.
func burnedInEvents(t *testing.T, e *env) int64 {
	var total int64
	for _, ev := range append(e.past, e.Ctx.EventManager().Events()...) {
		if ev.Type != "burn" {
			continue
		}
		for _, a := range ev.Attributes {
			if a.Key == "amount" {
				c, err := sdk.ParseCoinNormalized(a.Value)
				require.NoError(t, err)
				total += c.Amount.Int64()
			}
		}
	}
	return total
}
