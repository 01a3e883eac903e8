// Package v2 migrates x/evaluation's state from consensus version 1 to 2.
package v2

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/don-network/don/x/evaluation/types"
)

// Migrate moves version 1 state to version 2:
//   - the request sequence held the last id issued (ids start at 1, so
//     the number of ids issued); it now holds the next id, as
//     collections.Sequence means (Next returns it, Peek shows it): +1;
//   - params gain retry_interval_blocks, set to its default.
//
// Version 1 had no failed items: its failing queue items stayed queued.
func Migrate(ctx context.Context, seq collections.Sequence, params collections.Item[types.Params]) error {
	last, err := seq.Peek(ctx)
	if err != nil {
		return err
	}
	if err := seq.Set(ctx, last+1); err != nil {
		return err
	}
	p, err := params.Get(ctx)
	if err != nil {
		return err
	}
	p.RetryIntervalBlocks = types.DefaultRetryIntervalBlocks
	if err := p.Validate(); err != nil {
		return err
	}
	return params.Set(ctx, p)
}
