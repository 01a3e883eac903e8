// #optimizers: per address, its accepted optima and work (from the models'
// optimum histories) and an estimate of the DON its work earned.

import { $, table, num, don, addr } from "./util.js";

export function render(s) {
  const by = new Map();
  const models = new Map(s.models.map((m) => [m.id, m.name]));
  // Closed rounds in history, oldest first: an optimum at height h counted
  // in the round with start_height < h ≤ close_height (a round closes in
  // the EndBlock of close_height, after that block's reveals).
  const closed = [...s.rounds].sort((a, b) => Number(a.close_height) - Number(b.close_height));
  const roundOf = (h) => closed.find((r) => Number(r.start_height) < h && h <= Number(r.close_height));

  for (const [modelId, optima] of s.optima) {
    for (const o of optima) {
      if (o.id === "0") continue; // optimum 0 is a model's starting point, not an accepted reveal
      let e = by.get(o.optimizer);
      if (!e) by.set(o.optimizer, (e = { accepted: 0, work: 0, models: new Set(), last: 0, earned: 0, estimated: false }));
      const w = Number(o.work), h = Number(o.height);
      e.accepted++;
      e.work += w;
      e.models.add(models.get(modelId) || modelId);
      e.last = Math.max(e.last, h);
      const r = roundOf(h);
      if (r && !r.paying && Number(r.work) > 0) {
        e.earned += (Number(r.optimizer_paid) * w) / Number(r.work);
        e.estimated = true;
      }
    }
  }
  const rows = [...by.entries()].sort((a, b) => b[1].work - a[1].work);
  table($("#optimizer-table"),
    ["Optimizer", "Accepted optima", "Models", "Total work", "Last accept (height)", "Earned ≈ (est.)"],
    rows.map(([a, e]) => [
      addr(a), e.accepted, { v: [...e.models].join(", "), cls: "l" }, num(e.work, 6), e.last,
      e.estimated ? don(String(Math.floor(e.earned))) : "–",
    ]), "no accepted optimum yet");
}
