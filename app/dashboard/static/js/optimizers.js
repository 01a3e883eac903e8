// #optimizers: per address, its accepted optima and work (from the models'
// optimum histories) and an estimate of the DON its work earned.

import { $, table, num, don, addr, dec18 } from "./util.js";

export function render(s) {
  const by = new Map();
  const models = new Map(s.models.map((m) => [m.id, m.name]));
  // Closed rounds in history, oldest first: an optimum at height h counted
  // in the round with start_height < h ≤ close_height (a round closes in
  // the EndBlock of close_height, after that block's reveals).
  const closed = [...s.rounds].sort((a, b) => Number(a.close_height) - Number(b.close_height));
  const roundOf = (h) => closed.find((r) => Number(r.start_height) < h && h <= Number(r.close_height));

  // Work per (address, round), exact: a round pays its optimizer amount in
  // proportion to each address's work (docs/mint.md).
  const roundWork = new Map(); // address → Map(round → work·10^18)
  for (const [modelId, optima] of s.optima) {
    for (const o of optima) {
      if (o.id === "0") continue; // optimum 0 is a model's starting point, not an accepted reveal
      let e = by.get(o.optimizer);
      if (!e) by.set(o.optimizer, (e = { accepted: 0, work: 0, models: new Set(), last: 0, earned: 0n, estimated: false }));
      const h = Number(o.height);
      e.accepted++;
      e.work += Number(o.work);
      e.models.add(models.get(modelId) || modelId);
      e.last = Math.max(e.last, h);
      const r = roundOf(h);
      if (r && !r.paying && dec18(r.work) > 0n) {
        if (!roundWork.has(o.optimizer)) roundWork.set(o.optimizer, new Map());
        const per = roundWork.get(o.optimizer);
        per.set(r, (per.get(r) || 0n) + dec18(o.work));
      }
    }
  }
  for (const [address, per] of roundWork) {
    const e = by.get(address);
    for (const [r, w] of per) e.earned += (BigInt(r.optimizer_paid) * w) / dec18(r.work);
    e.estimated = true;
  }
  const rows = [...by.entries()].sort((a, b) => b[1].work - a[1].work);
  table($("#optimizer-table"),
    ["Optimizer", "Accepted optima", "Models", "Total work", "Last accept (height)", "Earned ≈ (est.)"],
    rows.map(([a, e]) => [
      addr(a), e.accepted, { v: [...e.models].join(", "), cls: "l" }, num(e.work, 6), e.last,
      e.estimated ? don(e.earned) : "–",
    ]), "no accepted optimum yet");
}
