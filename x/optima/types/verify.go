package types

import (
	errorsmod "cosmossdk.io/errors"
)

// Verification is the outcome of measuring a candidate against the
// incumbent on one fresh sample.
type Verification struct {
	PairedResult
	// Ops is the number of fixed-point operations both losses performed.
	Ops uint64
}

// Verify draws the model's eval_samples units from seed, measures the
// incumbent and the candidate on the same units and runs the paired test.
// The chain (keeper) and the CLI's local check both call it, so an optimizer
// sees exactly what the chain will compute for a given seed. p gives the
// z-score and the increment cap.
func Verify(m Model, incumbent, candidate []int64, seed [32]byte, p Params) (Verification, error) {
	dom, cfg, err := ResolveDomain(m.Domain, m.Config)
	if err != nil {
		return Verification{}, err
	}
	n, numParams := int(m.EvalSamples), int(m.NumParams)
	samples, err := dom.Generate(cfg, seed, n)
	if err != nil {
		return Verification{}, errorsmod.Wrap(ErrVerification, err.Error())
	}
	newLoss, err := dom.Loss(cfg, ToFixed(candidate, numParams), samples)
	if err != nil {
		return Verification{}, errorsmod.Wrap(ErrVerification, err.Error())
	}
	incLoss, err := dom.Loss(cfg, ToFixed(incumbent, numParams), samples)
	if err != nil {
		return Verification{}, errorsmod.Wrap(ErrVerification, err.Error())
	}
	res, err := PairedTest(incLoss.PerUnit, newLoss.PerUnit, p.ZScore, m.MinImprovement, p.MaxIncrement)
	if err != nil {
		return Verification{}, err
	}
	return Verification{PairedResult: res, Ops: newLoss.Ops + incLoss.Ops}, nil
}

// ModelOps is VerificationOps for a stored model.
func ModelOps(m Model) (uint64, error) {
	dom, cfg, err := ResolveDomain(m.Domain, m.Config)
	if err != nil {
		return 0, err
	}
	return VerificationOps(dom, cfg, int(m.EvalSamples))
}
