package mint

import (
	"cosmossdk.io/core/address"
	"cosmossdk.io/core/appmodule"
	"cosmossdk.io/core/store"
	"cosmossdk.io/depinject"

	"github.com/cosmos/cosmos-sdk/codec"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/don-network/don/x/internal/modulekit"
	"github.com/don-network/don/x/mint/keeper"
	"github.com/don-network/don/x/mint/types"
	modulev1 "github.com/don-network/don/x/mint/types/module"
)

func init() {
	appmodule.Register(&modulev1.Module{}, appmodule.Provide(ProvideModule))
}

// ModuleInputs are the dependencies of x/mint.
type ModuleInputs struct {
	depinject.In

	Config       *modulev1.Module
	Cdc          codec.Codec
	StoreService store.KVStoreService
	AddressCodec address.Codec

	BankKeeper         types.BankKeeper
	DistributionKeeper types.DistributionKeeper
	WeightsKeeper      types.WeightsKeeper
}

// ModuleOutputs are what x/mint provides.
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
	feeCollector := in.Config.FeeCollectorName
	if feeCollector == "" {
		feeCollector = authtypes.FeeCollectorName
	}
	k := keeper.NewKeeper(in.Cdc, in.StoreService, in.AddressCodec, authorityStr, feeCollector,
		in.BankKeeper, in.DistributionKeeper, in.WeightsKeeper)
	return ModuleOutputs{Keeper: k, Module: NewAppModule(k)}, nil
}
