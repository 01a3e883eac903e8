package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/don-network/don/x/weights/types"
)

type msgServer struct{ k *Keeper }

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the x/weights Msg service.
func NewMsgServerImpl(k *Keeper) types.MsgServer { return msgServer{k: k} }

// UpdateParams replaces the params (gov authority). New filter, weight and
// share params apply from this block's EndBlock; stored raw weights are
// recomputed with them when their model is next touched (a signal or the
// round-robin refresh), so Σraw stays the exact sum of the stored raws.
func (s msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if msg.Authority != s.k.authority {
		return nil, errorsmod.Wrapf(types.ErrUnauthorized, "expected authority %s, got %s", s.k.authority, msg.Authority)
	}
	if err := msg.Params.Validate(); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, s.k.Params.Set(ctx, msg.Params)
}
