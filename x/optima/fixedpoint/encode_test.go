package fixedpoint

import (
	"bytes"
	"encoding/hex"
	"errors"
	"testing"
)

func TestEncodeBE(t *testing.T) {
	vals := []Fixed{0, One, -1, MaxFixed, MinFixed}
	got := EncodeBE(vals)
	want, _ := hex.DecodeString("0000000000000000" + "0000000001000000" + "ffffffffffffffff" +
		"7fffffffffffffff" + "8000000000000000")
	if !bytes.Equal(got, want) {
		t.Fatalf("EncodeBE = %x", got)
	}
	back, err := DecodeBE(got)
	if err != nil || len(back) != len(vals) {
		t.Fatal(err)
	}
	for i := range vals {
		if back[i] != vals[i] {
			t.Fatalf("DecodeBE[%d] = %d", i, back[i])
		}
	}
	if len(EncodeBE(nil)) != 0 {
		t.Fatal("empty")
	}
	if _, err := DecodeBE(make([]byte, 7)); !errors.Is(err, ErrLengthMismatch) {
		t.Fatal("DecodeBE length")
	}
	if !bytes.Equal(AppendBE([]byte{1}, []Fixed{One}), append([]byte{1}, want[8:16]...)) {
		t.Fatal("AppendBE")
	}
}
