// #rounds: every closed round in history with its payouts, and the rounds
// whose payout is still in progress.

import { $, table, badge, num, don } from "./util.js";

export function render(s) {
  const rounds = [...s.rounds].sort((a, b) => Number(b.round) - Number(a.round));
  table($("#round-table"),
    ["Round", "Heights", "Duration", "Difficulty", "Work", "Coinbase", "Minted", "Optimizers", "Evaluators",
      "Validators", "Community", "Payees (opt/eval)", "State"],
    rounds.map((r) => [
      r.round, `${r.start_height} → ${r.close_height}`,
      `${Math.round((new Date(r.close_time) - new Date(r.start_time)) / 1000)} s`,
      num(r.difficulty, 4), num(r.work, 4), don(r.coinbase), don(r.minted),
      don(r.optimizer_paid), don(r.evaluator_paid), don(r.validator_paid), don(r.community_paid),
      `${r.optimizers} / ${r.evaluators}`,
      { v: r.paying ? badge("paying", "warn") : badge("paid", "good") },
    ]), "no closed round yet: the first round closes when its work reaches the difficulty");

  $("#payouts-card").hidden = s.payouts.length === 0;
  table($("#payout-table"),
    ["Round", "Minted", "Optimizer pool (paid)", "Evaluator pool (paid)", "Payees paid", "Community"],
    s.payouts.map((p) => [
      p.round, don(p.minted),
      `${don(p.optimizer.pool)} (${don(p.optimizer.paid)})`,
      `${don(p.evaluator.pool)} (${don(p.evaluator.paid)})`,
      `${p.optimizer.payees} / ${p.evaluator.payees}`, don(p.community),
    ]));
}
