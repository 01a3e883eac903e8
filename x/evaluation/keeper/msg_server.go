package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/don-network/don/x/evaluation/types"
)

type msgServer struct{ k *Keeper }

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the x/evaluation Msg service. Every check is
// here or in the keeper method it calls, before any state changes.
func NewMsgServerImpl(k *Keeper) types.MsgServer { return msgServer{k: k} }

// signer decodes a message's signer address and rewrites it in canonical
// form (state compares addresses as strings).
func (s msgServer) signer(field string, addr *string) (sdk.AccAddress, error) {
	bz, err := s.k.addressCodec.StringToBytes(*addr)
	if err != nil {
		return nil, errorsmod.Wrapf(sdkerrors.ErrInvalidAddress, "%s %q: %s", field, *addr, err)
	}
	canonical, err := s.k.addressCodec.BytesToString(bz)
	if err != nil {
		return nil, err
	}
	*addr = canonical
	return bz, nil
}

func (s msgServer) RegisterEvaluator(ctx context.Context, msg *types.MsgRegisterEvaluator) (*types.MsgRegisterEvaluatorResponse, error) {
	addr, err := s.signer("evaluator", &msg.Evaluator)
	if err != nil {
		return nil, err
	}
	return &types.MsgRegisterEvaluatorResponse{}, s.k.registerEvaluator(ctx, addr, msg.Collateral, msg.Capacity)
}

func (s msgServer) AddCollateral(ctx context.Context, msg *types.MsgAddCollateral) (*types.MsgAddCollateralResponse, error) {
	addr, err := s.signer("evaluator", &msg.Evaluator)
	if err != nil {
		return nil, err
	}
	return &types.MsgAddCollateralResponse{}, s.k.addCollateral(ctx, addr, msg.Amount)
}

func (s msgServer) UnbondEvaluator(ctx context.Context, msg *types.MsgUnbondEvaluator) (*types.MsgUnbondEvaluatorResponse, error) {
	addr, err := s.signer("evaluator", &msg.Evaluator)
	if err != nil {
		return nil, err
	}
	h, err := s.k.unbondEvaluator(ctx, addr)
	if err != nil {
		return nil, err
	}
	return &types.MsgUnbondEvaluatorResponse{UnbondingHeight: h}, nil
}

func (s msgServer) RequestEvaluation(ctx context.Context, msg *types.MsgRequestEvaluation) (*types.MsgRequestEvaluationResponse, error) {
	addr, err := s.signer("client", &msg.Client)
	if err != nil {
		return nil, err
	}
	id, err := s.k.createRequest(ctx, addr, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgRequestEvaluationResponse{RequestId: id}, nil
}

func (s msgServer) ClaimRequest(ctx context.Context, msg *types.MsgClaimRequest) (*types.MsgClaimRequestResponse, error) {
	addr, err := s.signer("evaluator", &msg.Evaluator)
	if err != nil {
		return nil, err
	}
	price, optimum, err := s.k.claimRequest(ctx, addr, msg.RequestId)
	if err != nil {
		return nil, err
	}
	return &types.MsgClaimRequestResponse{Price: price, OptimumId: optimum}, nil
}

func (s msgServer) SubmitResult(ctx context.Context, msg *types.MsgSubmitResult) (*types.MsgSubmitResultResponse, error) {
	addr, err := s.signer("evaluator", &msg.Evaluator)
	if err != nil {
		return nil, err
	}
	settle, err := s.k.submitResult(ctx, addr, msg.Evaluator, msg.RequestId, msg.Outputs)
	if err != nil {
		return nil, err
	}
	return &types.MsgSubmitResultResponse{SettleHeight: settle}, nil
}

func (s msgServer) ChallengeResult(ctx context.Context, msg *types.MsgChallengeResult) (*types.MsgChallengeResultResponse, error) {
	addr, err := s.signer("challenger", &msg.Challenger)
	if err != nil {
		return nil, err
	}
	wrong, err := s.k.challengeResult(ctx, addr, msg.Challenger, msg.RequestId, msg.Bond)
	if err != nil {
		return nil, err
	}
	return &types.MsgChallengeResultResponse{Wrong: wrong}, nil
}

func (s msgServer) CancelRequest(ctx context.Context, msg *types.MsgCancelRequest) (*types.MsgCancelRequestResponse, error) {
	addr, err := s.signer("client", &msg.Client)
	if err != nil {
		return nil, err
	}
	return &types.MsgCancelRequestResponse{}, s.k.cancelRequest(ctx, addr, msg.Client, msg.RequestId)
}

func (s msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	return &types.MsgUpdateParamsResponse{}, s.k.updateParams(ctx, msg.Authority, msg.Params)
}
