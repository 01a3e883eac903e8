package types

import (
	errorsmod "cosmossdk.io/errors"
	"google.golang.org/grpc/codes"
)

// x/weights errors; codes are stable, never renumber. Lookups that find
// nothing carry gRPC NotFound, so REST answers 404.
var (
	ErrInvalidParams        = errorsmod.Register(ModuleName, 2, "invalid module params")
	ErrUnauthorized         = errorsmod.Register(ModuleName, 3, "signer is not allowed to do this")
	ErrModelNotFound        = errorsmod.RegisterWithGRPCCode(ModuleName, 4, codes.NotFound, "model not found")
	ErrModelNotActive       = errorsmod.Register(ModuleName, 5, "model is not active")
	ErrModelAlreadyActive   = errorsmod.Register(ModuleName, 6, "model is already active")
	ErrInvalidGenesis       = errorsmod.Register(ModuleName, 7, "invalid genesis state")
	ErrInvalidSignal        = errorsmod.Register(ModuleName, 8, "invalid signal")
	ErrInvalidRoleShares    = errorsmod.Register(ModuleName, 9, "invalid role shares")
	ErrArithmetic           = errorsmod.Register(ModuleName, 10, "arithmetic out of range")
	ErrModelAlreadyAdmitted = errorsmod.Register(ModuleName, 11, "model is already admitted")
)
