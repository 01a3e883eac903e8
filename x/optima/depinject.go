package optima

import (
	"cosmossdk.io/core/address"
	"cosmossdk.io/core/appmodule"
	"cosmossdk.io/core/store"
	"cosmossdk.io/depinject"

	"github.com/cosmos/cosmos-sdk/codec"

	"github.com/don-network/don/x/internal/modulekit"
	"github.com/don-network/don/x/optima/keeper"
	"github.com/don-network/don/x/optima/types"
	modulev1 "github.com/don-network/don/x/optima/types/module"
)

func init() {
	appmodule.Register(&modulev1.Module{}, appmodule.Provide(ProvideModule))
}

// ModuleInputs are the dependencies of x/optima: x/weights gives model
// weights and takes supply signals, x/mint receives the work.
type ModuleInputs struct {
	depinject.In

	Config       *modulev1.Module
	Cdc          codec.Codec
	StoreService store.KVStoreService
	AddressCodec address.Codec

	BankKeeper    types.BankKeeper
	WeightsKeeper types.WeightsKeeper
	MintKeeper    types.MintKeeper
}

// ModuleOutputs are what x/optima provides.
type ModuleOutputs struct {
	depinject.Out

	Keeper *keeper.Keeper
	Module appmodule.AppModule
}

// ProvideModule builds the keeper and the module.
func ProvideModule(in ModuleInputs) (ModuleOutputs, error) {
	authorityStr, err := modulekit.Authority(in.Config.Authority, in.AddressCodec)
	if err != nil {
		return ModuleOutputs{}, err
	}
	k := keeper.NewKeeper(in.Cdc, in.StoreService, in.AddressCodec, authorityStr,
		in.BankKeeper, in.WeightsKeeper, in.MintKeeper)
	return ModuleOutputs{Keeper: k, Module: NewAppModule(k)}, nil
}
