package keeper_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/testutil/fixture"
	"github.com/don-network/don/x/evaluation/types"
)

// A challenge of a correct result slashes nothing: its event's amounts are
// zero coins of the chain's denom, not empty (indexers parse every amount
// as a Coin).
func TestCorrectChallengeEventAmountsReadZero(t *testing.T) {
	e := newEnv(t)
	p := e.params()
	e.register(e.eve, collateral, 4)
	id := e.request(2)
	e.mustClaim(e.eve, id)
	_, err := e.EvaluationMsg.SubmitResult(e.Ctx, &types.MsgSubmitResult{Evaluator: e.eve.str, RequestId: id, Outputs: e.truth(id)})
	require.NoError(t, err)
	ctx := e.Ctx.WithEventManager(sdk.NewEventManager())
	_, err = e.EvaluationMsg.ChallengeResult(ctx, &types.MsgChallengeResult{Challenger: e.ch.str, RequestId: id, Bond: p.MinChallengeBond})
	require.NoError(t, err)

	var found bool
	for _, ev := range ctx.EventManager().Events() {
		if ev.Type != "don.evaluation.v1.EventChallengeResolved" {
			continue
		}
		found = true
		for _, a := range ev.Attributes {
			require.NotEqual(t, `""`, a.Value, "attribute %s is empty", a.Key)
			switch a.Key {
			case "slashed", "bounty", "burned":
				require.Equal(t, fmt.Sprintf(`{"denom":%q,"amount":"0"}`, fixture.Denom), a.Value, a.Key)
			}
		}
	}
	require.True(t, found)
}
