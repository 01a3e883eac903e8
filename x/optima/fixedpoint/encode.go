package fixedpoint

import (
	"encoding/binary"
	"fmt"
)

// EncodedSize is the number of bytes of one Fixed in the canonical encoding.
const EncodedSize = 8

// EncodeBE returns the canonical encoding of vals: each raw int64 as 8
// big-endian two's-complement bytes, concatenated, no length prefix. This is
// the byte string hashed into commitments.
func EncodeBE(vals []Fixed) []byte {
	return AppendBE(make([]byte, 0, len(vals)*EncodedSize), vals)
}

// AppendBE appends the canonical encoding of vals to dst.
func AppendBE(dst []byte, vals []Fixed) []byte {
	for _, v := range vals {
		dst = binary.BigEndian.AppendUint64(dst, uint64(v))
	}
	return dst
}

// DecodeBE parses the canonical encoding; len(b) must be a multiple of 8.
func DecodeBE(b []byte) ([]Fixed, error) {
	if len(b)%EncodedSize != 0 {
		return nil, fmt.Errorf("%w: %d bytes is not a multiple of %d", ErrLengthMismatch, len(b), EncodedSize)
	}
	out := make([]Fixed, len(b)/EncodedSize)
	for i := range out {
		out[i] = Fixed(binary.BigEndian.Uint64(b[i*EncodedSize:]))
	}
	return out, nil
}
