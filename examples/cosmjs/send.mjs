// send.mjs: DON transactions from CosmJS. With one account (a mnemonic) it
// sends MsgRequestEvaluation and MsgCommitOptimum, each signed once in
// SIGN_MODE_DIRECT and once in SIGN_MODE_LEGACY_AMINO_JSON, waits for
// inclusion and reads the request and the commit back over REST. Each tx
// prints one JSON line on stdout; any failure exits non-zero.
//
//   DON_RPC       CometBFT RPC     (default http://127.0.0.1:26657)
//   DON_REST      REST API         (default http://127.0.0.1:1317)
//   DON_MNEMONIC  the signer       (default: bob of config.yml, an INSECURE test key)
//   DON_MODEL_ID  the model        (default 3, regime-ar-k4 of config.yml)
//   DON_GAS_PRICE gas price        (default 0udon, the devnet's minimum)

import { randomBytes } from "node:crypto";

import { Secp256k1HdWallet } from "@cosmjs/amino";
import { fromBech32, toBase64, toHex } from "@cosmjs/encoding";
import { DirectSecp256k1HdWallet, Registry } from "@cosmjs/proto-signing";
import { AminoTypes, GasPrice, SigningStargateClient, createDefaultAminoConverters, defaultRegistryTypes } from "@cosmjs/stargate";
import { Comet38Client } from "@cosmjs/tendermint-rpc";

import { computeCommitment, FRAC_BITS, fromFixed, toFixed } from "./commitment.mjs";
import { donAminoConverters, donRegistryTypes, MsgCommitOptimumTypeUrl, MsgRequestEvaluationTypeUrl } from "./don-types.mjs";

// bob, a client account of config.yml. INSECURE: this mnemonic is public.
const BOB_MNEMONIC =
  "upset eagle deliver alter essay bar session evolve flock tip huge crisp put episode language great awake wrap program attract river icon one sort";

const env = {
  rpc: process.env.DON_RPC || "http://127.0.0.1:26657",
  rest: (process.env.DON_REST || "http://127.0.0.1:1317").replace(/\/$/, ""),
  mnemonic: process.env.DON_MNEMONIC || BOB_MNEMONIC,
  modelId: BigInt(process.env.DON_MODEL_ID || "3"),
  gasPrice: process.env.DON_GAS_PRICE || "0udon",
};

// DON's account prefix; both wallets use the Cosmos Hub path m/44'/118'/0'/0/0.
const PREFIX = "don";

// The client knows DON's messages next to the SDK's: the registry encodes
// them to protobuf, the amino types convert them to amino JSON.
const clientOptions = {
  registry: new Registry([...defaultRegistryTypes, ...donRegistryTypes]),
  aminoTypes: new AminoTypes({ ...createDefaultAminoConverters(), ...donAminoConverters }),
  gasPrice: GasPrice.fromString(env.gasPrice),
  broadcastPollIntervalMs: 300,
};

async function main() {
  // Two wallets of the same key: one signs protobuf (direct), the other is
  // amino-only, so CosmJS must sign amino JSON with it.
  const direct = await DirectSecp256k1HdWallet.fromMnemonic(env.mnemonic, { prefix: PREFIX });
  const amino = await Secp256k1HdWallet.fromMnemonic(env.mnemonic, { prefix: PREFIX });
  const [{ address }] = await direct.getAccounts();
  const [{ address: aminoAddress }] = await amino.getAccounts();
  if (address !== aminoAddress) throw new Error(`the wallets disagree: ${address} vs ${aminoAddress}`);
  log(`account ${address}`);

  const chain = await readChain(env.modelId);
  // CosmJS picks its CometBFT client from the node's version string and
  // does not know DON's (it would fall back to the 0.34 client), so connect
  // the 0.38 client, whose RPC DON's node speaks, by hand.
  const comet = await Comet38Client.connect(env.rpc);
  try {
    for (const [mode, signer] of [
      ["direct", direct],
      ["amino-json", amino],
    ]) {
      const client = SigningStargateClient.createWithSigner(comet, signer, clientOptions);
      await requestEvaluation(client, mode, address, chain);
      await commitOptimum(client, mode, address, chain);
    }
  } finally {
    comet.disconnect();
  }
}

// readChain reads over REST what the two messages need: the model, its
// incumbent optimum and x/evaluation's params.
async function readChain(modelId) {
  const { model } = await getJSON(`/don/optima/v1/models/${modelId}`);
  if (model.status !== "MODEL_STATUS_ACTIVE") throw new Error(`model ${modelId} is ${model.status}, not active`);
  const { optimum } = await getJSON(`/don/optima/v1/models/${modelId}/best`);
  const { params } = await getJSON("/don/evaluation/v1/params");
  return { model, best: optimum, evalParams: params };
}

// inputWidth is the number of inputs per row of a model's domain
// (docs/evaluation.md, "Requests").
function inputWidth(model) {
  switch (model.domain) {
    case "friedman1":
      return 10;
    case "spirals":
      return 2;
    case "regime-ar":
      return model.config.regime_ar.lags; // the K lags of the series
    default:
      throw new Error(`model ${model.id}: unknown domain ${model.domain}`);
  }
}

