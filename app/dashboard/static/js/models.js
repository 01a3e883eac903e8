// #models: one card per model with its best loss over heights (against the
// domain's loss floor where docs/optima.md gives one) and its weight and
// demand over the heights sampled.

import { $, h, fill, badge, num, statusName } from "./util.js";
import { Plot, colors } from "./plot.js";

const cards = new Map(); // model id → {el, stats, loss, weight}

// floor is the loss floor docs/optima.md states for a domain, from the
// model's config, for display only: noise² for friedman1 (squared error of
// a unit-variance noise), ≈ flip_prob for spirals, and for regime-ar "the
// regime noise, roughly": σ² averaged over the regimes' stationary shares
// (a two-state chain that stays with probabilities p, q spends
// (1−q)/((1−p)+(1−q)) of its time in the first regime).
export function floor(m) {
  const c = m.config || {};
  if (m.domain === "friedman1" && c.friedman1) return Number(c.friedman1.noise || 1) ** 2;
  if (m.domain === "spirals" && c.spirals) return Number(c.spirals.flip_prob || 0.05);
  const r = c.regime_ar;
  if (m.domain === "regime-ar" && r && r.sigma && r.stay && r.sigma.length === 2 && r.stay.length === 2) {
    const [p, q] = r.stay.map(Number);
    const [s1, s2] = r.sigma.map(Number);
    const leave = (1 - p) + (1 - q);
    if (!(leave > 0)) return null;
    const share1 = (1 - q) / leave;
    return share1 * s1 * s1 + (1 - share1) * s2 * s2;
  }
  return null;
}

export function render(s) {
  const grid = $("#model-cards");
  const weightOf = new Map((s.weights.weights || []).map((w) => [w.model_id, w.weight]));
  for (const m of s.models) {
    let card = cards.get(m.id);
    if (!card) {
      card = makeCard(m);
      cards.set(m.id, card);
      grid.append(card.el);
    }
    update(card, m, s, weightOf.get(m.id));
  }
}

function makeCard(m) {
  // A loss falls by orders of magnitude toward its floor (friedman1: from
  // ~240 to ~1), so a model with a positive floor gets a log10 loss axis.
  const fl = floor(m);
  const logLoss = fl != null && fl > 0;
  const stats = h("div", { class: "stats" });
  const head = h("div", { class: "model-head" });
  const lossEl = h("div", { class: "plot loss-plot" });
  const weightEl = h("div", { class: "plot weight-plot" });
  const el = h("div", { class: "card model", "data-model-id": m.id },
    head, stats,
    h("div", { class: "plot-title" }, "Best loss by height"), lossEl,
    h("div", { class: "plot-title" }, "Weight and demand (udon/block) by height"), weightEl);
  return {
    el, head, stats,
    logLoss,
    loss: new Plot(lossEl, {
      height: 150, legend: false, xLabel: "height", yScales: { y: logLoss ? { log: true } : { nonNeg: true } },
      series: [{ label: "loss", step: true }, { label: "current best", dash: [4, 4], points: false }],
    }),
    weight: new Plot(weightEl, {
      height: 150, xLabel: "height",
      yScales: { w: { zero: true }, d: { side: "right", zero: true } },
      series: [{ label: "weight", scale: "w", color: colors[1], points: false },
        { label: "demand", scale: "d", color: colors[2], points: false }],
    }),
  };
}

function update(card, m, s, weight) {
  const optima = [...(s.optima.get(m.id) || [])].sort((a, b) => Number(a.id) - Number(b.id));
  const best = optima.find((o) => o.id === m.best_optimum_id);
  const fl = floor(m);
  const active = m.status === "MODEL_STATUS_ACTIVE";
  fill(card.head,
    h("span", { class: "name" }, m.name),
    h("span", { class: "muted" }, `#${m.id}`),
    badge(m.domain, "info"),
    badge(statusName(m.status, "MODEL_STATUS_"), active ? "good" : "warn"),
    m.admitted ? badge("admitted") : badge("open"));

  const samples = [...(s.samples.get(m.id) || new Map()).entries()].sort((a, b) => a[0] - b[0]);
  const stat = (k, v, title) => h("div", { class: "stat", title }, h("div", { class: "k" }, k), h("div", { class: "v" }, v));
  fill(card.stats,
    stat("Best loss", best ? num(best.loss, 5) : "–", best ? `optimum ${best.id} by ${best.optimizer}` : undefined),
    stat("Floor", fl == null ? "unknown" : num(fl, 4), "loss floor of the domain (docs/optima.md)"),
    stat("Params", String(m.num_params)),
    stat("Accepted", m.accepted_count),
    stat("Rejected", m.rejected_count),
    stat("Weight", weight == null ? "–" : num(weight, 4)),
  );

  // Loss: one point per optimum of the history at its height; the dashed
  // segment carries the incumbent to the current height.
  const xs = optima.map((o) => Number(o.height));
  // A log axis cannot show a loss of 0: such a point is left out.
  const shown = (v) => (card.logLoss && !(v > 0) ? null : v);
  const ys = optima.map((o) => shown(Number(o.loss)));
  const cur = xs.map(() => null);
  if (best && s.height > xs[xs.length - 1]) {
    cur[cur.length - 1] = shown(Number(best.loss));
    xs.push(s.height); ys.push(null); cur.push(shown(Number(best.loss)));
  }
  card.loss.update([xs, ys, cur], { ref: fl, xRange: [Math.min(0, ...xs), Math.max(s.height, 1)] });

  card.weight.update([samples.map((e) => e[0]), samples.map((e) => e[1].weight), samples.map((e) => e[1].demand)]);
}
