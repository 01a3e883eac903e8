package agent

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestStoreSaveLoadDelete(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "optimizer", "commits")
	s, err := OpenStore(dir)
	require.NoError(t, err)

	a := Record{ModelID: 3, Params: []int64{1, -1, 1 << 62, -(1 << 62) - 5}, Salt: "00ff", Commitment: "aa01", Bond: "1000000udon", CommitTimeout: 40}
	b := Record{ModelID: 1, Params: []int64{7}, Salt: "01", Commitment: "bb02", Bond: "1000000udon"}
	require.NoError(t, s.Save(a))
	require.NoError(t, s.Save(b))

	// The id and window arrive after the commit lands: the same file is replaced.
	a.CommitID, a.RevealFrom, a.RevealUntil = 9, 20, 50
	require.NoError(t, s.Save(a))

	// A second process (a restart) reads exactly what was saved, int64s intact.
	s2, err := OpenStore(dir)
	require.NoError(t, err)
	got, err := s2.Load()
	require.NoError(t, err)
	require.Equal(t, []Record{b, a}, got)

	require.NoError(t, s2.Delete(b))
	require.NoError(t, s2.Delete(b), "deleting twice is fine")
	got, err = s2.Load()
	require.NoError(t, err)
	require.Equal(t, []Record{a}, got)

	require.Error(t, s.Save(Record{Commitment: "../escape"}))
	require.Error(t, s.Save(Record{}))
}

// A crash in the middle of a Save leaves a temp file and the previous
// version intact; the next start ignores and removes the temp file.
func TestStoreCrashSafe(t *testing.T) {
	dir := t.TempDir()
	s, err := OpenStore(dir)
	require.NoError(t, err)
	rec := Record{ModelID: 2, Params: []int64{5}, Salt: "0a", Commitment: "cc03", CommitTimeout: 10}
	require.NoError(t, s.Save(rec))

	torn := filepath.Join(dir, ".tmp-123")
	require.NoError(t, os.WriteFile(torn, []byte(`{"model_id": 2, "para`), 0o600))
	got, err := s.Load()
	require.NoError(t, err)
	require.Equal(t, []Record{rec}, got)

	require.NoError(t, s.RemoveTemp())
	_, err = os.Stat(torn)
	require.ErrorIs(t, err, os.ErrNotExist)

	// A damaged record is an error, never silently dropped: it may hold the only salt.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "dd04.json"), []byte(`{not json`), 0o600))
	_, err = s.Load()
	require.ErrorContains(t, err, "dd04.json")
}
