package types

import (
	errorsmod "cosmossdk.io/errors"
	"google.golang.org/grpc/codes"
)

// x/optima errors; codes are stable, never renumber. Lookups that find
// nothing carry gRPC NotFound, so REST answers 404.
var (
	ErrInvalidParams       = errorsmod.Register(ModuleName, 2, "invalid module params")
	ErrUnauthorized        = errorsmod.Register(ModuleName, 3, "signer is not allowed to do this")
	ErrModelNotFound       = errorsmod.RegisterWithGRPCCode(ModuleName, 4, codes.NotFound, "model not found")
	ErrModelNotActive      = errorsmod.Register(ModuleName, 5, "model is not active")
	ErrUnknownDomain       = errorsmod.Register(ModuleName, 6, "unknown domain")
	ErrInvalidDomainConfig = errorsmod.Register(ModuleName, 7, "invalid domain config")
	ErrInvalidModel        = errorsmod.Register(ModuleName, 8, "invalid model")
	ErrTooManyParams       = errorsmod.Register(ModuleName, 9, "too many parameters")
	ErrParamsLength        = errorsmod.Register(ModuleName, 10, "parameter vector has the wrong length")
	ErrTooExpensive        = errorsmod.Register(ModuleName, 11, "verification would exceed the operation limit")
	ErrInsufficientFunds   = errorsmod.Register(ModuleName, 12, "insufficient funds")
	ErrInvalidCommitment   = errorsmod.Register(ModuleName, 13, "invalid commitment")
	ErrCommitNotFound      = errorsmod.RegisterWithGRPCCode(ModuleName, 14, codes.NotFound, "commit not found")
	ErrCommitClosed        = errorsmod.Register(ModuleName, 15, "commit was already revealed or has expired")
	ErrNotCommitOwner      = errorsmod.Register(ModuleName, 16, "commit belongs to another optimizer")
	ErrRevealTooEarly      = errorsmod.Register(ModuleName, 17, "reveal before the beacon of the commit is ready")
	ErrRevealWindowClosed  = errorsmod.Register(ModuleName, 18, "reveal after the reveal window")
	ErrCommitmentMismatch  = errorsmod.Register(ModuleName, 19, "params and salt do not match the commitment")
	ErrBeaconUnavailable   = errorsmod.RegisterWithGRPCCode(ModuleName, 20, codes.NotFound, "beacon of the commit is no longer retained")
	ErrOptimumNotFound     = errorsmod.RegisterWithGRPCCode(ModuleName, 21, codes.NotFound, "optimum not found")
	ErrInvalidSalt         = errorsmod.Register(ModuleName, 22, "invalid salt")
	ErrInvalidGenesis      = errorsmod.Register(ModuleName, 23, "invalid genesis state")
	ErrInvalidAddress      = errorsmod.RegisterWithGRPCCode(ModuleName, 24, codes.InvalidArgument, "invalid address")
	ErrVerification        = errorsmod.Register(ModuleName, 25, "verification failed")
	ErrModelAdmitted       = errorsmod.Register(ModuleName, 26, "model is already admitted")
)
