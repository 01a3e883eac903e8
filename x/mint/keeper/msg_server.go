package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/don-network/don/x/mint/types"
)

type msgServer struct{ k *Keeper }

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the x/mint Msg service.
func NewMsgServerImpl(k *Keeper) types.MsgServer { return msgServer{k: k} }

func (s msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if msg.Authority != s.k.authority {
		return nil, errorsmod.Wrapf(types.ErrUnauthorized, "expected %s, got %s", s.k.authority, msg.Authority)
	}
	if err := msg.Params.Validate(); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, s.k.Params.Set(ctx, msg.Params)
}
