package fuzzkit

import (
	"encoding/binary"

	sdkmath "cosmossdk.io/math"
)

// Int64s reads fuzz bytes as little-endian int64s (a trailing partial word
// is dropped): params, inputs or outputs of a message.
func Int64s(bz []byte) []int64 {
	out := make([]int64, len(bz)/8)
	for i := range out {
		out[i] = int64(binary.LittleEndian.Uint64(bz[8*i:]))
	}
	return out
}

// Int parses s as an integer amount; anything else is the nil Int a
// decoded message can also carry.
func Int(s string) sdkmath.Int {
	v, ok := sdkmath.NewIntFromString(s)
	if !ok {
		return sdkmath.Int{}
	}
	return v
}

// Dec parses s as a decimal; anything else is the nil LegacyDec.
func Dec(s string) sdkmath.LegacyDec {
	v, err := sdkmath.LegacyNewDecFromStr(s)
	if err != nil {
		return sdkmath.LegacyDec{}
	}
	return v
}
