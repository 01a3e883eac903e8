package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the module's name and store key.
	ModuleName = "weights"
	// StoreKey is the KV store key of the module.
	StoreKey = ModuleName
)

// Collection prefixes; never reuse a number.
var (
	ParamsKey      = collections.NewPrefix(0)
	ModelsKey      = collections.NewPrefix(1)
	ActiveKey      = collections.NewPrefix(2)
	ActiveCountKey = collections.NewPrefix(3)
	// 4 was the per-block signal buffer (signals now apply when recorded).
	SumRawKey         = collections.NewPrefix(5)
	RefreshCursorKey  = collections.NewPrefix(6)
	BacklogKey        = collections.NewPrefix(7)
	LastRoleSharesKey = collections.NewPrefix(8)
	AdmittedCountKey  = collections.NewPrefix(9)
)
