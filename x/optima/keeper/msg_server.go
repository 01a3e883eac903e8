package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

type msgServer struct{ k *Keeper }

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the x/optima Msg service. Each method decodes
// the message's addresses and leaves every rule to one keeper method.
func NewMsgServerImpl(k *Keeper) types.MsgServer { return msgServer{k: k} }

// accAddress parses a bech32 signer field with a field-specific error.
func (k *Keeper) accAddress(field, addr string) (sdk.AccAddress, error) {
	bz, err := k.addressCodec.StringToBytes(addr)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidAddress, "%s %q: %s", field, addr, err)
	}
	return bz, nil
}

// checkAuthority refuses any signer but the module authority.
func (k *Keeper) checkAuthority(signer string) error {
	if signer != k.authority {
		return errorsmod.Wrapf(types.ErrUnauthorized, "expected authority %s, got %s", k.authority, signer)
	}
	return nil
}

func (s msgServer) RegisterModel(ctx context.Context, msg *types.MsgRegisterModel) (*types.MsgRegisterModelResponse, error) {
	creator, err := s.k.accAddress("creator", msg.Creator)
	if err != nil {
		return nil, err
	}
	model, optimum, err := s.k.RegisterModel(ctx, creator, msg.Creator, msg.Spec(), msg.Deposit)
	if err != nil {
		return nil, err
	}
	return &types.MsgRegisterModelResponse{ModelId: model.Id, InitialLoss: optimum.Loss}, nil
}

func (s msgServer) RetireModel(ctx context.Context, msg *types.MsgRetireModel) (*types.MsgRetireModelResponse, error) {
	if _, err := s.k.accAddress("signer", msg.Signer); err != nil {
		return nil, err
	}
	return &types.MsgRetireModelResponse{}, s.k.RetireModel(ctx, msg.Signer, msg.ModelId)
}

func (s msgServer) RollbackOptimum(ctx context.Context, msg *types.MsgRollbackOptimum) (*types.MsgRollbackOptimumResponse, error) {
	if err := s.k.checkAuthority(msg.Authority); err != nil {
		return nil, err
	}
	return &types.MsgRollbackOptimumResponse{}, s.k.RollbackOptimum(ctx, msg.ModelId, msg.OptimumId)
}

// AdmitModel admits an open model (gov authority).
func (s msgServer) AdmitModel(ctx context.Context, msg *types.MsgAdmitModel) (*types.MsgAdmitModelResponse, error) {
	if err := s.k.checkAuthority(msg.Authority); err != nil {
		return nil, err
	}
	return &types.MsgAdmitModelResponse{}, s.k.AdmitModel(ctx, msg.ModelId)
}

func (s msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if err := s.k.checkAuthority(msg.Authority); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, s.k.UpdateParams(ctx, msg.Params)
}

func (s msgServer) CommitOptimum(ctx context.Context, msg *types.MsgCommitOptimum) (*types.MsgCommitOptimumResponse, error) {
	optimizer, err := s.k.accAddress("optimizer", msg.Optimizer)
	if err != nil {
		return nil, err
	}
	c, err := s.k.CommitOptimum(ctx, optimizer, msg.Optimizer, msg.ModelId, msg.Commitment)
	if err != nil {
		return nil, err
	}
	return &types.MsgCommitOptimumResponse{CommitId: c.Id, RevealFrom: c.RevealFrom, RevealUntil: c.RevealUntil}, nil
}

func (s msgServer) RevealOptimum(ctx context.Context, msg *types.MsgRevealOptimum) (*types.MsgRevealOptimumResponse, error) {
	optimizer, err := s.k.accAddress("optimizer", msg.Optimizer)
	if err != nil {
		return nil, err
	}
	r, err := s.k.RevealOptimum(ctx, optimizer, msg.Optimizer, msg.CommitId, msg.Params, msg.Salt)
	if err != nil {
		return nil, err
	}
	return &types.MsgRevealOptimumResponse{
		Accepted:      r.Accepted,
		OptimumId:     r.OptimumID,
		Loss:          r.Loss,
		IncumbentLoss: r.IncumbentLoss,
		Lcb:           r.Lcb,
		Increment:     r.Increment,
		Reason:        r.Reason,
	}, nil
}
