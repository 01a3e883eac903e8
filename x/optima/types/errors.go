package types

import errorsmod "cosmossdk.io/errors"

// x/optima errors; codes are stable, never renumber.
var (
	ErrInvalidParams       = errorsmod.Register(ModuleName, 2, "invalid module params")
	ErrUnauthorized        = errorsmod.Register(ModuleName, 3, "signer is not allowed to do this")
	ErrModelNotFound       = errorsmod.Register(ModuleName, 4, "model not found")
	ErrModelNotActive      = errorsmod.Register(ModuleName, 5, "model is not active")
	ErrUnknownDomain       = errorsmod.Register(ModuleName, 6, "unknown domain")
	ErrInvalidDomainConfig = errorsmod.Register(ModuleName, 7, "invalid domain config")
	ErrInvalidModel        = errorsmod.Register(ModuleName, 8, "invalid model")
	ErrTooManyParams       = errorsmod.Register(ModuleName, 9, "too many parameters")
	ErrParamsLength        = errorsmod.Register(ModuleName, 10, "parameter vector has the wrong length")
	ErrTooExpensive        = errorsmod.Register(ModuleName, 11, "verification would exceed the operation limit")
	ErrInsufficientFunds   = errorsmod.Register(ModuleName, 12, "insufficient funds")
	ErrInvalidCommitment   = errorsmod.Register(ModuleName, 13, "invalid commitment")
	ErrCommitNotFound      = errorsmod.Register(ModuleName, 14, "commit not found")
	ErrCommitClosed        = errorsmod.Register(ModuleName, 15, "commit was already revealed or has expired")
	ErrNotCommitOwner      = errorsmod.Register(ModuleName, 16, "commit belongs to another optimizer")
	ErrRevealTooEarly      = errorsmod.Register(ModuleName, 17, "reveal before the beacon of the commit is ready")
	ErrRevealWindowClosed  = errorsmod.Register(ModuleName, 18, "reveal after the reveal window")
	ErrCommitmentMismatch  = errorsmod.Register(ModuleName, 19, "params and salt do not match the commitment")
	ErrBeaconUnavailable   = errorsmod.Register(ModuleName, 20, "beacon of the commit is no longer retained")
	ErrOptimumNotFound     = errorsmod.Register(ModuleName, 21, "optimum not found")
	ErrInvalidSalt         = errorsmod.Register(ModuleName, 22, "invalid salt")
	ErrInvalidGenesis      = errorsmod.Register(ModuleName, 23, "invalid genesis state")
	ErrInvalidAddress      = errorsmod.Register(ModuleName, 24, "invalid address")
	ErrVerification        = errorsmod.Register(ModuleName, 25, "verification failed")
)
