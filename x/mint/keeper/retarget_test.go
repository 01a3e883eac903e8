package keeper_test

import (
	"fmt"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/mint/types"
)

// A constant stream of work (rate per second, delivered every block) makes
// the round duration converge to the target, from a difficulty 8× too high
// or 8× too low, within ±10 % after five retargets.
func TestRetargetConverges(t *testing.T) {
	const (
		target   = 120 // seconds
		interval = 5   // rounds per retarget
		rate     = "0.01"
	)
	right := dec(rate).MulInt64(target) // the difficulty that gives target-long rounds
	for _, start := range []string{"8", "0.125"} {
		t.Run("start×"+start, func(t *testing.T) {
			e := newEnv(t, func(gs *types.GenesisState) {
				gs.Params.TargetRoundSeconds = target
				gs.Params.RetargetInterval = interval
				gs.Params.InitialDifficulty = right.Mul(dec(start))
				gs.Params.MinDifficulty = dec("0.0001")
			})
			a, _ := e.Addr("a")
			perBlock := dec(rate).MulInt64(blockSeconds)
			retargets := 0
			var lastWindow []int64
			for blocks := 0; retargets < 5 && blocks < 200_000; blocks++ {
				e.work(a, perBlock.String())
				before := e.minter()
				e.endBlock()
				after, err := e.k.Minter.Get(e.Ctx)
				require.NoError(t, err)
				if after.Round == before.Round {
					continue
				}
				rec, err := e.k.Rounds.Get(e.Ctx, before.Round)
				require.NoError(t, err)
				lastWindow = append(lastWindow, int64(rec.CloseTime.Sub(rec.StartTime).Seconds()))
				if after.RoundsInWindow == 0 {
					retargets++
					if retargets < 5 {
						lastWindow = nil
					}
				}
			}
			require.Equal(t, 5, retargets)
			var sum int64
			for _, d := range lastWindow {
				sum += d
			}
			mean := float64(sum) / float64(len(lastWindow))
			require.InDelta(t, target, mean, 0.1*target, "round durations of the fifth window: %v", lastWindow)
			require.InDelta(t, 1.0, mustFloat(e.minter().Difficulty.Quo(right)), 0.1, "difficulty near rate × target")
		})
	}
}

// One retarget moves the difficulty by at most ×4 either way and never
// below min_difficulty.
func TestRetargetClampAndFloor(t *testing.T) {
	cases := []struct {
		name       string
		blocks     int // blocks per round
		difficulty string
		minimum    string
		want       string
	}{
		{"very slow rounds: ÷4 at most", 200, "8", "0.0001", "2"},
		{"very fast rounds: ×4 at most", 1, "8", "0.0001", "32"},
		{"floor holds", 200, "8", "3", "3"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, func(gs *types.GenesisState) {
				gs.Params.TargetRoundSeconds = 60
				gs.Params.RetargetInterval = 1
				gs.Params.InitialDifficulty = dec(tc.difficulty)
				gs.Params.MinDifficulty = dec(tc.minimum)
				gs.Params.StallFactor = dec("1000") // keep the stall rule out of it
			})
			a, _ := e.Addr("a")
			for i := 0; i < tc.blocks-1; i++ {
				e.endBlock()
			}
			e.work(a, tc.difficulty)
			e.endBlock()
			m := e.minter()
			require.Equal(t, uint64(2), m.Round)
			require.Equal(t, dec(tc.want), m.Difficulty)
			require.True(t, hasEvent(e, "don.mint.v1.EventRetarget"))
		})
	}
}

// While no round closes, the stall rule lowers D each block once the round
// is older than stall_factor × target, down to min_difficulty.
func TestStallRuleLowersDifficulty(t *testing.T) {
	e := newEnv(t, func(gs *types.GenesisState) {
		gs.Params.TargetRoundSeconds = 10
		gs.Params.StallFactor = dec("2")
		gs.Params.StallDecay = dec("0.5")
		gs.Params.InitialDifficulty = dec("8")
		gs.Params.MinDifficulty = dec("1")
	})
	var seen []string
	for i := 0; i < 12; i++ {
		e.endBlock()
		seen = append(seen, e.minter().Difficulty.String())
	}
	// Age 0,5,…,20 s is within 2 × 10 s; from 25 s D halves each block to the floor.
	want := []string{"8", "8", "8", "8", "8", "4", "2", "1", "1", "1", "1", "1"}
	for i := range want {
		want[i] = dec(want[i]).String()
	}
	require.Equal(t, want, seen)
	require.Equal(t, uint64(1), e.minter().Round)
}

func hasEvent(e *env, typ string) bool {
	for _, ev := range append(e.past, e.Ctx.EventManager().Events()...) {
		if ev.Type == typ {
			return true
		}
	}
	return false
}

func mustFloat(d sdkmath.LegacyDec) float64 {
	f, err := d.Float64()
	if err != nil {
		panic(fmt.Sprint(err))
	}
	return f
}
