package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
)

// allMsgs are the module's messages with their amino names.
var allMsgs = []struct {
	msg  sdk.Msg
	name string
}{
	{&MsgRegisterEvaluator{}, "don/x/evaluation/MsgRegisterEvaluator"},
	{&MsgAddCollateral{}, "don/x/evaluation/MsgAddCollateral"},
	{&MsgUnbondEvaluator{}, "don/x/evaluation/MsgUnbondEvaluator"},
	{&MsgRequestEvaluation{}, "don/x/evaluation/MsgRequestEvaluation"},
	{&MsgClaimRequest{}, "don/x/evaluation/MsgClaimRequest"},
	{&MsgSubmitResult{}, "don/x/evaluation/MsgSubmitResult"},
	{&MsgChallengeResult{}, "don/x/evaluation/MsgChallengeResult"},
	{&MsgCancelRequest{}, "don/x/evaluation/MsgCancelRequest"},
	{&MsgUpdateParams{}, "don/x/evaluation/MsgUpdateParams"},
}

// RegisterLegacyAminoCodec registers the messages for amino JSON signing.
func RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	for _, m := range allMsgs {
		cdc.RegisterConcrete(m.msg, m.name, nil)
	}
	cdc.RegisterConcrete(&Params{}, "don/x/evaluation/Params", nil)
}

// RegisterInterfaces registers the messages and the Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	for _, m := range allMsgs {
		registry.RegisterImplementations((*sdk.Msg)(nil), m.msg)
	}
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
