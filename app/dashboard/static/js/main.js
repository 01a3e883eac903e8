// The dashboard's loop: every poll period it reads the node's public REST
// endpoints into one state object and redraws each section from it.
// window.donDashboard exposes the last update and the errors for tests.

import { base, get, list, pollMs } from "./api.js";
import { $, fill } from "./util.js";
import * as network from "./network.js";
import * as models from "./models.js";
import * as optimizers from "./optimizers.js";
import * as evaluators from "./evaluators.js";
import * as rounds from "./rounds.js";
import * as keplr from "./keplr.js";

const dash = (window.donDashboard = { lastUpdate: null, height: 0, errors: [], polls: 0 });

// state persists between polls: optima histories are refetched only when a
// model's optimum_count changes; weight samples accumulate.
const state = {
  optima: new Map(),   // model id → [Optimum]
  samples: new Map(),  // model id → Map(height → {weight, demand})
  backfilled: false,
};

async function poll() {
  const latest = await get("/cosmos/base/tendermint/v1beta1/blocks/latest");
  const header = latest.block.header;
  state.height = Number(header.height);
  state.time = new Date(header.time);
  state.chainId = header.chain_id;

  const [status, supply, mintParams, roundList, payouts, modelList, weights, shares,
    evals, evalParams, requests, validators] = await Promise.all([
    get("/don/mint/v1/status"),
    get("/don/mint/v1/supply"),
    state.mintParams || get("/don/mint/v1/params").then((r) => r.params),
    list("/don/mint/v1/rounds?pagination.reverse=true", "rounds", 2), // the newest 1000
    list("/don/mint/v1/payouts", "payouts", 2),
    list("/don/optima/v1/models", "models"),
    list("/don/weights/v1/weights", "weights").then((weights) => ({ weights })),
    get("/don/weights/v1/role_shares"),
    list("/don/evaluation/v1/evaluators", "evaluators"),
    get("/don/evaluation/v1/params").then((r) => r.params),
    openRequests(),
    dash.polls % 5 === 0 || !state.validators
      ? list("/cosmos/staking/v1beta1/validators", "validators") : state.validators,
  ]);
  Object.assign(state, { status, supply, mintParams, rounds: roundList, payouts, models: modelList,
    weights, shares, evaluators: evals, evalParams, requests, validators });

  if (!state.nodeInfo) state.nodeInfo = await get("/cosmos/base/tendermint/v1beta1/node_info");
  // A request ends with a success or a failure of its evaluator: refetch the
  // ended requests when those counts move (and every fifth poll, for pruning).
  const outcomes = evals.reduce((n, e) => n + Number(e.evaluator.successes) + Number(e.evaluator.failures), 0);
  if (dash.polls % 5 === 0 || !state.ended || outcomes !== state.outcomes) {
    state.ended = await endedRequests();
    state.outcomes = outcomes;
  }
  if (dash.polls % 5 === 0) state.blockTime = await averageBlockTime(state.height, state.time);

  await Promise.all([refreshOptima(modelList), sampleWeights(modelList, state.height),
    evaluators.fetchCurves(state), auctionPrices(state)]);
  // Past heights need the x-cosmos-block-height header, which the SDK's
  // CORS rules refuse from another origin: only the node's own page reads them.
  if (!state.backfilled && !base) {
    state.backfilled = true;
    await backfillWeights(modelList, state.height);
  }
}

// refreshOptima refetches a model's accepted history when it grew.
async function refreshOptima(modelList) {
  await Promise.all(modelList.map(async (m) => {
    const have = state.optima.get(m.id);
    if (have && have.length === Number(m.optimum_count)) return;
    state.optima.set(m.id, await list(`/don/optima/v1/models/${m.id}/optima`, "optima"));
  }));
}

// sampleWeights records each model's weight and demand at a height.
async function sampleWeights(modelList, height, viaHeader) {
  await Promise.all(modelList.filter((m) => Number(m.created_height) < height).map(async (m) => {
    const w = await get(`/don/weights/v1/weights/${m.id}`, viaHeader ? height : undefined);
    if (!state.samples.has(m.id)) state.samples.set(m.id, new Map());
    const s = state.samples.get(m.id);
    s.set(height, { weight: Number(w.weight), demand: Number(w.demand) });
    if (s.size > 600) s.delete(Math.min(...s.keys()));
  }));
}

// backfillWeights reads, once, a few past heights (state the node still
// keeps) so the weight plots do not start empty; newest first, it stops at
// the first height the node cannot serve (pruned, as all older ones are).
async function backfillWeights(modelList, height) {
  const n = 8, span = Math.min(height - 2, 400);
  for (let i = 1; i <= n; i++) {
    const h = height - Math.round((span * i) / n);
    if (h < 2 || state.samples.get(modelList[0]?.id)?.has(h)) continue;
    try {
      await sampleWeights(modelList, h, true);
    } catch {
      return;
    }
  }
}

// requestsIn lists the requests in the given statuses, by id.
async function requestsIn(statuses, pages) {
  const lists = await Promise.all(statuses
    .map((s) => list(`/don/evaluation/v1/requests?status=REQUEST_STATUS_${s}`, "requests", pages)));
  return lists.flat().sort((a, b) => Number(a.id) - Number(b.id));
}

// openRequests lists the queue: open, claimed and submitted requests.
const openRequests = () => requestsIn(["OPEN", "CLAIMED", "SUBMITTED"], 2);

// endedRequests lists the settled and slashed requests the node still keeps
// (x/evaluation prunes them after request_retention_blocks): the evaluators'
// fees and slashes.
const endedRequests = () => requestsIn(["SETTLED", "SLASHED"], 4);

// auctionPrices reads the current auction price p(h) of the first open
// requests from the node (the Request query computes it).
async function auctionPrices(s) {
  s.prices = new Map();
  const open = s.requests.filter((r) => r.status === "REQUEST_STATUS_OPEN").slice(0, 25);
  await Promise.all(open.map(async (r) => {
    const res = await get(`/don/evaluation/v1/requests/${r.id}`);
    s.prices.set(r.id, res.auction_price);
  }));
}

// averageBlockTime is the mean block interval over the last ≤ 50 blocks;
// null when the node no longer keeps the older block (min-retain-blocks).
async function averageBlockTime(height, time) {
  const from = Math.max(1, height - 50);
  if (from >= height) return null;
  try {
    const b = await get(`/cosmos/base/tendermint/v1beta1/blocks/${from}`);
    return (time - new Date(b.block.header.time)) / 1000 / (height - from);
  } catch {
    return null;
  }
}

function render() {
  for (const view of [network, models, optimizers, evaluators, rounds]) {
    try {
      view.render(state);
    } catch (e) {
      report(e);
    }
  }
}

function report(e) {
  const msg = String(e && e.message ? e.message : e);
  dash.errors.push(msg);
  if (dash.errors.length > 50) dash.errors.shift();
  const banner = $("#banner");
  banner.hidden = false;
  fill(banner, `Update failed: ${msg}`);
  $("#live-dot").className = "dot err";
}

async function loop() {
  try {
    await poll();
    render();
    dash.lastUpdate = new Date().toISOString();
    dash.height = state.height;
    $("#banner").hidden = true;
    $("#live-dot").className = "dot ok";
    fill($("#updated"), `updated ${new Date().toLocaleTimeString()} · every ${pollMs / 1000} s`);
  } catch (e) {
    report(e);
  }
  dash.polls++;
  setTimeout(loop, pollMs);
}

keplr.setup();
loop();
