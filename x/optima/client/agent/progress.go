package agent

import (
	"context"
	"fmt"
	"math"
)

// progress prints one line a person can follow for a model: the best
// on-chain loss, the agent's candidate, each against the domain's floor,
// the model's commits and outcomes, its bond at risk, and the DON the
// account earned since the agent started (balance change, with the bonds
// still at risk counted as the agent's).
func (a *Agent) progress(ctx context.Context, ms *modelState, what string) {
	earned := "?"
	if bal, err := a.chain.Balance(ctx, a.addr, a.denom); err == nil {
		earned = fmt.Sprintf("%+d%s", bal.Add(a.bondsAtRisk(0)).Sub(a.start).Int64(), a.denom)
	}
	atRisk := a.bondsAtRisk(ms.model.Id)
	a.mu.Lock()
	best := DecFloat(ms.best.Loss)
	line := fmt.Sprintf("model %d %s | best %s (optimum %d) | candidate %s | floor %.4f | commits %d accepted %d rejected %d expired %d | bond at risk %s%s | earned %s | %s",
		ms.model.Id, ms.model.Name, withGap(best, ms.floor), ms.best.Id, withGap(ms.candLoss, ms.floor), ms.floor,
		ms.commits, ms.accepted, ms.rejected, ms.expired, atRisk, a.denom, earned, what)
	a.mu.Unlock()
	a.logf("%s", line)
}

// withGap renders a loss with its gap to the floor, e.g. "1.6302 (gap +0.8%)".
func withGap(loss, floor float64) string {
	if math.IsNaN(loss) {
		return "-"
	}
	if floor <= 0 || math.IsNaN(floor) {
		return fmt.Sprintf("%.4f", loss)
	}
	return fmt.Sprintf("%.4f (gap %+.1f%%)", loss, 100*(loss/floor-1))
}

// summary prints every model's line when a --once run ends.
func (a *Agent) summary(ctx context.Context) {
	a.mu.Lock()
	order := append([]uint64(nil), a.order...)
	a.mu.Unlock()
	for _, id := range order {
		a.progress(ctx, a.modelOf(id), "done")
	}
}