// requestEvaluation asks for the model's predictions on two rows of inputs.
async function requestEvaluation(client, mode, address, { model, evalParams }) {
  const width = inputWidth(model);
  // Inputs are Q39.24 fixed point: value × 2^24, e.g. 0.5 → 8388608.
  const rows = [0, 1].map((r) => Array.from({ length: width }, (_, j) => toFixed(String((2 * (r + 1) - j) / 4))));
  const maxAbs = toFixed(evalParams.max_abs_input);
  const inputs = rows.flat();
  if (inputs.some((v) => (v < 0n ? -v : v) > maxAbs)) throw new Error(`an input exceeds max_abs_input ${evalParams.max_abs_input}`);

  // The deadline is a height in [now + min_deadline_blocks, now +
  // max_deadline_blocks] at inclusion; 100 blocks of margin, clamped.
  const now = BigInt(await client.getHeight());
  const min = BigInt(evalParams.min_deadline_blocks);
  const max = BigInt(evalParams.max_deadline_blocks);
  const ahead = 100n < min + 10n ? min + 10n : 100n;
  const deadline = now + (ahead > max ? max : ahead);

  const msg = {
    typeUrl: MsgRequestEvaluationTypeUrl,
    value: {
      client: address,
      modelId: BigInt(model.id),
      inputs,
      maxFee: evalParams.min_fee, // the least the chain accepts, escrowed until settlement or refund
      deadline,
    },
  };
  const res = await broadcast(client, mode, address, msg);
  const created = typedEvent(res, "don.evaluation.v1.EventRequestCreated");
  const id = created.request_id;
  const { request } = await getJSON(`/don/evaluation/v1/requests/${id}`);
  if (request.client !== address || request.model_id !== model.id) {
    throw new Error(`request ${id} read back as client ${request.client}, model ${request.model_id}`);
  }
  if (request.inputs.join() !== inputs.join()) throw new Error(`request ${id}: inputs read back differ`);
  print(mode, "MsgRequestEvaluation", res, id, request);
}

// commitOptimum commits to a parameter vector: the incumbent with its last
// parameter nudged by 1/256 (a real optimizer would search), and a fresh salt.
async function commitOptimum(client, mode, address, { model, best }) {
  const params = best.params.map(BigInt);
  if (params.length !== model.num_params) throw new Error(`model ${model.id}: ${params.length} params, want ${model.num_params}`);
  params[params.length - 1] += 1n << (FRAC_BITS - 8n);
  const salt = randomBytes(32);
  const commitment = computeCommitment(model.id, fromBech32(address).data, params, salt);

  const msg = {
    typeUrl: MsgCommitOptimumTypeUrl,
    value: { optimizer: address, modelId: BigInt(model.id), commitment },
  };
  const res = await broadcast(client, mode, address, msg);
  const committed = typedEvent(res, "don.optima.v1.EventOptimumCommitted");
  const id = committed.commit_id;
  const { commit } = await getJSON(`/don/optima/v1/commit/${id}`);
  if (commit.optimizer !== address || commit.commitment !== toBase64(commitment)) {
    throw new Error(`commit ${id} read back as optimizer ${commit.optimizer}, commitment ${commit.commitment}`);
  }
  // The commit bond is held until the reveal; keep params and salt for it.
  log(
    `commit ${id}: to reveal in [${commit.reveal_from}, ${commit.reveal_until}], write ` +
      `[${params.map(fromFixed).join(", ")}] to params.json and run ` +
      `dond tx optima reveal ${id} params.json --salt ${toHex(salt)} --from <key>`,
  );
  print(mode, "MsgCommitOptimum", res, id, commit);
}

// broadcast signs in the client's mode, simulates for gas, broadcasts and
// waits for inclusion; a tx that fails is an error.
async function broadcast(client, mode, address, msg) {
  const res = await client.signAndBroadcast(address, [msg], "auto", `DON CosmJS example (${mode})`);
  if (res.code !== 0) throw new Error(`${msg.typeUrl} (${mode}): tx ${res.transactionHash} failed with code ${res.code}: ${res.rawLog ?? ""}`);
  return res;
}

// typedEvent returns the attributes of a typed event of the tx, decoded:
// the SDK writes each attribute value as JSON (uint64s as quoted strings).
function typedEvent(res, type) {
  const ev = res.events.find((e) => e.type === type);
  if (ev === undefined) throw new Error(`tx ${res.transactionHash}: no ${type} event`);
  return Object.fromEntries(ev.attributes.map(({ key, value }) => [key, parseAttribute(value)]));
}

function parseAttribute(value) {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

async function getJSON(path) {
  const url = env.rest + path;
  const res = await fetch(url).catch((err) => {
    throw new Error(`GET ${url}: ${err.cause?.message ?? err.message} (is DON_REST right?)`);
  });
  const body = await res.text();
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}: ${body}`);
  return JSON.parse(body);
}

function print(mode, msg, res, id, rest) {
  console.log(JSON.stringify({ mode, msg, txhash: res.transactionHash, height: res.height, id, rest }));
}

function log(line) {
  console.error(`send.mjs: ${line}`);
}

main().catch((err) => {
  log(`error: ${err.message}`);
  process.exit(1);
});
