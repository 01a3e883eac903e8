// Offline checks of the hand-written codecs against the chain's Go code
// (`npm test`). The expected bytes were produced by DON's Go side: the
// gogoproto Marshal of each message, the SIGN_MODE_LEGACY_AMINO_JSON sign
// bytes of the SDK (x/tx aminojson) for a tx carrying it, and
// x/optima/types' commitment golden test.

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import test from "node:test";

import { makeSignDoc, serializeSignDoc } from "@cosmjs/amino";
import { fromHex, toHex, toUtf8 } from "@cosmjs/encoding";
import { AminoTypes } from "@cosmjs/stargate";
import { BinaryWriter } from "cosmjs-types/binary.js";

import { commitmentBytes, computeCommitment, fromFixed, toFixed } from "./commitment.mjs";
import { donAminoConverters, MsgCommitOptimum, MsgRequestEvaluation } from "./don-types.mjs";

const signer = "don1e4eeve5j9zeq4lpvq22y2ajt8w7zrfxvg4a64g";
const signerHex = toHex(toUtf8(signer));
const commitment = Uint8Array.from({ length: 32 }, (_, i) => i);

// Each case: a message, its protobuf bytes and its amino JSON sign doc (a tx
// of that one message, no fee coins, 200000 gas, memo "golden", account 7,
// sequence 3, chain don-devnet-1) as the chain produces them.
const cases = [
  {
    name: "MsgRequestEvaluation",
    type: MsgRequestEvaluation,
    typeUrl: "/don.evaluation.v1.MsgRequestEvaluation",
    value: {
      client: signer,
      modelId: 3n,
      inputs: [8388608n, -4194304n, 0n, 1n, -1n, 9223372036854775807n, -9223372036854775808n],
      maxFee: "1000",
      deadline: 268n,
    },
    proto:
      "0a2a" + signerHex + "1003" + "1a1f80808008ffffff03000201feffffffffffffffff01ffffffffffffffffff01" + "220431303030" + "288c02",
    amino:
      '{"account_number":"7","chain_id":"don-devnet-1","fee":{"amount":[],"gas":"200000"},"memo":"golden","msgs":[{"type":"don/x/evaluation/MsgRequestEvaluation","value":{"client":"' +
      signer +
      '","deadline":"268","inputs":["8388608","-4194304","0","1","-1","9223372036854775807","-9223372036854775808"],"max_fee":"1000","model_id":"3"}}],"sequence":"3"}',
  },
  {
    name: "MsgRequestEvaluation with zero fields",
    type: MsgRequestEvaluation,
    typeUrl: "/don.evaluation.v1.MsgRequestEvaluation",
    value: MsgRequestEvaluation.fromPartial({ client: signer }),
    proto: "0a2a" + signerHex + "220130",
    amino:
      '{"account_number":"7","chain_id":"don-devnet-1","fee":{"amount":[],"gas":"200000"},"memo":"golden","msgs":[{"type":"don/x/evaluation/MsgRequestEvaluation","value":{"client":"' +
      signer +
      '","max_fee":"0"}}],"sequence":"3"}',
  },
  {
    name: "MsgCommitOptimum",
    type: MsgCommitOptimum,
    typeUrl: "/don.optima.v1.MsgCommitOptimum",
    value: { optimizer: signer, modelId: 3n, commitment },
    proto: "0a2a" + signerHex + "1003" + "1a20" + toHex(commitment),
    amino:
      '{"account_number":"7","chain_id":"don-devnet-1","fee":{"amount":[],"gas":"200000"},"memo":"golden","msgs":[{"type":"don/x/optima/MsgCommitOptimum","value":{"commitment":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=","model_id":"3","optimizer":"' +
      signer +
      '"}}],"sequence":"3"}',
  },
];

const aminoTypes = new AminoTypes(donAminoConverters);

for (const c of cases) {
  test(`${c.name}: protobuf bytes are the chain's`, () => {
    const bz = c.type.encode(c.type.fromPartial(c.value)).finish();
    assert.equal(toHex(bz), c.proto);
    assert.deepEqual(c.type.decode(fromHex(c.proto)), c.type.fromPartial(c.value));
  });

  test(`${c.name}: amino JSON sign bytes are the chain's`, () => {
    const aminoMsg = aminoTypes.toAmino({ typeUrl: c.typeUrl, value: c.value });
    const doc = makeSignDoc([aminoMsg], { amount: [], gas: "200000" }, "don-devnet-1", "golden", 7, 3);
    assert.equal(new TextDecoder().decode(serializeSignDoc(doc)), c.amino);
    assert.deepEqual(aminoTypes.fromAmino(aminoMsg), { typeUrl: c.typeUrl, value: c.type.fromPartial(c.value) });
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
