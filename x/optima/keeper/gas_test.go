package keeper_test

import (
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
)

func storeGasMeter(limit uint64) storetypes.GasMeter { return storetypes.NewGasMeter(limit) }
