package keeper

import (
	"errors"

	"cosmossdk.io/collections"

	"github.com/don-network/don/x/evaluation/types"
)

func isNotFound(err error) bool { return errors.Is(err, collections.ErrNotFound) }

type pairKey = collections.Pair[int64, uint64]

// pairOf is a request's due-queue key.
func pairOf(r types.Request) pairKey { return collections.Join(r.DueHeight, r.Id) }
