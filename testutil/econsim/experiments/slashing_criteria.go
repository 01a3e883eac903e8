package experiments

import (
	"fmt"
	"math"

	"github.com/don-network/don/testutil/econsim"
)

// slashingSweep is a sweep's outcome per slash value (index of
// slashValues) and period: meanF holds the means over runs of active
// evaluators, cumulative rewards and cumulative slashes; counts the sums
// over runs of claims, wrong and late results.
type slashingSweep struct {
	n      int // evaluators
	meanF  [][][3]float64
	counts [][][3]float64
}

func (sw slashingSweep) index(s float64) int {
	for i, v := range slashValues {
		if v == s {
			return i
		}
	}
	panic(fmt.Sprintf("slash value %g not swept", s))
}

// activeShare is the mean share of evaluators active after period t (0-based).
func (sw slashingSweep) activeShare(s float64, t int) float64 {
	return sw.meanF[sw.index(s)][t][0] / float64(sw.n)
}

// badRate is (wrong + late) / claims over periods [from, to).
func (sw slashingSweep) badRate(s float64, from, to int) float64 {
	var claims, bad float64
	for _, c := range sw.counts[sw.index(s)][from:to] {
		claims += c[0]
		bad += c[1] + c[2]
	}
	if claims == 0 {
		return math.NaN()
	}
	return bad / claims
}

// wrongRate is wrong / claims over periods [from, to).
func (sw slashingSweep) wrongRate(s float64, from, to int) float64 {
	var claims, wrong float64
	for _, c := range sw.counts[sw.index(s)][from:to] {
		claims += c[0]
		wrong += c[1]
	}
	if claims == 0 {
		return math.NaN()
	}
	return wrong / claims
}

// rewardGrowth is the growth of cumulative rewards over periods [from, to), udon.
func (sw slashingSweep) rewardGrowth(s float64, from, to int) float64 {
	r := sw.meanF[sw.index(s)]
	before := 0.0
	if from > 0 {
		before = r[from-1][1]
	}
	return r[to-1][1] - before
}

// fallTime is the first period (1-based) after which fewer than share of
// the evaluators are active, or the number of periods + 1 if never.
func (sw slashingSweep) fallTime(s, share float64) int {
	for t, p := range sw.meanF[sw.index(s)] {
		if p[0] < share*float64(sw.n) {
			return t + 1
		}
	}
	return len(sw.meanF[sw.index(s)]) + 1
}

// Thresholds of the paper's trend, in the terms of the issue ("well
// below", "clearly above", "most", "comparable"). "Well below" is a fifth
// of the evaluators: about three standard deviations of the difference of
// two shares of 100 evaluators. "Clearly above" is 1.25×: late results
// (≈ 4–5 % of claims at any s: liveness faults, which slashing selects but
// cannot deter) are in every case, so 1.25× means wrong results add at
// least a quarter on top of them.
const (
	slashingWellBelow    = 0.2  // high s: active share at the end ≥ 0.2 below the lower moderate case's
	slashingFallShare    = 0.75 // "falls faster": first period below 3/4 active
	slashingKeepShare    = 0.8  // s = 0.01 keeps at least 80 % active
	slashingMostShare    = 0.5  // moderate s: more than half still active
	slashingCloseToStart = 0.75 // s = 0.01: end bad-result rate ≥ 3/4 of its start
	slashingClearlyAbove = 1.25 // s = 0.01: end bad-result rate ≥ 1.25 × the moderate cases'
	slashingSteady       = 0.75 // moderate s: last-quarter reward growth ≥ 3/4 of the first quarter's
	// slashingFirstSettle is the number of periods before the first fee can
	// settle (claim, answer, challenge_blocks 10): the first quarter of
	// reward growth starts after them.
	slashingFirstSettle = 12
)

