package types

import (
	"context"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// BankKeeper is what x/optima needs of x/bank: bonds and deposits move to
// the module account and back, or are burned.
type BankKeeper interface {
	SpendableCoin(ctx context.Context, addr sdk.AccAddress, denom string) sdk.Coin
	SendCoinsFromAccountToModule(ctx context.Context, senderAddr sdk.AccAddress, recipientModule string, amt sdk.Coins) error
	SendCoinsFromModuleToAccount(ctx context.Context, senderModule string, recipientAddr sdk.AccAddress, amt sdk.Coins) error
	BurnCoins(ctx context.Context, moduleName string, amt sdk.Coins) error
	GetBalance(ctx context.Context, addr sdk.AccAddress, denom string) sdk.Coin
}

// WeightsKeeper is x/weights as seen by x/optima: it learns which models
// are active and which admitted, reads their weights and records supply
// signals (reveals and accepted optima). ModelActivity and ActiveTotals
// serve the invariant that both modules hold the same active models.
type WeightsKeeper interface {
	ModelWeight(ctx context.Context, modelID uint64) (sdkmath.LegacyDec, error)
	RecordReveal(ctx context.Context, modelID uint64, accepted bool) error
	OnModelActivated(ctx context.Context, modelID uint64, admitted bool) error
	OnModelAdmitted(ctx context.Context, modelID uint64) error
	OnModelRetired(ctx context.Context, modelID uint64) error
	ModelActivity(ctx context.Context, modelID uint64) (active, admitted bool, err error)
	ActiveTotals(ctx context.Context) (active, admitted uint64, err error)
}

// MintKeeper is x/mint as seen by x/optima: it receives the work of every
// accepted optimum and names the chain's denom, which every bond and
// deposit must use.
type MintKeeper interface {
	AddOptimizerWork(ctx context.Context, optimizer sdk.AccAddress, modelID uint64, work sdkmath.LegacyDec) error
	Denom(ctx context.Context) (string, error)
}
