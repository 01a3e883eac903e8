package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the module's name, store key and module account.
	ModuleName = "evaluation"
	StoreKey   = ModuleName
)

// Collection prefixes; never reuse a number.
var (
	ParamsKey           = collections.NewPrefix(0)
	EvaluatorsKey       = collections.NewPrefix(1)
	RequestsKey         = collections.NewPrefix(2)
	NextRequestIDKey    = collections.NewPrefix(3)
	DueKey              = collections.NewPrefix(4)
	UnbondingQueueKey   = collections.NewPrefix(5)
	OpenCountKey        = collections.NewPrefix(6)
	RequestsByStatus    = collections.NewPrefix(7)
	RequestsByClient    = collections.NewPrefix(8)
	RequestsByEvaluator = collections.NewPrefix(9)
	FailedItemsKey      = collections.NewPrefix(10)
	FailedItemsByRetry  = collections.NewPrefix(11)
)
