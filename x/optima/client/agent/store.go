package agent

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Record is one open commit of the agent, persisted before its commit is
// broadcast and deleted once it is revealed or known dead.
type Record struct {
	ModelID    uint64  `json:"model_id"`
	ModelName  string  `json:"model_name"`
	Params     []int64 `json:"params"`     // raw Q39.24
	Salt       string  `json:"salt"`       // hex
	Commitment string  `json:"commitment"` // hex, also the file name
	Bond       string  `json:"bond"`       // the model's commit_bond when committing
	// CommitTimeout is the commit tx's timeout height: if the commit is not
	// on chain once this height has passed, it never will be.
	CommitTimeout int64 `json:"commit_timeout"`
	// Set once the commit is included.
	CommitID    uint64 `json:"commit_id,omitempty"`
	RevealFrom  int64  `json:"reveal_from,omitempty"`
	RevealUntil int64  `json:"reveal_until,omitempty"`
	// CandidateLoss is the local estimate the commit was decided on.
	CandidateLoss string `json:"candidate_loss,omitempty"`
}

// Store keeps Records as one JSON file each in a directory, written
// atomically (temp file, fsync, rename, fsync of the directory), so a crash
// leaves either the old or the new content, never a torn file.
type Store struct{ dir string }

// OpenStore creates the directory if needed.
func OpenStore(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("commit store %s: %w", dir, err)
	}
	return &Store{dir: dir}, nil
}

// Dir is the store's directory.
func (s *Store) Dir() string { return s.dir }

func (s *Store) path(r Record) string { return filepath.Join(s.dir, r.Commitment+".json") }

// Save writes r durably, replacing an earlier version.
func (s *Store) Save(r Record) error {
	if r.Commitment == "" || strings.ContainsAny(r.Commitment, `/\.`) {
		return fmt.Errorf("commit store: invalid commitment %q", r.Commitment)
	}
	bz, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(s.dir, ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op after the rename
	if _, err := tmp.Write(bz); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), s.path(r)); err != nil {
		return err
	}
	return syncDir(s.dir)
}

// Delete removes r; deleting a missing record is not an error.
func (s *Store) Delete(r Record) error {
	if err := os.Remove(s.path(r)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return syncDir(s.dir)
}

// Load returns every record, ordered by model then commitment; temp files
// of a Save in progress (or interrupted) are skipped. A file that does not
// parse is an error (it is never silently dropped: it may hold a salt).
func (s *Store) Load() ([]Record, error) {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return nil, err
	}
	var out []Record
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".tmp-") || !strings.HasSuffix(name, ".json") {
			continue
		}
		bz, err := os.ReadFile(filepath.Join(s.dir, name))
		if err != nil {
			return nil, err
		}
		var r Record
		if err := json.Unmarshal(bz, &r); err != nil {
			return nil, fmt.Errorf("commit store: %s: %w (move it away to continue)", name, err)
		}
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].ModelID != out[j].ModelID {
			return out[i].ModelID < out[j].ModelID
		}
		return out[i].Commitment < out[j].Commitment
	})
	return out, nil
}

// RemoveTemp deletes the temp files an interrupted Save left behind; the
// agent calls it at start, when no Save of its own is in progress.
func (s *Store) RemoveTemp() error {
	tmps, err := filepath.Glob(filepath.Join(s.dir, ".tmp-*"))
	if err != nil {
		return err
	}
	for _, f := range tmps {
		if err := os.Remove(f); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
