package types

import (
	"crypto/sha256"
	"fmt"

	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/types/bech32"
)

// DefaultGenesis is an empty registry with default params; ids start at 1.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams(), NextModelId: 1, NextCommitId: 1}
}

// Spec returns the model spec of a genesis model.
func (g GenesisModel) Spec() ModelSpec {
	return ModelSpec{
		Name:           g.Name,
		Domain:         g.Domain,
		Config:         g.Config,
		InitialParams:  g.InitialParams,
		EvalSamples:    g.EvalSamples,
		MinImprovement: g.MinImprovement,
		SeedBlocks:     g.SeedBlocks,
		RevealWindow:   g.RevealWindow,
		CommitBond:     g.CommitBond,
	}
}

// Validate checks that the genesis state is self-consistent.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "params: %s", err)
	}
	if gs.NextModelId == 0 || gs.NextCommitId == 0 {
		return errorsmod.Wrap(ErrInvalidGenesis, "next ids start at 1")
	}
	models := make(map[uint64]Model, len(gs.Models))
	for _, m := range gs.Models {
		if err := gs.validateModel(m, models); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "model %d: %s", m.Id, err)
		}
		models[m.Id] = m
	}
	optima := make(map[[2]uint64]bool, len(gs.Optima))
	for _, o := range gs.Optima {
		m, ok := models[o.ModelId]
		key := [2]uint64{o.ModelId, o.Id}
		switch {
		case !ok:
			return errorsmod.Wrapf(ErrInvalidGenesis, "optimum %d of unknown model %d", o.Id, o.ModelId)
		case optima[key]:
			return errorsmod.Wrapf(ErrInvalidGenesis, "duplicate optimum %d of model %d", o.Id, o.ModelId)
		case o.Id >= m.OptimumCount:
			return errorsmod.Wrapf(ErrInvalidGenesis, "optimum %d of model %d beyond its optimum_count", o.Id, o.ModelId)
		case len(o.Params) != int(m.NumParams):
			return errorsmod.Wrapf(ErrInvalidGenesis, "optimum %d of model %d has %d params, want %d", o.Id, o.ModelId, len(o.Params), m.NumParams)
		}
		optima[key] = true
	}
	for _, m := range gs.Models {
		if !optima[[2]uint64{m.Id, m.BestOptimumId}] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "best optimum %d of model %d is missing", m.BestOptimumId, m.Id)
		}
	}
	commits := make(map[uint64]bool, len(gs.Commits))
	for _, c := range gs.Commits {
		_, modelKnown := models[c.ModelId]
		switch {
		case commits[c.Id]:
			return errorsmod.Wrapf(ErrInvalidGenesis, "duplicate commit %d", c.Id)
		case c.Id == 0 || c.Id >= gs.NextCommitId:
			return errorsmod.Wrapf(ErrInvalidGenesis, "commit id %d outside [1, next_commit_id)", c.Id)
		case !modelKnown:
			return errorsmod.Wrapf(ErrInvalidGenesis, "commit %d of unknown model %d", c.Id, c.ModelId)
		case len(c.Commitment) != sha256.Size:
			return errorsmod.Wrapf(ErrInvalidGenesis, "commit %d: commitment is not 32 bytes", c.Id)
		case c.RevealFrom > c.RevealUntil:
			return errorsmod.Wrapf(ErrInvalidGenesis, "commit %d: empty reveal window", c.Id)
		}
		if _, _, err := bech32.DecodeAndConvert(c.Optimizer); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "commit %d optimizer: %s", c.Id, err)
		}
		if err := c.Bond.Validate(); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "commit %d bond: %s", c.Id, err)
		}
		commits[c.Id] = true
	}
	heights := make(map[int64]bool, len(gs.Beacons))
	for _, b := range gs.Beacons {
		if heights[b.Height] || len(b.Value) != sha256.Size {
			return errorsmod.Wrapf(ErrInvalidGenesis, "beacon at height %d is duplicate or not 32 bytes", b.Height)
		}
		heights[b.Height] = true
	}
	names := make(map[string]bool, len(gs.GenesisModels))
	for _, g := range gs.GenesisModels {
		if names[g.Name] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "duplicate genesis model %q", g.Name)
		}
		names[g.Name] = true
		if _, err := g.Spec().Resolve(gs.Params); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "genesis model %q: %s", g.Name, err)
		}
	}
	return nil
}

func (gs GenesisState) validateModel(m Model, seen map[uint64]Model) error {
	if _, dup := seen[m.Id]; dup {
		return fmt.Errorf("duplicate model id")
	}
	if m.Id == 0 || m.Id >= gs.NextModelId {
		return fmt.Errorf("id outside [1, next_model_id)")
	}
	if m.Status != MODEL_STATUS_ACTIVE && m.Status != MODEL_STATUS_RETIRED {
		return fmt.Errorf("invalid status %s", m.Status)
	}
	if m.OptimumCount == 0 || m.BestOptimumId >= m.OptimumCount {
		return fmt.Errorf("best optimum %d not below optimum_count %d", m.BestOptimumId, m.OptimumCount)
	}
	dom, cfg, err := ResolveDomain(m.Domain, m.Config)
	if err != nil {
		return err
	}
	n, err := dom.NumParams(cfg)
	if err != nil || n != int(m.NumParams) {
		return fmt.Errorf("num_params %d does not match the domain config", m.NumParams)
	}
	if _, _, err := bech32.DecodeAndConvert(m.Creator); err != nil {
		return fmt.Errorf("creator: %w", err)
	}
	return nil
}
