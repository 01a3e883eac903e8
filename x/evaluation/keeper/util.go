package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	"github.com/cosmos/gogoproto/proto"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/evaluation/types"
)

func isNotFound(err error) bool { return errors.Is(err, collections.ErrNotFound) }

type pairKey = collections.Pair[int64, uint64]

// pairOf is a request's due-queue key.
func pairOf(r types.Request) pairKey { return collections.Join(r.DueHeight, r.Id) }

// blockHeight is the height of the block ctx runs in.
func blockHeight(ctx context.Context) int64 { return sdk.UnwrapSDKContext(ctx).BlockHeight() }

// emit emits a typed event in ctx's block or transaction.
func emit(ctx context.Context, ev proto.Message) error {
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(ev)
}
