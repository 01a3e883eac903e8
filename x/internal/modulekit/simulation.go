package modulekit

import (
	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/types/module"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"
)

// Simulation implements the parts of module.AppModuleSimulation that DON's
// modules share: the store decoder, read from the keeper's collections
// schema, and no legacy operations (the modules register theirs with
// simsx in WeightedOperationsX). Embed it and add GenerateGenesisState.
type Simulation struct {
	StoreKey string
	Schema   collections.Schema
}

// RegisterStoreDecoder decodes the module's store from its collections.
func (s Simulation) RegisterStoreDecoder(sdr simtypes.StoreDecoderRegistry) {
	sdr[s.StoreKey] = simtypes.NewStoreDecoderFuncFromCollectionsSchema(s.Schema)
}

// WeightedOperations is the legacy form, replaced by WeightedOperationsX.
func (Simulation) WeightedOperations(module.SimulationState) []simtypes.WeightedOperation { return nil }
