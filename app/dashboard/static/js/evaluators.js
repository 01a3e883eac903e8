// #evaluators: reputation, load against the load curve's peak, collateral,
// successes and failures; and the request queue with auction prices.

import { get } from "./api.js";
import { $, table, badge, num, pct, don, addr, statusName, dec18, ONE18 } from "./util.js";
import { Plot, colors } from "./plot.js";

let curvePlot;

// fetchCurves asks the node for f(load), f_peak and M(load, reputation) of
// each evaluator (the LoadCurve query computes them exactly).
// Answers are cached by (load, reputation), which is all they depend on
// besides the params, so a quiet evaluator costs no request per poll.
const curveCache = new Map();

export async function fetchCurves(s) {
  s.curves = new Map();
  await Promise.all(s.evaluators.slice(0, 50).map(async (e) => {
    const q = `load=${encodeURIComponent(e.load)}&reputation=${encodeURIComponent(e.evaluator.reputation)}`;
    if (!curveCache.has(q)) {
      if (curveCache.size > 500) curveCache.clear();
      curveCache.set(q, await get(`/don/evaluation/v1/load_curve?${q}`));
    }
    s.curves.set(e.evaluator.address, curveCache.get(q));
  }));
}

// earnings sums, per evaluator, the fees of its settled requests (price −
// burn − royalty, docs/evaluation.md "Settlement") and counts its slashed
// ones, over the ended requests the node still keeps.
function earnings(s) {
  const byAddr = new Map();
  const b = dec18(s.evalParams.demand_burn_fraction), r = dec18(s.evalParams.royalty_fraction);
  for (const req of s.ended || []) {
    if (!req.evaluator) continue;
    const e = byAddr.get(req.evaluator) || { fees: 0n, slashed: 0 };
    if (req.status === "REQUEST_STATUS_SETTLED") {
      const price = BigInt(req.price);
      e.fees += price - (price * b) / ONE18 - (price * r) / ONE18;
    }
    if (req.status === "REQUEST_STATUS_SLASHED") e.slashed++;
    byAddr.set(req.evaluator, e);
  }
  return byAddr;
}

export function render(s) {
  const earned = earnings(s);
  table($("#evaluator-table"),
    ["Evaluator", "Reputation", "Load (open/cap)", "f(load) / f_peak", "M", "Collateral", "Exposure", "Successes", "Failures", "Fees earned", "Slashed", "State"],
    s.evaluators.map((info) => {
      const e = info.evaluator;
      const c = s.curves.get(e.address);
      const got = earned.get(e.address) || { fees: 0n, slashed: 0 };
      return [
        addr(e.address), num(e.reputation, 3),
        `${pct(info.load, 0)} (${e.open}/${e.capacity})`,
        c ? `${num(c.f, 3)} / ${num(c.f_peak, 3)}` : "–",
        c ? num(c.multiplier, 3) : "–",
        don(e.collateral), don(e.exposure), e.successes, e.failures,
        { v: don(got.fees, 4), title: "price − burn − royalty of its settled requests still in state (request_retention_blocks)" },
        { v: got.slashed, title: "its requests slashed by a successful challenge, still in state" },
        { v: state(info) },
      ];
    }), "no evaluator registered");

  renderCurve(s);

  table($("#request-table"),
    ["Request", "Model", "Status", "Max fee", "Price now / claimed", "Deadline", "Evaluator"],
    s.requests.slice(0, 100).map((r) => {
      const open = r.status === "REQUEST_STATUS_OPEN";
      const price = open ? s.prices.get(r.id) : r.price;
      return [
        { v: r.id, title: `client ${r.client}, ${r.rows} rows, created at ${r.created_height}, auction from ${r.auction_start}` },
        r.model_id,
        { v: badge(statusName(r.status, "REQUEST_STATUS_"), open ? "info" : "warn") },
        don(r.max_fee, 4), price == null ? "–" : don(price, 4),
        r.deadline, r.evaluator ? addr(r.evaluator) : "–",
      ];
    }), "queue empty: no open, claimed or submitted request");
}

function state(info) {
  const e = info.evaluator;
  if (Number(e.unbonding_height) > 0) return badge(`unbonding → ${e.unbonding_height}`, "warn");
  if (!info.can_claim) return badge("suspended", "bad");
  return badge("can claim", "good");
}

// f is the load curve of docs/evaluation.md, in floats: for the plot only
// (the table's values come from the node).
function curve(p) {
  const [A, B, C, D, E, F, G, H, I] = ["a", "b", "c", "d", "e", "f", "g", "h", "i"].map((k) => Number(p[k]));
  return (x) => x < B ? A * Math.exp(-(((x - B) / B) ** 2)) - C
    : x <= F ? D + (x - B) * E
    : Math.max(G * (x - H) ** 2 + I, 0);
}

function renderCurve(s) {
  curvePlot ||= new Plot($("#loadcurve-plot"), {
    height: 170, xLabel: "load = open / capacity",
    series: [{ label: "f(load)", points: false }, { label: "evaluators", line: false, color: colors[2] }],
    counted: 2, realX: true,
  });
  const f = curve(s.evalParams.load_curve);
  const loads = s.evaluators.map((e) => Number(e.load));
  const xs = [...new Set([...Array.from({ length: 121 }, (_, i) => i / 100), ...loads])].sort((a, b) => a - b);
  const at = new Set(loads);
  curvePlot.update([xs, xs.map(f), xs.map((x) => (at.has(x) ? f(x) : null))], { xRange: [0, 1.2] });
}
