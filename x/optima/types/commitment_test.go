package types_test

import (
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/optima/types"
)

// The canonical encoding is a wire format shared with the CLI and agents:
// a change here breaks every commitment in flight, so it is pinned.
func TestCommitmentEncodingGolden(t *testing.T) {
	optimizer := []byte{0xaa, 0xbb}
	got := types.CommitmentBytes(7, optimizer, []int64{1, -1}, []byte{0x01, 0x02})
	want := hex.EncodeToString([]byte("don/optima/commit/v1")) +
		"0000000000000007" + // model id
		"00000002" + "aabb" + // optimizer
		"00000002" + "0000000000000001" + "ffffffffffffffff" + // params
		"00000002" + "0102" // salt
	require.Equal(t, want, hex.EncodeToString(got))
	require.Equal(t, "7242c09dfb6ee64abf3d99c8323790a0de906b68f883dc26c3a2198936896d09",
		hex.EncodeToString(types.ComputeCommitment(7, optimizer, []int64{1, -1}, []byte{0x01, 0x02})))
}

// Every input field is bound: changing any one changes the commitment.
func TestCommitmentBindsEveryField(t *testing.T) {
	base := types.ComputeCommitment(1, []byte("optimizer-a"), []int64{1, 2, 3}, []byte("salt-salt-salt-1"))
	variants := [][]byte{
		types.ComputeCommitment(2, []byte("optimizer-a"), []int64{1, 2, 3}, []byte("salt-salt-salt-1")),
		types.ComputeCommitment(1, []byte("optimizer-b"), []int64{1, 2, 3}, []byte("salt-salt-salt-1")),
		types.ComputeCommitment(1, []byte("optimizer-a"), []int64{1, 2, 4}, []byte("salt-salt-salt-1")),
		types.ComputeCommitment(1, []byte("optimizer-a"), []int64{1, 2, 3}, []byte("salt-salt-salt-2")),
		// Moving a byte between fields is caught by the length prefixes.
		types.ComputeCommitment(1, []byte("optimizer-a"), []int64{1, 2}, append([]byte{0, 0, 0, 0, 0, 0, 0, 3}, []byte("salt-salt-salt-1")...)),
	}
	for i, v := range variants {
		require.NotEqual(t, base, v, "variant %d", i)
	}
}

func TestBeaconChain(t *testing.T) {
	b1 := types.NextBeacon(nil, []byte("header-1"))
	b2 := types.NextBeacon(b1, []byte("header-2"))
	require.Len(t, b2, 32)
	require.NotEqual(t, b2, types.NextBeacon(b1, []byte("header-x")), "depends on the header")
	require.NotEqual(t, b2, types.NextBeacon(b2, []byte("header-2")), "depends on the previous beacon")
	s1, s2 := types.EvalSeed(1, b2), types.EvalSeed(2, b2)
	require.NotEqual(t, s1, s2, "commits drawing on one beacon get different samples")
}
