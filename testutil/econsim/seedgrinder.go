package econsim

import (
	"math"

	optimatypes "github.com/don-network/don/x/optima/types"
)

// SeedGrinder is the seed-grinding attack of docs/economics.md. Each
// attempt (Rate per block on Model) makes one candidate, Step of the way
// from its previous attempt's candidate while that one's copies are open
// (else from the best) to the target, as the honest Optimizer chains its
// commits, and commits Copies of it — each copy perturbed by Jitter
// (a fraction of the gap to the target, per coordinate, times a standard
// normal; 0: identical copies) — so that each copy gets its own
// evaluation seed. The seed of a commit is SHA-256("don/optima/eval" ‖
// commit_id ‖ beacon(h_c + k)) (x/optima's keeper, types.EvalSeed), and the
// grinder reads every beacon as it appears (the BeaconStatus query), so
// once a copy's window opens it knows its seed and runs the chain's own
// verification (types.Verify) on it locally. It then reveals, best
// increment first, only the copies that pass against the current best, and
// lets the others expire: their whole bonds burn. With Step 0 it fishes for
// luck with no real progress; with identical copies it shops for the
// luckiest of Copies seeds for one real improvement. It makes no attempt
// while the model's headroom (w.Headroom) is below MinHeadroom: near the
// floor every copy would fail and burn. From height Stop on (0: never) it
// commits nothing new.
type SeedGrinder struct {
	Acct        Account
	Model       uint64
	Rate        float64
	Copies      int
	Step        float64
	Jitter      float64
	MinHeadroom float64
	Stop        int64

	beacons map[int64][]byte
	pending []Pending
	last    []int64 // the latest attempt's candidate
	Stats   SeedGrindStats
}

// SeedGrindStats counts a grinder's attempts and their fate.
type SeedGrindStats struct {
	Attempts, Commits, Revealed, Accepted, Rejected, Abandoned int
	// Increment and Work are the sums over its accepted optima.
	Increment, Work float64
}

// Busy tells whether some of its commits are still open (abandoned ones
// excepted: they only wait to expire).
func (g *SeedGrinder) Busy() bool { return len(g.pending) > 0 }

// Act records the beacon, reveals the copies that pass and makes this
// block's attempts.
func (g *SeedGrinder) Act(w *World) error {
	if err := g.watchBeacon(w); err != nil {
		return err
	}
	if err := g.revealLucky(w); err != nil {
		return err
	}
	if g.Stop > 0 && w.Height() >= g.Stop {
		return nil
	}
	n := int(g.Rate)
	if w.Rng.Float64() < g.Rate-float64(n) {
		n++
	}
	for i := 0; i < n; i++ {
		if err := g.attempt(w); err != nil {
			return err
		}
	}
	return nil
}

// watchBeacon keeps the beacons of the last heights, as any node can.
func (g *SeedGrinder) watchBeacon(w *World) error {
	res, err := w.Q.Optima.BeaconStatus(w.Ctx, &optimatypes.QueryBeaconStatusRequest{})
	if err != nil {
		return err
	}
	if g.beacons == nil {
		g.beacons = map[int64][]byte{}
	}
	g.beacons[res.Latest.Height] = res.Latest.Value
	delete(g.beacons, res.Latest.Height-256) // older ones seed no open commit of a short-window model
	return nil
}

// revealLucky verifies every due copy on its own seed and reveals the
// passing ones, the largest increment first, re-checking the rest against
// each new best; the copies that do not pass are abandoned.
func (g *SeedGrinder) revealLucky(w *World) error {
	h := w.Height()
	var due []Pending
	kept := g.pending[:0]
	for _, p := range g.pending {
		switch {
		case h < p.RevealFrom:
			kept = append(kept, p)
		case h <= p.RevealUntil:
			due = append(due, p)
		}
	}
	g.pending = kept
	if len(due) == 0 {
		return nil
	}
	m, err := w.Model(g.Model)
	if err != nil {
		return err
	}
	params, err := w.OptimaParams()
	if err != nil {
		return err
	}
	for len(due) > 0 {
		best, err := w.BestOptimum(g.Model)
		if err != nil {
			return err
		}
		pick, pickInc := -1, math.Inf(-1)
		for i, p := range due {
			beacon, known := g.beacons[p.RevealFrom-1] // beacon(h_c + k)
			inc := math.Inf(1)                         // an unknown seed: reveal it as an honest optimizer would
			if known {
				v, err := optimatypes.Verify(m, best.Params, p.Params, optimatypes.EvalSeed(p.CommitID, beacon), params)
				if err != nil {
					return err
				}
				if !v.Accepted {
					continue
				}
				inc = Float64(v.Increment)
			}
			if inc > pickInc {
				pick, pickInc = i, inc
			}
		}
		if pick < 0 {
			g.Stats.Abandoned += len(due)
			return nil
		}
		p := due[pick]
		due = append(due[:pick], due[pick+1:]...)
		res, err := w.Reveal(g.Acct, p)
		g.Stats.Revealed++
		if err != nil || !res.Accepted {
			g.Stats.Rejected++
			continue
		}
		g.Stats.Accepted++
		g.Stats.Increment += Float64(res.Increment)
		work, err := w.OptimumWork(p.ModelID, res.OptimumId)
		if err != nil {
			return err
		}
		g.Stats.Work += work
	}
	return nil
}

// attempt commits Copies of one candidate.
func (g *SeedGrinder) attempt(w *World) error {
	m, err := w.Model(g.Model)
	if err != nil {
		return err
	}
	target, err := w.Target(m)
	if err != nil {
		return err
	}
	best, err := w.BestOptimum(g.Model)
	if err != nil {
		return err
	}
	if g.MinHeadroom > 0 {
		head, err := w.Headroom(m, best)
		if err != nil {
			return err
		}
		if head < g.MinHeadroom {
			return nil
		}
	}
	base := best.Params
	if len(g.pending) > 0 && g.last != nil {
		base = g.last
	}
	cand := Toward(base, target, g.Step)
	g.last = cand
	g.Stats.Attempts++
	for c := 0; c < max(g.Copies, 1); c++ {
		p, err := w.Commit(g.Acct, g.Model, g.jitter(w, cand, best.Params, target))
		if err != nil {
			return nil //nolint:nilerr // no bond left: an outcome
		}
		g.Stats.Commits++
		g.pending = append(g.pending, p)
	}
	return nil
}

// jitter perturbs each coordinate by Jitter × |target − best| × N(0, 1).
func (g *SeedGrinder) jitter(w *World, cand, best, target []int64) []int64 {
	out := append([]int64(nil), cand...)
	if g.Jitter == 0 {
		return out
	}
	for i := range out {
		gap := 0.0
		if i < len(target) && i < len(best) {
			gap = math.Abs(float64(target[i] - best[i]))
		}
		out[i] += int64(math.Round(g.Jitter * gap * w.Rng.NormFloat64()))
	}
	return out
}
