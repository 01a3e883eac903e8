package txqueue

import (
	"context"
	"time"
)

// backoff doubles a wait from min up to max.
type backoff struct{ cur, min, max time.Duration }

func (q *Queue) newBackoff() *backoff {
	first := max(q.opts.PollInterval/4, time.Millisecond)
	return &backoff{cur: first, min: first, max: q.opts.MaxBackoff}
}

// wait sleeps the current delay, then doubles it; it returns early with the
// context's error.
func (b *backoff) wait(ctx context.Context) error {
	t := time.NewTimer(b.next())
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// next returns the current delay and doubles the following one.
func (b *backoff) next() time.Duration {
	d := b.cur
	b.cur = min(2*b.cur, b.max)
	return d
}

func (b *backoff) reset() { b.cur = b.min }
