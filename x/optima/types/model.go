package types

import (
	"strings"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/optima/domains"
	"github.com/don-network/don/x/optima/fixedpoint"
)

// ModelSpec is what a creator chooses for a model, from a MsgRegisterModel
// or a genesis model; validated once, the same way for both.
type ModelSpec struct {
	Name           string
	Domain         string
	Config         DomainConfig
	InitialParams  []int64
	EvalSamples    uint32
	MinImprovement sdkmath.LegacyDec
	SeedBlocks     uint32
	RevealWindow   uint32
	CommitBond     sdk.Coin
}

// Spec returns the model spec a MsgRegisterModel asks for.
func (msg *MsgRegisterModel) Spec() ModelSpec {
	return ModelSpec{
		Name:           msg.Name,
		Domain:         msg.Domain,
		Config:         msg.Config,
		InitialParams:  msg.InitialParams,
		EvalSamples:    msg.EvalSamples,
		MinImprovement: msg.MinImprovement,
		SeedBlocks:     msg.SeedBlocks,
		RevealWindow:   msg.RevealWindow,
		CommitBond:     msg.CommitBond,
	}
}

// ResolvedModel is a validated spec with its domain, typed config and size.
type ResolvedModel struct {
	Domain    domains.Domain
	Config    domains.Config
	NumParams int
	// Ops is the estimated operation count of one reveal's verification.
	Ops uint64
}

// Resolve validates the spec against the params and returns its domain.
func (s ModelSpec) Resolve(p Params) (ResolvedModel, error) {
	name := strings.TrimSpace(s.Name)
	switch {
	case name == "" || name != s.Name:
		return ResolvedModel{}, errorsmod.Wrap(ErrInvalidModel, "name must be non-empty without surrounding spaces")
	case len(s.Name) > int(p.MaxNameLength):
		return ResolvedModel{}, errorsmod.Wrapf(ErrInvalidModel, "name longer than %d bytes", p.MaxNameLength)
	case s.EvalSamples < MinEvalSamples || s.EvalSamples > p.MaxEvalSamples:
		return ResolvedModel{}, errorsmod.Wrapf(ErrInvalidModel, "eval_samples %d outside [%d, %d]", s.EvalSamples, MinEvalSamples, p.MaxEvalSamples)
	case s.MinImprovement.IsNil() || !s.MinImprovement.IsPositive() || s.MinImprovement.GTE(sdkmath.LegacyOneDec()):
		return ResolvedModel{}, errorsmod.Wrap(ErrInvalidModel, "min_improvement must be in (0, 1)")
	case s.SeedBlocks == 0 || s.SeedBlocks > p.MaxSeedBlocks:
		return ResolvedModel{}, errorsmod.Wrapf(ErrInvalidModel, "seed_blocks must be in [1, %d]", p.MaxSeedBlocks)
	case s.RevealWindow == 0 || s.RevealWindow > p.MaxRevealWindow:
		return ResolvedModel{}, errorsmod.Wrapf(ErrInvalidModel, "reveal_window must be in [1, %d]", p.MaxRevealWindow)
	}
	if err := s.CommitBond.Validate(); err != nil {
		return ResolvedModel{}, errorsmod.Wrapf(ErrInvalidModel, "commit_bond: %s", err)
	}
	if s.CommitBond.Denom != p.MinCommitBond.Denom || s.CommitBond.Amount.LT(p.MinCommitBond.Amount) {
		return ResolvedModel{}, errorsmod.Wrapf(ErrInvalidModel, "commit_bond must be at least %s", p.MinCommitBond)
	}

	dom, cfg, err := ResolveDomain(s.Domain, s.Config)
	if err != nil {
		return ResolvedModel{}, err
	}
	numParams, err := dom.NumParams(cfg)
	if err != nil {
		return ResolvedModel{}, errorsmod.Wrap(ErrInvalidDomainConfig, err.Error())
	}
	if numParams > int(p.MaxParams) {
		return ResolvedModel{}, errorsmod.Wrapf(ErrTooManyParams, "domain config needs %d params, max_params is %d", numParams, p.MaxParams)
	}
	if err := CheckParamsLength(p, numParams, len(s.InitialParams), true); err != nil {
		return ResolvedModel{}, err
	}
	ops, err := VerificationOps(dom, cfg, int(s.EvalSamples))
	if err != nil {
		return ResolvedModel{}, err
	}
	if ops > p.MaxOpsPerVerification {
		return ResolvedModel{}, errorsmod.Wrapf(ErrTooExpensive, "one verification needs ~%d ops, max_ops_per_verification is %d", ops, p.MaxOpsPerVerification)
	}
	return ResolvedModel{Domain: dom, Config: cfg, NumParams: numParams, Ops: ops}, nil
}

// CheckParamsLength checks a parameter vector's length; an empty initial
// vector is allowed and means zeros.
func CheckParamsLength(p Params, want, got int, emptyOK bool) error {
	switch {
	case got > int(p.MaxParams):
		return errorsmod.Wrapf(ErrTooManyParams, "%d params, max_params is %d", got, p.MaxParams)
	case got == 0 && emptyOK:
		return nil
	case got != want:
		return errorsmod.Wrapf(ErrParamsLength, "got %d params, the model needs %d", got, want)
	}
	return nil
}

// VerificationOps estimates the operations of one reveal: generating the
// sample and evaluating two parameter vectors on it.
func VerificationOps(dom domains.Domain, cfg domains.Config, n int) (uint64, error) {
	perLoss, gen := dom.EstimateOps(cfg, n), dom.GenerateOps(cfg, n)
	if perLoss > 1<<60 || gen > 1<<60 {
		return 0, errorsmod.Wrapf(ErrTooExpensive, "no operation estimate for %d units", n)
	}
	return 2*perLoss + gen, nil
}

// ToFixed converts raw int64 params to fixed-point values.
func ToFixed(raw []int64, n int) []fixedpoint.Fixed {
	out := make([]fixedpoint.Fixed, n)
	for i, v := range raw {
		out[i] = fixedpoint.FromRaw(v)
	}
	return out
}

// ParamsFromFixed converts fixed-point values to raw int64 params.
func ParamsFromFixed(vals []fixedpoint.Fixed) []int64 {
	out := make([]int64, len(vals))
	for i, v := range vals {
		out[i] = v.Raw()
	}
	return out
}

// FixedToDec converts a fixed-point value to a LegacyDec (truncated to 18 decimals).
func FixedToDec(v fixedpoint.Fixed) sdkmath.LegacyDec {
	return sdkmath.LegacyNewDec(v.Raw()).QuoTruncate(sdkmath.LegacyNewDec(fixedpoint.One.Raw()))
}

// Predict runs a model's domain with raw fixed-point params on raw
// row-major inputs and returns the raw outputs and the operation count: the
// computation an evaluation result is checked against.
func Predict(m Model, params, inputs []int64) ([]int64, uint64, error) {
	dom, cfg, err := ResolveDomain(m.Domain, m.Config)
	if err != nil {
		return nil, 0, err
	}
	outs, ops, err := dom.Predict(cfg, ToFixed(params, len(params)), ToFixed(inputs, len(inputs)))
	if err != nil {
		return nil, 0, err
	}
	return ParamsFromFixed(outs), ops, nil
}
