// DON's messages for CosmJS, written by hand: protobuf codecs that CosmJS's
// Registry accepts (encode / decode / fromPartial, the shape of cosmjs-types'
// generated code) and AminoTypes converters producing the amino JSON that
// the chain signs in SIGN_MODE_LEGACY_AMINO_JSON.
//
// Sources of truth: proto/don/evaluation/v1/tx.proto and
// proto/don/optima/v1/tx.proto (field numbers, types, `amino.name`).
// 64-bit integers are bigints, as in cosmjs-types; bytes are Uint8Arrays.

import { fromBase64, toBase64 } from "@cosmjs/encoding";
import { BinaryReader, BinaryWriter, WireType } from "cosmjs-types/binary.js";

export const MsgRequestEvaluationTypeUrl = "/don.evaluation.v1.MsgRequestEvaluation";
export const MsgCommitOptimumTypeUrl = "/don.optima.v1.MsgCommitOptimum";

// --- protobuf ---------------------------------------------------------------

// proto3 leaves default values off the wire; the writers below do the same.

/**
 * MsgRequestEvaluation { client = 1 (string); model_id = 2 (uint64);
 * inputs = 3 (repeated sint64, packed zigzag); max_fee = 4 (string, a
 * cosmos.Int); deadline = 5 (int64) }.
 */
export const MsgRequestEvaluation = {
  typeUrl: MsgRequestEvaluationTypeUrl,
  encode(message, writer = BinaryWriter.create()) {
    if (message.client !== "") writer.uint32(10).string(message.client);
    if (message.modelId !== 0n) writer.uint32(16).uint64(message.modelId);
    if (message.inputs.length > 0) {
      writer.uint32(26).fork();
      for (const v of message.inputs) writer.sint64(v);
      writer.ldelim();
    }
    if (message.maxFee !== "") writer.uint32(34).string(message.maxFee);
    if (message.deadline !== 0n) writer.uint32(40).int64(message.deadline);
    return writer;
  },
  decode(input, length) {
    const reader = input instanceof BinaryReader ? input : new BinaryReader(input);
    const end = length === undefined ? reader.len : reader.pos + length;
    const message = MsgRequestEvaluation.fromPartial({});
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          message.client = reader.string();
          break;
        case 2:
          message.modelId = reader.uint64();
          break;
        case 3:
          readSint64s(reader, tag, message.inputs);
          break;
        case 4:
          message.maxFee = reader.string();
          break;
        case 5:
          message.deadline = reader.int64();
          break;
        default:
          reader.skipType(tag & 7);
      }
    }
    return message;
  },
  fromPartial(object) {
    return {
      client: object.client ?? "",
      modelId: BigInt(object.modelId ?? 0),
      inputs: (object.inputs ?? []).map((v) => BigInt(v)),
      // A cosmos.Int: the chain's zero is "0", which it also writes on the wire.
      maxFee: object.maxFee === undefined ? "0" : String(object.maxFee),
      deadline: BigInt(object.deadline ?? 0),
    };
  },
};

/**
 * MsgCommitOptimum { optimizer = 1 (string); model_id = 2 (uint64);
 * commitment = 3 (bytes) }.
 */
export const MsgCommitOptimum = {
  typeUrl: MsgCommitOptimumTypeUrl,
  encode(message, writer = BinaryWriter.create()) {
    if (message.optimizer !== "") writer.uint32(10).string(message.optimizer);
    if (message.modelId !== 0n) writer.uint32(16).uint64(message.modelId);
    if (message.commitment.length > 0) writer.uint32(26).bytes(message.commitment);
    return writer;
  },
  decode(input, length) {
    const reader = input instanceof BinaryReader ? input : new BinaryReader(input);
    const end = length === undefined ? reader.len : reader.pos + length;
    const message = MsgCommitOptimum.fromPartial({});
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          message.optimizer = reader.string();
          break;
        case 2:
          message.modelId = reader.uint64();
          break;
        case 3:
          message.commitment = reader.bytes();
          break;
        default:
          reader.skipType(tag & 7);
      }
    }
    return message;
  },
  fromPartial(object) {
    return {
      optimizer: object.optimizer ?? "",
      modelId: BigInt(object.modelId ?? 0),
      commitment: object.commitment ?? new Uint8Array(),
    };
  },
};

// readSint64s appends a repeated sint64 field: packed (one length-delimited
// run, what proto3 writes) or one value per tag (parsers must accept both).
function readSint64s(reader, tag, out) {
  if ((tag & 7) === WireType.Bytes) {
    const end = reader.uint32() + reader.pos;
    while (reader.pos < end) out.push(reader.sint64());
  } else {
    out.push(reader.sint64());
  }
}

/** The [typeUrl, GeneratedType] pairs to add to a CosmJS Registry. */
export const donRegistryTypes = [
  [MsgRequestEvaluationTypeUrl, MsgRequestEvaluation],
  [MsgCommitOptimumTypeUrl, MsgCommitOptimum],
];

// --- amino JSON -------------------------------------------------------------

// The chain builds the legacy amino JSON sign bytes with the SDK's x/tx
// aminojson encoder: `type` is the message's amino.name, fields are the
// proto names, a field at its zero value is left out (unless
// amino.dont_omitempty), 64-bit integers are strings, bytes are base64 and
// a cosmos.Int is its decimal string ("0" when empty). CosmJS sorts the keys
// when it serializes the sign doc, as the chain does.

// omitZero drops the entries whose value is undefined.
function omitZero(fields) {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}
const str = (s) => (s === "" ? undefined : s);
const int64 = (v) => (v === 0n ? undefined : v.toString());
const int64s = (vs) => (vs.length === 0 ? undefined : vs.map((v) => v.toString()));
const bytes = (b) => (b.length === 0 ? undefined : toBase64(b));

/** AminoTypes converters, keyed by type URL, for the messages above. */
export const donAminoConverters = {
  [MsgRequestEvaluationTypeUrl]: {
    aminoType: "don/x/evaluation/MsgRequestEvaluation",
    toAmino: (m) =>
      omitZero({
        client: str(m.client),
        model_id: int64(m.modelId),
        inputs: int64s(m.inputs),
        max_fee: m.maxFee === "" ? "0" : m.maxFee, // dont_omitempty
        deadline: int64(m.deadline),
      }),
    fromAmino: (a) =>
      MsgRequestEvaluation.fromPartial({
        client: a.client,
        modelId: a.model_id,
        inputs: a.inputs,
        maxFee: a.max_fee,
        deadline: a.deadline,
      }),
  },
  [MsgCommitOptimumTypeUrl]: {
    aminoType: "don/x/optima/MsgCommitOptimum",
    toAmino: (m) =>
      omitZero({
        optimizer: str(m.optimizer),
        model_id: int64(m.modelId),
        commitment: bytes(m.commitment),
      }),
    fromAmino: (a) =>
      MsgCommitOptimum.fromPartial({
        optimizer: a.optimizer,
        modelId: a.model_id,
        commitment: a.commitment === undefined ? undefined : fromBase64(a.commitment),
      }),
  },
};
