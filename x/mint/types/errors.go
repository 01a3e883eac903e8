package types

import errorsmod "cosmossdk.io/errors"

// x/mint errors; codes are stable, never renumber.
var (
	ErrInvalidParams  = errorsmod.Register(ModuleName, 2, "invalid module params")
	ErrUnauthorized   = errorsmod.Register(ModuleName, 3, "signer is not the module authority")
	ErrInvalidGenesis = errorsmod.Register(ModuleName, 4, "invalid genesis state")
	ErrInvalidWork    = errorsmod.Register(ModuleName, 5, "invalid work")
	ErrInvalidShares  = errorsmod.Register(ModuleName, 6, "invalid role shares")
	ErrPayoutAboveCap = errorsmod.Register(ModuleName, 7, "payout above its cap")
)
