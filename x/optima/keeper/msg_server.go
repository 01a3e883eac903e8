package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/types"
)

type msgServer struct{ k *Keeper }

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the x/optima Msg service.
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

func (s msgServer) RegisterModel(goCtx context.Context, msg *types.MsgRegisterModel) (*types.MsgRegisterModelResponse, error) {
	ctx := sdk.UnwrapSDKContext(goCtx)
	k := s.k
	creator, err := k.accAddress("creator", msg.Creator)
	if err != nil {
		return nil, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := msg.Deposit.Validate(); err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidModel, "deposit: %s", err)
	}
	if msg.Deposit.Denom != params.MinModelDeposit.Denom || msg.Deposit.Amount.LT(params.MinModelDeposit.Amount) {
		return nil, errorsmod.Wrapf(types.ErrInvalidModel, "deposit must be at least %s", params.MinModelDeposit)
	}
	if err := k.requireSpendable(ctx, creator, msg.Deposit); err != nil {
		return nil, err
	}
	beacon, err := k.BeaconAt(ctx, ctx.BlockHeight())
	if err != nil {
		return nil, err
	}
	spec := types.ModelSpec{
		Name:           msg.Name,
		Domain:         msg.Domain,
		Config:         msg.Config,
		InitialParams:  msg.InitialParams,
		EvalSamples:    msg.EvalSamples,
		MinImprovement: msg.MinImprovement,
		SeedBlocks:     msg.SeedBlocks,
		RevealWindow:   msg.RevealWindow,
		CommitBond:     msg.CommitBond,
	}
	model, optimum, err := k.createModel(ctx, msg.Creator, spec, msg.Deposit, beacon)
	if err != nil {
		return nil, err
	}
	if err := k.bank.SendCoinsFromAccountToModule(ctx, creator, types.ModuleName, sdk.NewCoins(msg.Deposit)); err != nil {
		return nil, err
	}
	return &types.MsgRegisterModelResponse{ModelId: model.Id, InitialLoss: optimum.Loss}, nil
}

func (s msgServer) RetireModel(goCtx context.Context, msg *types.MsgRetireModel) (*types.MsgRetireModelResponse, error) {
	ctx := sdk.UnwrapSDKContext(goCtx)
	k := s.k
	if _, err := k.accAddress("signer", msg.Signer); err != nil {
		return nil, err
	}
	model, err := k.GetModel(ctx, msg.ModelId)
	if err != nil {
		return nil, err
	}
	// The creator or governance may retire, whatever the model's evaluation
	// requests: x/optima has no view of them, and x/evaluation lets claimed
	// requests finish on their pinned optimum and refunds unclaimed ones when
	// due. docs/optima.md ("Retirement") states the rule and what is enforced.
	if msg.Signer != k.authority && msg.Signer != model.Creator {
		return nil, errorsmod.Wrapf(types.ErrUnauthorized, "only the creator or the authority may retire model %d", model.Id)
	}
	if model.Status != types.MODEL_STATUS_ACTIVE {
		return nil, errorsmod.Wrapf(types.ErrModelNotActive, "model %d is %s", model.Id, model.Status)
	}
	model.Status = types.MODEL_STATUS_RETIRED
	if err := k.Models.Set(ctx, model.Id, model); err != nil {
		return nil, err
	}
	if err := k.weights.OnModelRetired(ctx, model.Id); err != nil {
		return nil, err
	}
	if model.Deposit.IsPositive() {
		creator, err := k.accAddress("creator", model.Creator)
		if err != nil {
			return nil, err
		}
		if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, creator, sdk.NewCoins(model.Deposit)); err != nil {
			return nil, err
		}
	}
	return &types.MsgRetireModelResponse{}, ctx.EventManager().EmitTypedEvent(&types.EventModelRetired{
		ModelId: model.Id,
		Signer:  msg.Signer,
	})
}

func (s msgServer) RollbackOptimum(goCtx context.Context, msg *types.MsgRollbackOptimum) (*types.MsgRollbackOptimumResponse, error) {
	ctx := sdk.UnwrapSDKContext(goCtx)
	k := s.k
	if err := k.checkAuthority(msg.Authority); err != nil {
		return nil, err
	}
	model, err := k.GetModel(ctx, msg.ModelId)
	if err != nil {
		return nil, err
	}
	if _, err := k.GetOptimum(ctx, model.Id, msg.OptimumId); err != nil {
		return nil, err
	}
	if msg.OptimumId == model.BestOptimumId {
		return nil, errorsmod.Wrapf(types.ErrInvalidModel, "optimum %d is already the best of model %d", msg.OptimumId, model.Id)
	}
	from := model.BestOptimumId
	model.BestOptimumId = msg.OptimumId
	if err := k.Models.Set(ctx, model.Id, model); err != nil {
		return nil, err
	}
	return &types.MsgRollbackOptimumResponse{}, ctx.EventManager().EmitTypedEvent(&types.EventOptimumRolledBack{
		ModelId:       model.Id,
		FromOptimumId: from,
		ToOptimumId:   msg.OptimumId,
	})
}

// AdmitModel admits an open model (gov authority).
func (s msgServer) AdmitModel(goCtx context.Context, msg *types.MsgAdmitModel) (*types.MsgAdmitModelResponse, error) {
	if err := s.k.checkAuthority(msg.Authority); err != nil {
		return nil, err
	}
	return &types.MsgAdmitModelResponse{}, s.k.AdmitModel(sdk.UnwrapSDKContext(goCtx), msg.ModelId)
}

func (s msgServer) UpdateParams(goCtx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	ctx := sdk.UnwrapSDKContext(goCtx)
	if err := s.k.checkAuthority(msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.Params.Validate(); err != nil {
		return nil, err
	}
	if err := s.k.checkDenom(ctx, msg.Params.MinCommitBond, msg.Params.MinModelDeposit); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, s.k.Params.Set(ctx, msg.Params)
}

// requireSpendable fails with ErrInsufficientFunds before any coin moves.
func (k *Keeper) requireSpendable(ctx sdk.Context, addr sdk.AccAddress, amt sdk.Coin) error {
	if have := k.bank.SpendableCoin(ctx, addr, amt.Denom); have.IsLT(amt) {
		return errorsmod.Wrapf(types.ErrInsufficientFunds, "need %s, spendable %s", amt, have)
	}
	return nil
}
