// Offline checks of the hand-written codecs against the chain's Go code
// (`npm test`). The message vectors live in testdata/vectors.json, which
// app/cosmjs_vectors_test.go recomputes with the chain's Go types (gogoproto
// Marshal, and SIGN_MODE_LEGACY_AMINO_JSON sign bytes from the app's
// TxConfig), so a drift on either side fails a test. The commitment bytes
// are pinned by x/optima/types' commitment golden test.

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import test from "node:test";

import { makeSignDoc, serializeSignDoc } from "@cosmjs/amino";
import { fromHex, toHex, toUtf8 } from "@cosmjs/encoding";
import { AminoTypes } from "@cosmjs/stargate";
import { BinaryWriter } from "cosmjs-types/binary.js";

import { commitmentBytes, computeCommitment, fromFixed, toFixed } from "./commitment.mjs";
import {
  donAminoConverters,
  MsgCommitOptimum,
  MsgCommitOptimumTypeUrl,
  MsgRequestEvaluation,
  MsgRequestEvaluationTypeUrl,
} from "./don-types.mjs";

const vectors = JSON.parse(readFileSync(new URL("./testdata/vectors.json", import.meta.url), "utf8"));

// The vectors write 64-bit integers as decimal strings (fromPartial makes
// them bigints) and bytes as hex.
const codecs = {
  [MsgRequestEvaluationTypeUrl]: { type: MsgRequestEvaluation, value: (v) => v },
  [MsgCommitOptimumTypeUrl]: {
    type: MsgCommitOptimum,
    value: (v) => ({ ...v, commitment: v.commitment === undefined ? undefined : fromHex(v.commitment) }),
  },
};

const aminoTypes = new AminoTypes(donAminoConverters);
const { chainId, accountNumber, sequence, memo, fee } = vectors.signDoc;

test("vectors cover every message of don-types.mjs", () => {
  assert.deepEqual(new Set(vectors.cases.map((c) => c.typeUrl)), new Set(Object.keys(codecs)));
});

for (const c of vectors.cases) {
  const codec = codecs[c.typeUrl];
  assert.ok(codec, `${c.name}: no codec for ${c.typeUrl}`);
  const { type } = codec;
  const value = type.fromPartial(codec.value(c.value));

  test(`${c.name}: protobuf bytes are the chain's`, () => {
    const bz = type.encode(value).finish();
    assert.equal(toHex(bz), c.protoHex);
    assert.deepEqual(type.decode(fromHex(c.protoHex)), value);
  });

  test(`${c.name}: amino JSON sign bytes are the chain's`, () => {
    const aminoMsg = aminoTypes.toAmino({ typeUrl: c.typeUrl, value });
    const doc = makeSignDoc([aminoMsg], fee, chainId, memo, accountNumber, sequence);
    assert.equal(new TextDecoder().decode(serializeSignDoc(doc)), c.aminoSignBytes);
    assert.deepEqual(aminoTypes.fromAmino(aminoMsg), { typeUrl: c.typeUrl, value });
  });
}

test("repeated sint64 is read packed or not", () => {
  const w = BinaryWriter.create();
  w.uint32(24).sint64(-3n); // field 3, varint: one value per tag
  w.uint32(24).sint64(5n);
  assert.deepEqual(MsgRequestEvaluation.decode(w.finish()).inputs, [-3n, 5n]);
});

test("commitment bytes and hash are the chain's", () => {
  const got = commitmentBytes(7n, Uint8Array.from([0xaa, 0xbb]), [1n, -1n], Uint8Array.from([1, 2]));
  const want =
    toHex(toUtf8("don/optima/commit/v1")) +
    "0000000000000007" +
    "00000002aabb" +
    "00000002" +
    "0000000000000001" +
    "ffffffffffffffff" +
    "000000020102";
  assert.equal(toHex(got), want);
  assert.equal(createHash("sha256").update(got).digest("hex"), "7242c09dfb6ee64abf3d99c8323790a0de906b68f883dc26c3a2198936896d09");
  // A salt the chain would refuse at the reveal is refused up front.
  assert.throws(() => computeCommitment(7n, Uint8Array.from([0xaa, 0xbb]), [1n], Uint8Array.from([1, 2])), /salt/);
});

test("Q39.24 fixed point", () => {
  assert.equal(toFixed("0.5"), 8388608n);
  assert.equal(toFixed("-1.25"), -20971520n);
  assert.equal(toFixed("3"), 50331648n);
  assert.equal(toFixed("1000000.000000000000000000"), 1000000n << 24n);
  assert.equal(toFixed("0.00000003"), 1n); // 0.503 × 2^-24 rounds up
  assert.throws(() => toFixed("1e3"));
  for (const raw of [0n, 1n, -1n, 8388608n, -20971520n, 9223372036854775807n]) {
    assert.equal(toFixed(fromFixed(raw)), raw);
  }
  assert.equal(fromFixed(-20971520n), "-1.25");
});
