package types

import (
	"bytes"
	"sync"

	collcodec "cosmossdk.io/collections/codec"

	"github.com/cosmos/cosmos-sdk/codec"
)

// ParamsValue is the store codec of Params: the proto encoding, with the
// last decoded value memoized by its bytes. Every signal reads the params,
// and decoding their decimals from text cost more than the rest of the
// signal's arithmetic. The memo is a cache of a pure function of the stored
// bytes, so no result depends on it.
//
// Params decoded through it share their decimals with the memo: x/weights
// treats params as read-only (it never calls a *Mut method on them).
func ParamsValue(cdc codec.BinaryCodec) collcodec.ValueCodec[Params] {
	return &paramsValue{ValueCodec: codec.CollValue[Params](cdc)}
}

type paramsValue struct {
	collcodec.ValueCodec[Params]

	mu   sync.Mutex // queries decode concurrently with blocks
	last []byte
	memo Params
}

func (v *paramsValue) Decode(b []byte) (Params, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.last != nil && bytes.Equal(b, v.last) {
		return v.memo, nil
	}
	p, err := v.ValueCodec.Decode(b)
	if err != nil {
		return p, err
	}
	v.last, v.memo = bytes.Clone(b), p
	return p, nil
}
