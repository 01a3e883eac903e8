// The commitment of MsgCommitOptimum and DON's Q39.24 fixed point, as the
// chain computes them (x/optima/types/commitment.go, x/optima/fixedpoint).

import { createHash } from "node:crypto";

/** Fractional bits of DON's fixed point: a raw value is value × 2^24. */
export const FRAC_BITS = 24n;

const COMMITMENT_DOMAIN = "don/optima/commit/v1";
export const SALT_MIN_LENGTH = 16;
export const SALT_MAX_LENGTH = 64;

/**
 * commitmentBytes is the canonical encoding that a commitment hashes:
 * "don/optima/commit/v1" ‖ model_id (uint64 BE) ‖ len(optimizer) (uint32
 * BE) ‖ optimizer address bytes ‖ len(params) (uint32 BE) ‖ each param
 * (int64 BE, raw fixed point) ‖ len(salt) (uint32 BE) ‖ salt.
 */
export function commitmentBytes(modelId, optimizer, params, salt) {
  const head = Buffer.alloc(8);
  head.writeBigUInt64BE(BigInt(modelId));
  const values = Buffer.alloc(8 * params.length);
  params.forEach((p, i) => values.writeBigInt64BE(BigInt(p), 8 * i));
  return Buffer.concat([
    Buffer.from(COMMITMENT_DOMAIN, "ascii"),
    head,
    uint32BE(optimizer.length),
    optimizer,
    uint32BE(params.length),
    values,
    uint32BE(salt.length),
    salt,
  ]);
}

/**
 * computeCommitment is SHA-256 of commitmentBytes: what MsgCommitOptimum
 * carries. optimizer is the address's 20 bytes (fromBech32(addr).data),
 * params raw fixed-point bigints, salt 16 to 64 bytes.
 */
export function computeCommitment(modelId, optimizer, params, salt) {
  if (salt.length < SALT_MIN_LENGTH || salt.length > SALT_MAX_LENGTH) {
    throw new Error(`salt must be ${SALT_MIN_LENGTH} to ${SALT_MAX_LENGTH} bytes, got ${salt.length}`);
  }
  return new Uint8Array(createHash("sha256").update(commitmentBytes(modelId, optimizer, params, salt)).digest());
}

function uint32BE(n) {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

/**
 * toFixed converts a decimal string ("-1.25", "3") to raw Q39.24, rounded
 * to nearest (half away from zero) like the chain's parser, without going
 * through a float.
 */
export function toFixed(decimal) {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(decimal);
  if (m === null || (m[2] === "" && (m[3] ?? "") === "")) throw new Error(`not a decimal: ${decimal}`);
  const frac = m[3] ?? "";
  const scale = 10n ** BigInt(frac.length);
  const num = BigInt(m[2] + frac || "0") << FRAC_BITS;
  const raw = (2n * num + scale) / (2n * scale);
  return m[1] === "-" ? -raw : raw;
}

/**
 * fromFixed renders raw Q39.24 as its exact decimal (raw / 2^24 has at most
 * 24 fractional digits), e.g. for a params file of `dond tx optima reveal`.
 */
export function fromFixed(raw) {
  const v = BigInt(raw);
  const mag = v < 0n ? -v : v;
  const scaled = (mag * 5n ** FRAC_BITS).toString().padStart(Number(FRAC_BITS) + 1, "0"); // mag / 2^24 · 10^24
  const int = scaled.slice(0, -Number(FRAC_BITS));
  const frac = scaled.slice(-Number(FRAC_BITS)).replace(/0+$/, "");
  return (v < 0n ? "-" : "") + int + (frac === "" ? "" : "." + frac);
}
