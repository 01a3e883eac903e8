package weights

import (
	"cosmossdk.io/core/address"
	"cosmossdk.io/core/appmodule"
	"cosmossdk.io/core/store"
	"cosmossdk.io/depinject"

	"github.com/cosmos/cosmos-sdk/codec"

	"github.com/don-network/don/x/internal/modulekit"
	"github.com/don-network/don/x/weights/keeper"
	modulev1 "github.com/don-network/don/x/weights/types/module"
)

func init() {
	appmodule.Register(&modulev1.Module{}, appmodule.Provide(ProvideModule))
}

// ModuleInputs are the dependencies of x/weights: it depends on no other
// module's keeper (x/optima, x/evaluation and x/mint depend on it).
type ModuleInputs struct {
	depinject.In

	Config       *modulev1.Module
	Cdc          codec.Codec
	StoreService store.KVStoreService
	AddressCodec address.Codec
}

// ModuleOutputs are what x/weights provides. *keeper.Keeper satisfies
// x/optima's WeightsKeeper (and x/mint's and x/evaluation's views).
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
	k := keeper.NewKeeper(in.Cdc, in.StoreService, in.AddressCodec, authorityStr)
	return ModuleOutputs{Keeper: k, Module: NewAppModule(k)}, nil
}
