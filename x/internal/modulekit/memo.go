package modulekit

import (
	"bytes"
	"sync"

	collcodec "cosmossdk.io/collections/codec"
)

// MemoValue wraps a value codec with a memo of the last decoded value, by
// its bytes. Params are read by every message and every due item, and
// decoding their decimals from text costs more than most of that work. The
// memo caches a pure function of the stored bytes, so no result depends on
// it.
//
// Decoded values share their pointers (decimals, slices) with the memo:
// the module must treat them as read-only, as DON's modules treat params
// (they never call a *Mut method on them nor write into their slices).
func MemoValue[T any](inner collcodec.ValueCodec[T]) collcodec.ValueCodec[T] {
	return &memoValue[T]{ValueCodec: inner}
}

type memoValue[T any] struct {
	collcodec.ValueCodec[T]

	mu   sync.Mutex // queries decode concurrently with blocks
	last []byte
	memo T
}

func (v *memoValue[T]) Decode(b []byte) (T, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.last != nil && bytes.Equal(b, v.last) {
		return v.memo, nil
	}
	out, err := v.ValueCodec.Decode(b)
	if err != nil {
		return out, err
	}
	v.last, v.memo = bytes.Clone(b), out
	return out, nil
}
