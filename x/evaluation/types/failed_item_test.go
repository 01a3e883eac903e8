package types_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/types/bech32"

	"github.com/don-network/don/x/evaluation/types"
)

func bech(t *testing.T, b byte) string {
	s, err := bech32.ConvertAndEncode("don", []byte(strings.Repeat(string(rune(b)), 20)))
	require.NoError(t, err)
	return s
}

// genesisWithFailed is a valid genesis with two failed items: request 1's
// deletion (due at 40) and evaluator eve's collateral return (due at 50).
func genesisWithFailed(t *testing.T) types.GenesisState {
	eve := bech(t, 'e')
	gs := *types.DefaultGenesis()
	gs.Evaluators = []types.Evaluator{{
		Address: eve, Collateral: sdkmath.NewInt(5), Capacity: 1, Exposure: sdkmath.ZeroInt(),
		Reputation: dec("0.5"), UnbondingHeight: 50,
	}}
	gs.Requests = []types.Request{{
		Id: 1, Client: bech(t, 'c'), Status: types.REQUEST_STATUS_SETTLED, MaxFee: sdkmath.NewInt(100),
		Price: sdkmath.NewInt(50), DueHeight: 40,
	}}
	gs.NextRequestId = 2
	gs.FailedItems = []types.FailedItem{
		{Kind: types.QUEUE_KIND_DUE, RequestId: 1, DueHeight: 40, FailedHeight: 41, RetryHeight: 141, Attempts: 1, Error: "boom"},
		{Kind: types.QUEUE_KIND_UNBONDING, Evaluator: eve, DueHeight: 50, FailedHeight: 50, RetryHeight: 150, Attempts: 3, Error: "insufficient funds"},
	}
	return gs
}

func TestGenesisAcceptsFailedItems(t *testing.T) {
	require.NoError(t, genesisWithFailed(t).Validate())
}

func TestGenesisRejectsBadFailedItems(t *testing.T) {
	cases := []struct {
		name, msg string
		mutate    func(gs *types.GenesisState)
	}{
		{"unknown kind", "unknown kind 7", func(gs *types.GenesisState) { gs.FailedItems[0].Kind = 7 }},
		{"unspecified kind", "unknown kind 0", func(gs *types.GenesisState) { gs.FailedItems[0].Kind = types.QUEUE_KIND_UNSPECIFIED }},
		{"duplicate due item", "duplicate failed item request 1", func(gs *types.GenesisState) {
			gs.FailedItems = append(gs.FailedItems, gs.FailedItems[0])
		}},
		{"duplicate unbonding item", "duplicate failed item unbonding", func(gs *types.GenesisState) {
			gs.FailedItems = append(gs.FailedItems, gs.FailedItems[1])
		}},
		{"unknown request", "no request 9 due at 40", func(gs *types.GenesisState) { gs.FailedItems[0].RequestId = 9 }},
		{"request due elsewhere", "no request 1 due at 39", func(gs *types.GenesisState) {
			gs.FailedItems[0].DueHeight = 39
		}},
		{"request not queued", "no request 1 due at 40", func(gs *types.GenesisState) { gs.Requests[0].DueHeight = 0 }},
		{"due item names an evaluator", "a due item names no evaluator", func(gs *types.GenesisState) {
			gs.FailedItems[0].Evaluator = gs.Evaluators[0].Address
		}},
		{"evaluator not unbonding", "unbonding at 50", func(gs *types.GenesisState) { gs.Evaluators[0].UnbondingHeight = 0 }},
		{"unknown evaluator", "unbonding at 50", func(gs *types.GenesisState) { gs.FailedItems[1].Evaluator = bech(t, 'x') }},
		{"bad evaluator address", "evaluator address", func(gs *types.GenesisState) { gs.FailedItems[1].Evaluator = "don1bad" }},
		{"unbonding item names a request", "an unbonding item names no request", func(gs *types.GenesisState) {
			gs.FailedItems[1].RequestId = 1
		}},
		{"failed before due", "need 0 < due_height 40 ≤ failed_height 39", func(gs *types.GenesisState) {
			gs.FailedItems[0].FailedHeight = 39
		}},
		{"retry not after failure", "< retry_height 41", func(gs *types.GenesisState) { gs.FailedItems[0].RetryHeight = 41 }},
		{"no attempts", "attempts must be ≥ 1", func(gs *types.GenesisState) { gs.FailedItems[0].Attempts = 0 }},
		{"long error", "error text longer than 256 bytes", func(gs *types.GenesisState) {
			gs.FailedItems[0].Error = strings.Repeat("x", types.MaxFailedErrorLength+1)
		}},
		{"invalid UTF-8 error", "not UTF-8", func(gs *types.GenesisState) { gs.FailedItems[0].Error = "\xff" }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			gs := genesisWithFailed(t)
			tc.mutate(&gs)
			err := gs.Validate()
			require.ErrorIs(t, err, types.ErrInvalidGenesis)
			require.ErrorContains(t, err, tc.msg)
		})
	}
}

// The stored error text is bounded and valid UTF-8, cut on a rune boundary.
func TestFailedErrorTextIsBounded(t *testing.T) {
	require.Equal(t, "short", types.FailedErrorText(errors.New("short")))
	long := strings.Repeat("é", types.MaxFailedErrorLength) // 2 bytes each
	got := types.FailedErrorText(errors.New("x" + long))    // odd offset: the cut falls inside a rune
	require.True(t, utf8.ValidString(got))
	require.Equal(t, types.MaxFailedErrorLength-1, len(got))
	require.Equal(t, "a?b", types.FailedErrorText(errors.New("a\xffb")))
}
