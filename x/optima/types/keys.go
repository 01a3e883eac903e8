package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the module's name, store key and module account.
	ModuleName = "optima"
	// StoreKey is the KV store key of the module.
	StoreKey = ModuleName
)

// Collection prefixes; never reuse a number.
var (
	ParamsKey             = collections.NewPrefix(0)
	ModelSeqKey           = collections.NewPrefix(1)
	ModelsKey             = collections.NewPrefix(2)
	OptimaKey             = collections.NewPrefix(3)
	CommitSeqKey          = collections.NewPrefix(4)
	CommitsKey            = collections.NewPrefix(5)
	CommitsByOptimizerKey = collections.NewPrefix(6)
	CommitsByExpiryKey    = collections.NewPrefix(7)
	BeaconsKey            = collections.NewPrefix(8)
)

// Domain separators of the hashes the module computes.
const (
	CommitmentDomain   = "don/optima/commit/v1"
	EvalSeedDomain     = "don/optima/eval"
	RegisterSeedDomain = "don/optima/register"
)
