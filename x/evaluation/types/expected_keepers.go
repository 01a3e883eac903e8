package types

import (
	"context"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	optimatypes "github.com/don-network/don/x/optima/types"
)

// BankKeeper moves escrows, collateral and bonds, and burns slashes.
type BankKeeper interface {
	SendCoinsFromAccountToModule(ctx context.Context, senderAddr sdk.AccAddress, recipientModule string, amt sdk.Coins) error
	SendCoinsFromModuleToAccount(ctx context.Context, senderModule string, recipientAddr sdk.AccAddress, amt sdk.Coins) error
	BurnCoins(ctx context.Context, moduleName string, amt sdk.Coins) error
	GetBalance(ctx context.Context, addr sdk.AccAddress, denom string) sdk.Coin
}

// DistributionKeeper receives royalties that have no optimizer to go to.
type DistributionKeeper interface {
	FundCommunityPool(ctx context.Context, amount sdk.Coins, sender sdk.AccAddress) error
}

// OptimaKeeper gives the models, their pinned optima and the usage count.
type OptimaKeeper interface {
	GetModel(ctx context.Context, id uint64) (optimatypes.Model, error)
	GetOptimum(ctx context.Context, modelID, optimumID uint64) (optimatypes.Optimum, error)
	BestOptimum(ctx context.Context, m optimatypes.Model) (optimatypes.Optimum, error)
	RecordUsage(ctx context.Context, modelID, optimumID uint64) error
}

// WeightsKeeper receives the demand signal and the backlog.
type WeightsKeeper interface {
	RecordRequest(ctx context.Context, modelID uint64, fee sdkmath.Int) error
	RecordBacklog(ctx context.Context, openRequests uint64) error
}

// MintKeeper receives evaluator work (burned udon × reputation per settled
// request) and names the chain's denom, the coin of every amount here.
type MintKeeper interface {
	AddEvaluatorWork(ctx context.Context, evaluator sdk.AccAddress, work sdkmath.LegacyDec) error
	Denom(ctx context.Context) (string, error)
}
