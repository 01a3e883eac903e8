package agent

import (
	"errors"
	"slices"
	"sort"

	sdkmath "cosmossdk.io/math"

	"github.com/don-network/don/x/evaluation/types"
)

// The agent's decisions, as pure functions of what it read from the chain
// (a View), so they are tested without a node. Every number the chain
// checks comes from x/evaluation/types: the same price, claim rules and
// windows as the keeper.

// View is what one poll read: the params and the agent's own evaluator at
// the latest height, and the requests that are not final.
type View struct {
	Height    int64 // latest committed height; the next tx lands at Height+1 at the earliest
	Params    types.Params
	Self      types.Evaluator
	Open      []types.Request // REQUEST_STATUS_OPEN
	Claimed   []types.Request // REQUEST_STATUS_CLAIMED
	Submitted []types.Request // REQUEST_STATUS_SUBMITTED
}

// Claim is a planned claim: the request and the price the agent expects
// (its personalised price at the next height).
type Claim struct {
	Request types.Request
	Price   sdkmath.Int
}

// Reserve adds claims sent but not yet included to the evaluator's open
// count and exposure, as the chain will once they land, so the plan never
// counts the same slot twice.
func Reserve(ev types.Evaluator, inFlight []sdkmath.Int) types.Evaluator {
	for _, maxFee := range inFlight {
		ev.Open++
		ev.Exposure = ev.Exposure.Add(maxFee)
	}
	return ev
}

// PlanClaims chooses the open requests to claim now. It walks them from the
// highest auction price down (the personalised price orders them the same
// way: the multiplier is common to all of them) and takes each one whose
// price at the next height is at least minPrice, whose deadline leaves a
// block to submit in, whose model the agent can serve, and that the
// chain's claim rules (capacity, exposure, reputation, unbonding) allow
// after the claims already planned. skip names requests already being
// worked on.
func PlanClaims(v View, minPrice sdkmath.Int, servable func(modelID uint64) bool, skip func(id uint64) bool) []Claim {
	next := v.Height + 1
	var candidates []types.Request
	for _, r := range v.Open {
		if r.Status != types.REQUEST_STATUS_OPEN || skip(r.Id) || !servable(r.ModelId) || !ClaimInTime(r, v.Height) {
			continue
		}
		candidates = append(candidates, r)
	}
	auction := func(r types.Request) sdkmath.Int { return v.Params.AuctionPrice(r.MaxFee, r.AuctionStart, next) }
	sort.SliceStable(candidates, func(i, j int) bool {
		a, b := auction(candidates[i]), auction(candidates[j])
		if !a.Equal(b) {
			return a.GT(b)
		}
		return candidates[i].Id < candidates[j].Id
	})
	ev := v.Self
	var plan []Claim
	for _, r := range candidates {
		price := v.Params.EvaluatorPrice(r, ev, next)
		if price.LT(minPrice) {
			continue
		}
		if err := v.Params.CheckClaim(ev, r.MaxFee, next); err != nil {
			if errors.Is(err, types.ErrExposure) {
				continue // a smaller request may still fit
			}
			break // capacity, reputation or unbonding: nothing more now
		}
		plan = append(plan, Claim{Request: r, Price: price})
		ev = Reserve(ev, []sdkmath.Int{r.MaxFee})
	}
	return plan
}

// ClaimInTime tells whether a claim sent after height h still leaves a
// block to submit the result by the deadline: the claim lands at h+1 at the
// earliest, the result at h+2.
func ClaimInTime(r types.Request, h int64) bool { return r.Deadline >= h+2 }

// SubmitTimeout is the timeout height of a result sent after height h: the
// request's deadline, or, once the deadline is reached, the end of the
// timeout grace (a late result is still accepted then, and saves the
// collateral). ok is false when even the grace is over.
func SubmitTimeout(p types.Params, r types.Request, h int64) (timeout int64, ok bool) {
	switch next := h + 1; {
	case next <= r.Deadline:
		return r.Deadline, true
	case next <= r.Deadline+int64(p.TimeoutGraceBlocks):
		return r.Deadline + int64(p.TimeoutGraceBlocks), true
	default:
		return 0, false
	}
}

// ChallengeEnd is the last height a challenge of a submitted request is
// accepted at (the settle height's transactions included).
func ChallengeEnd(p types.Params, r types.Request) int64 {
	return r.SubmitHeight + int64(p.ChallengeBlocks)
}

// ToCheck returns the submitted results of other evaluators that can still
// be challenged after height h and that the agent has not checked yet: not
// its own, not verified by an earlier challenge, window still open.
func ToCheck(v View, self string, checked func(id uint64) bool) []types.Request {
	var out []types.Request
	for _, r := range v.Submitted {
		if r.Status != types.REQUEST_STATUS_SUBMITTED || r.Evaluator == self || r.Verified || checked(r.Id) {
			continue
		}
		if v.Height+1 > ChallengeEnd(v.Params, r) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// Wrong tells whether submitted outputs differ from the recomputed ones:
// the chain compares them bit for bit.
func Wrong(want, got []int64) bool { return !slices.Equal(want, got) }

// Mine returns the requests assigned to the evaluator self.
func Mine(rs []types.Request, self string) []types.Request {
	var out []types.Request
	for _, r := range rs {
		if r.Evaluator == self {
			out = append(out, r)
		}
	}
	return out
}
