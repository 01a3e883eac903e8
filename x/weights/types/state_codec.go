package types

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"

	collcodec "cosmossdk.io/collections/codec"
	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
)

// modelStateFormat is the first byte of a stored ModelState.
const modelStateFormat byte = 1

// flagActive and flagAdmitted are the bits of the flags byte of a stored
// ModelState (the other bits are reserved and must be 0).
const (
	flagActive   byte = 1 << 0
	flagAdmitted byte = 1 << 1
)

// ModelStateValue is the store codec of ModelState. The proto encoding of
// a LegacyDec is its decimal text, which costs a base-10 conversion per
// field (twice when marshalling: Size and Marshal) and dominated EndBlock's
// cost per touched model. This codec stores the same fields in a compact
// binary form that is as deterministic and much cheaper:
//
//	format byte (1) | uvarint model_id | flags byte (bit 0: active,
//	bit 1: admitted) |
//	varint last_height |
//	6 × decimal: lambda_reveals, lambda_accepted, lambda_requests,
//	lambda_fees, raw, last_weight
//
// (each decimal is a byte sign (0: ≥ 0, 1: < 0), a uvarint length and the
// big-endian magnitude of the decimal's integer in units of 10^-18, with no
// leading zero byte). JSON (genesis, queries) stays the proto JSON.
func ModelStateValue(cdc codec.JSONCodec) collcodec.ValueCodec[ModelState] {
	return modelStateValue{cdc: cdc}
}

type modelStateValue struct{ cdc codec.JSONCodec }

func (modelStateValue) Encode(s ModelState) ([]byte, error) {
	buf := make([]byte, 0, 160)
	buf = append(buf, modelStateFormat)
	buf = binary.AppendUvarint(buf, s.ModelId)
	var flags byte
	if s.Active {
		flags |= flagActive
	}
	if s.Admitted {
		flags |= flagAdmitted
	}
	buf = append(buf, flags)
	buf = binary.AppendVarint(buf, s.LastHeight)
	for _, d := range s.decimals() {
		if d.IsNil() {
			return nil, fmt.Errorf("model %d: nil decimal", s.ModelId)
		}
		bi := d.BigInt()
		if bi.Sign() < 0 {
			buf = append(buf, 1)
		} else {
			buf = append(buf, 0)
		}
		mag := bi.Bytes()
		buf = binary.AppendUvarint(buf, uint64(len(mag)))
		buf = append(buf, mag...)
	}
	return buf, nil
}

var errBadModelState = errors.New("malformed stored model state")

func (modelStateValue) Decode(b []byte) (ModelState, error) {
	var s ModelState
	if len(b) == 0 || b[0] != modelStateFormat {
		return s, errBadModelState
	}
	b = b[1:]
	id, n := binary.Uvarint(b)
	if n <= 0 || len(b) < n+1 {
		return s, errBadModelState
	}
	s.ModelId, b = id, b[n:]
	if b[0]&^(flagActive|flagAdmitted) != 0 {
		return s, errBadModelState
	}
	s.Active = b[0]&flagActive != 0
	s.Admitted = b[0]&flagAdmitted != 0
	b = b[1:]
	h, n := binary.Varint(b)
	if n <= 0 {
		return s, errBadModelState
	}
	s.LastHeight, b = h, b[n:]
	for _, p := range s.decimalPtrs() {
		if len(b) < 2 || b[0] > 1 {
			return s, errBadModelState
		}
		neg := b[0] == 1
		l, n := binary.Uvarint(b[1:])
		if n <= 0 || uint64(len(b)-1-n) < l {
			return s, errBadModelState
		}
		start := 1 + n
		bi := new(big.Int).SetBytes(b[start : start+int(l)])
		if neg {
			bi.Neg(bi)
		}
		*p = sdkmath.LegacyNewDecFromBigIntWithPrec(bi, sdkmath.LegacyPrecision)
		b = b[start+int(l):]
	}
	if len(b) != 0 {
		return s, errBadModelState
	}
	return s, nil
}

func (c modelStateValue) EncodeJSON(s ModelState) ([]byte, error) { return c.cdc.MarshalJSON(&s) }

func (c modelStateValue) DecodeJSON(b []byte) (ModelState, error) {
	var s ModelState
	err := c.cdc.UnmarshalJSON(b, &s)
	return s, err
}

func (modelStateValue) Stringify(s ModelState) string { return s.String() }

func (modelStateValue) ValueType() string { return "don/weights/ModelState/binary-v1" }

func (s ModelState) decimals() [6]sdkmath.LegacyDec {
	return [6]sdkmath.LegacyDec{s.LambdaReveals, s.LambdaAccepted, s.LambdaRequests, s.LambdaFees, s.Raw, s.LastWeight}
}

func (s *ModelState) decimalPtrs() [6]*sdkmath.LegacyDec {
	return [6]*sdkmath.LegacyDec{&s.LambdaReveals, &s.LambdaAccepted, &s.LambdaRequests, &s.LambdaFees, &s.Raw, &s.LastWeight}
}
