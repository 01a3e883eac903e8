package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	weightstypes "github.com/don-network/don/x/weights/types"
)

// BankKeeper is what x/mint needs of x/bank.
type BankKeeper interface {
	MintCoins(ctx context.Context, moduleName string, amt sdk.Coins) error
	SendCoinsFromModuleToAccount(ctx context.Context, senderModule string, recipientAddr sdk.AccAddress, amt sdk.Coins) error
	SendCoinsFromModuleToModule(ctx context.Context, senderModule, recipientModule string, amt sdk.Coins) error
	GetBalance(ctx context.Context, addr sdk.AccAddress, denom string) sdk.Coin
}

// DistributionKeeper receives the community share.
type DistributionKeeper interface {
	FundCommunityPool(ctx context.Context, amount sdk.Coins, sender sdk.AccAddress) error
}

// WeightsKeeper gives the role shares of a coinbase.
type WeightsKeeper interface {
	RoleShares(ctx context.Context) (weightstypes.RoleShares, error)
}
