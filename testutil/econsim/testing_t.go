package econsim

import (
	"errors"
	"fmt"
	"os"
)

// runT is the fixture.TB of a simulated world: a failed require (an
// invariant, an EndBlocker error) aborts the current step with an error
// instead of a test failure.
type runT struct {
	err      error
	cleanups []func()
}

// abort is the panic value of FailNow; guard turns it into an error.
type abort struct{}

func (t *runT) Errorf(format string, args ...any) {
	t.err = errors.Join(t.err, fmt.Errorf(format, args...))
}
func (t *runT) FailNow()         { panic(abort{}) }
func (t *runT) Helper()          {}
func (t *runT) Cleanup(f func()) { t.cleanups = append(t.cleanups, f) }
func (t *runT) TempDir() string {
	dir, err := os.MkdirTemp("", "donsim-")
	if err != nil {
		t.Errorf("temp dir: %v", err)
		t.FailNow()
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	return dir
}

// close runs the cleanups, last registered first.
func (t *runT) close() {
	for i := len(t.cleanups) - 1; i >= 0; i-- {
		t.cleanups[i]()
	}
	t.cleanups = nil
}

// guard runs f and returns the error of a failed require inside it.
func (t *runT) guard(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(abort); !ok {
				panic(r)
			}
			err, t.err = t.err, nil
			if err == nil {
				err = errors.New("simulation aborted")
			}
		}
	}()
	return f()
}
