package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the module's name, store key and module account (minter).
	ModuleName = "mint"
	// StoreKey is the KV store key of the module.
	StoreKey = ModuleName
)

// Collection prefixes; never reuse a number.
var (
	ParamsKey        = collections.NewPrefix(0)
	MinterKey        = collections.NewPrefix(1)
	OptimizerWorkKey = collections.NewPrefix(2)
	EvaluatorWorkKey = collections.NewPrefix(3)
	RoundsKey        = collections.NewPrefix(4)
	PayoutsKey       = collections.NewPrefix(5)
)

// Roles named in EventRewardPaid.
const (
	RoleOptimizer = "optimizer"
	RoleEvaluator = "evaluator"
)
