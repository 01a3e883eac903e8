// #network: height, block time, validators, supply, the open round and
// the difficulty over rounds, role shares.

import { $, h, fill, kv, table, badge, num, pct, don, ago, statusName } from "./util.js";
import { Plot, colors } from "./plot.js";

let difficulty;

export function render(s) {
  fill($("#height"), String(s.height));
  fill($("#chain-id"), s.chainId);

  const app = s.nodeInfo?.application_version || {};
  kv($("#chain-kv"), [
    ["Chain id", s.chainId],
    ["Height", s.height.toLocaleString("en-US")],
    ["Latest block", `${s.time.toISOString().replace("T", " ").slice(0, 19)} UTC (${ago(s.time)})`],
    ["Block interval", s.blockTime ? `${s.blockTime.toFixed(2)} s (last 50)` : "–"],
    ["Validators", String(s.validators.filter((v) => v.status === "BOND_STATUS_BONDED").length) + " bonded"],
    ["dond", `${app.version || (app.git_commit || "").slice(0, 7) || "dev build"} · CometBFT ${s.nodeInfo?.default_node_info?.version || "?"}`],
  ]);

  const sup = s.supply;
  kv($("#supply-kv"), [
    ["Minted", don(sup.minted)],
    ["Remaining", don(sup.remaining)],
    ["Cap", don(sup.max_supply)],
    ["Minted share", pct(Number(sup.minted) / Number(sup.max_supply), 4)],
  ]);
  $("#supply-bar").style.width = `${Math.min(100, (100 * Number(sup.minted)) / Number(sup.max_supply))}%`;

  const st = s.status, m = st.minter;
  kv($("#round-kv"), [
    ["Round", m.round],
    ["Work W / difficulty D", `${num(m.work, 4)} / ${num(m.difficulty, 4)}`],
    ["Progress", pct(st.progress)],
    ["Expected coinbase", don(st.expected_coinbase)],
    ["Evaluator work", num(m.evaluator_work, 2)],
    ["Age", `${st.round_age_seconds} s (target ${s.mintParams.target_round_seconds} s)`],
  ]);
  $("#round-bar").style.width = `${Math.min(100, Number(st.progress) * 100)}%`;

  renderShares(s.shares);
  renderDifficulty(s);

  table($("#validators"), ["Moniker", "Operator", "Tokens", "Status", "Commission"],
    s.validators.map((v) => [
      { v: v.description?.moniker || "–", cls: "l" },
      { v: v.operator_address.slice(0, 14) + "…" + v.operator_address.slice(-6), cls: "l mono", title: v.operator_address },
      don(v.tokens, 0),
      { v: v.jailed ? badge("jailed", "bad") : badge(statusName(v.status, "BOND_STATUS_"), v.status === "BOND_STATUS_BONDED" ? "good" : "warn") },
      pct(v.commission?.commission_rates?.rate || 0),
    ]), "no validators");
}

function renderShares(r) {
  const roles = ["optimizer", "evaluator", "validator", "community"];
  fill($("#shares-bar"), roles.map((k, i) =>
    h("div", { style: `width:${Number(r.shares[k]) * 100}%;background:${colors[i]}`, title: `${k} ${pct(r.shares[k])}` })));
  kv($("#shares-kv"), [
    ...roles.map((k, i) => [
      h("span", {}, h("span", { class: "swatch", style: `background:${colors[i]}` }), k),
      `${pct(r.shares[k])} (base ${pct(r.base_shares[k])})`,
    ]),
    ["Backlog (filtered)", `${r.backlog.level} open (λ ${num(r.backlog.lambda, 2)}), pressure ${pct(r.pressure)}`],
  ]);
}

// renderDifficulty plots D of each closed round still in history and of
// the open round (the last point).
function renderDifficulty(s) {
  difficulty ||= new Plot($("#difficulty-plot"), {
    xLabel: "round",
    series: [{ label: "difficulty D" }, { label: "work W at close", line: false, color: colors[2] }],
  });
  const closed = [...s.rounds].sort((a, b) => Number(a.round) - Number(b.round));
  const xs = closed.map((r) => Number(r.round)).concat(Number(s.status.minter.round));
  const ds = closed.map((r) => Number(r.difficulty)).concat(Number(s.status.minter.difficulty));
  const ws = closed.map((r) => Number(r.work)).concat(null);
  difficulty.update([xs, ds, ws]);
}
