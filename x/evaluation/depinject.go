package evaluation

import (
	"cosmossdk.io/core/address"
	"cosmossdk.io/core/appmodule"
	"cosmossdk.io/core/store"
	"cosmossdk.io/depinject"

	"github.com/cosmos/cosmos-sdk/codec"

	"github.com/don-network/don/x/evaluation/keeper"
	"github.com/don-network/don/x/evaluation/types"
	modulev1 "github.com/don-network/don/x/evaluation/types/module"
	"github.com/don-network/don/x/internal/modulekit"
)

func init() {
	appmodule.Register(&modulev1.Module{}, appmodule.Provide(ProvideModule))
}

// ModuleInputs are the dependencies of x/evaluation.
type ModuleInputs struct {
	depinject.In

	Config       *modulev1.Module
	Cdc          codec.Codec
	StoreService store.KVStoreService
	AddressCodec address.Codec

	BankKeeper         types.BankKeeper
	DistributionKeeper types.DistributionKeeper
	OptimaKeeper       types.OptimaKeeper
	WeightsKeeper      types.WeightsKeeper
	MintKeeper         types.MintKeeper
}

// ModuleOutputs are what x/evaluation provides.
type ModuleOutputs struct {
	depinject.Out

	Keeper *keeper.Keeper
	Module appmodule.AppModule
}

// ProvideModule builds the keeper and the module.
func ProvideModule(in ModuleInputs) (ModuleOutputs, error) {
	authority, err := modulekit.Authority(in.Config.Authority, in.AddressCodec)
	if err != nil {
		return ModuleOutputs{}, err
	}
	k := keeper.NewKeeper(in.Cdc, in.StoreService, in.AddressCodec, authority,
		in.BankKeeper, in.DistributionKeeper, in.OptimaKeeper, in.WeightsKeeper, in.MintKeeper)
	return ModuleOutputs{Keeper: k, Module: NewAppModule(k)}, nil
}
