package keeper

// DueFailedKey is a request's key in FailedItems, for tests that tamper
// with the store.
var DueFailedKey = dueFailedKey