// slashingCriteria checks the paper's trend on a sweep and logs a summary
// line per s.
func slashingCriteria(res *econsim.Result, o econsim.Options, sw slashingSweep, blocks int) {
	end, q := blocks-1, blocks/4
	first, last := func(s float64) float64 { return sw.badRate(s, 0, q) }, func(s float64) float64 { return sw.badRate(s, blocks-q, blocks) }
	moderate := []float64{0.03, 0.1}
	minActive := math.Min(sw.activeShare(0.03, end), sw.activeShare(0.1, end))
	minFall := min(sw.fallTime(0.03, slashingFallShare), sw.fallTime(0.1, slashingFallShare))
	for _, s := range []float64{0.2, 0.5} {
		a := sw.activeShare(s, end)
		res.Check(fmt.Sprintf("s=%g drives evaluators out: active share at the end ≥ %g below the 0.03–0.1 cases'", s, slashingWellBelow),
			a <= minActive-slashingWellBelow,
			"active share at the end %.2f vs %.2f (0.03) and %.2f (0.1): %.2f below the lower", a, sw.activeShare(0.03, end), sw.activeShare(0.1, end), minActive-a)
		f := sw.fallTime(s, slashingFallShare)
		res.Check(fmt.Sprintf("s=%g: active falls faster (below %g sooner than 0.03–0.1)", s, slashingFallShare),
			f < minFall, "below %g active after period %d vs %d (0.03) and %d (0.1); %d = never",
			slashingFallShare, f, sw.fallTime(0.03, slashingFallShare), sw.fallTime(0.1, slashingFallShare), blocks+1)
	}
	a01 := sw.activeShare(0.01, end)
	res.Check(fmt.Sprintf("s=0.01 keeps evaluators (≥ %g active at the end)", slashingKeepShare), a01 >= slashingKeepShare,
		"active share at the end %.2f", a01)
	worstModerate := math.Max(last(0.03), last(0.1))
	res.Check(fmt.Sprintf("s=0.01 does not deter: bad-result rate at the end ≥ %g × its start and ≥ %g × the 0.03–0.1 cases'",
		slashingCloseToStart, slashingClearlyAbove),
		last(0.01) >= slashingCloseToStart*first(0.01) && last(0.01) >= slashingClearlyAbove*worstModerate,
		"(wrong + late) / claims: %.3f in the first quarter, %.3f in the last (wrong %.3f → %.3f); last quarter 0.03: %.3f (wrong %.3f), 0.1: %.3f (wrong %.3f)",
		first(0.01), last(0.01), sw.wrongRate(0.01, 0, q), sw.wrongRate(0.01, blocks-q, blocks),
		last(0.03), sw.wrongRate(0.03, blocks-q, blocks), last(0.1), sw.wrongRate(0.1, blocks-q, blocks))
	for _, s := range moderate {
		a := sw.activeShare(s, end)
		res.Check(fmt.Sprintf("s=%g keeps activity (> %g active at the end)", s, slashingMostShare), a > slashingMostShare,
			"active share %.2f at T/2, %.2f at the end", sw.activeShare(s, blocks/2-1), a)
		firstGrowth := sw.rewardGrowth(s, slashingFirstSettle, slashingFirstSettle+q)
		g := sw.rewardGrowth(s, blocks-q, blocks) / firstGrowth
		res.Check(fmt.Sprintf("s=%g: steady rewards (last-quarter growth ≥ %g × the first quarter's)", s, slashingSteady),
			g >= slashingSteady, "cumulative rewards grew %.2f DON in the first quarter (from period %d, the first settlements), %.2f DON in the last: ratio %.2f",
			firstGrowth/1e6, slashingFirstSettle+1, sw.rewardGrowth(s, blocks-q, blocks)/1e6, g)
	}
	for _, s := range slashValues {
		o.Logf("slashing: s=%g: active %.2f at T/4, %.2f at T/2, %.2f at the end; bad-result rate %.3f first quarter, %.3f last (wrong %.3f, %.3f); rewards %.1f DON, slashed %.1f DON",
			s, sw.activeShare(s, q-1), sw.activeShare(s, blocks/2-1), sw.activeShare(s, end),
			first(s), last(s), sw.wrongRate(s, 0, q), sw.wrongRate(s, blocks-q, blocks),
			sw.meanF[sw.index(s)][end][1]/1e6, sw.meanF[sw.index(s)][end][2]/1e6)
	}
}
