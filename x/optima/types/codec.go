package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
)

// RegisterLegacyAminoCodec registers the messages for amino JSON signing.
func RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	cdc.RegisterConcrete(&MsgRegisterModel{}, "don/x/optima/MsgRegisterModel", nil)
	cdc.RegisterConcrete(&MsgRetireModel{}, "don/x/optima/MsgRetireModel", nil)
	cdc.RegisterConcrete(&MsgCommitOptimum{}, "don/x/optima/MsgCommitOptimum", nil)
	cdc.RegisterConcrete(&MsgRevealOptimum{}, "don/x/optima/MsgRevealOptimum", nil)
	cdc.RegisterConcrete(&MsgAdmitModel{}, "don/x/optima/MsgAdmitModel", nil)
	cdc.RegisterConcrete(&MsgRollbackOptimum{}, "don/x/optima/MsgRollbackOptimum", nil)
	cdc.RegisterConcrete(&MsgUpdateParams{}, "don/x/optima/MsgUpdateParams", nil)
	cdc.RegisterConcrete(&Params{}, "don/x/optima/Params", nil)
}

// RegisterInterfaces registers the messages and the Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgRegisterModel{},
		&MsgRetireModel{},
		&MsgCommitOptimum{},
		&MsgRevealOptimum{},
		&MsgAdmitModel{},
		&MsgRollbackOptimum{},
		&MsgUpdateParams{},
	)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
