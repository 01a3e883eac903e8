package agent

import (
	"crypto/rand"
	"fmt"

	sdkmath "cosmossdk.io/math"

	"github.com/don-network/don/x/optima/types"
)

// GateResult is a candidate measured against the incumbent on several
// local seeds with the chain's own verification.
type GateResult struct {
	Pass bool
	// NewLoss and IncumbentLoss are means over the seeds.
	NewLoss, IncumbentLoss sdkmath.LegacyDec
	// WorstSlack is min over seeds of lcb − margin·s/√n − min_improvement·L_inc:
	// how far the weakest seed cleared (≥ 0) or missed (< 0) the bar.
	WorstSlack sdkmath.LegacyDec
	Reason     string
}

// Gate decides whether a candidate is worth a commit: types.CheckCandidate
// must accept it (else the bond would burn at reveal) and, on every seed,
// types.Verify (the keeper's and `q optima check`'s verification) must
// accept it with margin standard errors to spare:
//
//	lcb − margin · s/√n ≥ min_improvement · L_inc.
//
// The chain draws its own seed later, so a candidate that only just passes
// locally fails there about half the time; the margin and the several seeds
// make a burned bond unlikely.
func Gate(p types.Params, m types.Model, incumbent, candidate []int64, seeds [][32]byte, margin sdkmath.LegacyDec) (GateResult, error) {
	if len(seeds) == 0 {
		return GateResult{}, fmt.Errorf("gate: no seeds")
	}
	if err := types.CheckCandidate(p, m, candidate); err != nil {
		return GateResult{Reason: err.Error()}, nil
	}
	res := GateResult{Pass: true, NewLoss: sdkmath.LegacyZeroDec(), IncumbentLoss: sdkmath.LegacyZeroDec()}
	for i, seed := range seeds {
		v, err := types.Verify(m, incumbent, candidate, seed, p)
		if err != nil {
			return GateResult{}, err
		}
		res.NewLoss = res.NewLoss.Add(v.NewLoss)
		res.IncumbentLoss = res.IncumbentLoss.Add(v.IncumbentLoss)
		slack := v.LCB.Sub(margin.Mul(v.StdErr)).Sub(m.MinImprovement.Mul(v.IncumbentLoss))
		if i == 0 || slack.LT(res.WorstSlack) {
			res.WorstSlack = slack
		}
		switch {
		case !v.Accepted:
			res.Pass, res.Reason = false, fmt.Sprintf("seed %d: %s", i, v.Reason)
		case slack.IsNegative() && res.Pass:
			res.Pass, res.Reason = false, fmt.Sprintf("seed %d: lcb %s clears min_improvement × L_inc by less than %s standard errors",
				i, v.LCB, margin)
		}
	}
	n := int64(len(seeds))
	res.NewLoss, res.IncumbentLoss = res.NewLoss.QuoInt64(n), res.IncumbentLoss.QuoInt64(n)
	return res, nil
}

// FreshSeeds returns n random local seeds (never the chain's: its seed does
// not exist before the commit).
func FreshSeeds(n int) ([][32]byte, error) {
	out := make([][32]byte, n)
	for i := range out {
		if _, err := rand.Read(out[i][:]); err != nil {
			return nil, err
		}
	}
	return out, nil
}
