package types

import (
	"bytes"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// CheckCandidate checks a parameter vector against a model: its length and
// that the model's domain accepts it (one prediction on a zero row; decimal
// parsing already bounded every value to the range of fixed point). The
// chain cannot see the params behind a commitment, so clients (the CLI, the
// agents) run this before they commit: a vector that fails it can never be
// revealed and its bond would burn.
func CheckCandidate(p Params, m Model, params []int64) error {
	if err := CheckParamsLength(p, int(m.NumParams), len(params), false); err != nil {
		return err
	}
	dom, cfg, err := ResolveDomain(m.Domain, m.Config)
	if err != nil {
		return err
	}
	if _, _, err := dom.Predict(cfg, ToFixed(params, len(params)), ToFixed(nil, dom.InputDim(cfg))); err != nil {
		return errorsmod.Wrapf(ErrParamsLength, "model %d (%s): %s", m.Id, m.Domain, err)
	}
	return nil
}

// CheckCommittable is CheckCandidate for a new commit: the model must also
// be active, or the chain refuses the commit.
func CheckCommittable(p Params, m Model, params []int64) error {
	if m.Status != MODEL_STATUS_ACTIVE {
		return errorsmod.Wrapf(ErrModelNotActive, "model %d is %s", m.Id, m.Status)
	}
	return CheckCandidate(p, m, params)
}

// CheckOpening checks that params and salt, revealed by optimizer, open
// commit c: the reveal's own rule, also run by clients before they pay gas.
func CheckOpening(c Commit, optimizer sdk.AccAddress, params []int64, salt []byte) error {
	if len(salt) < SaltMinLength || len(salt) > SaltMaxLength {
		return errorsmod.Wrapf(ErrInvalidSalt, "salt must be %d to %d bytes, got %d", SaltMinLength, SaltMaxLength, len(salt))
	}
	if !bytes.Equal(ComputeCommitment(c.ModelId, optimizer, params, salt), c.Commitment) {
		return errorsmod.Wrapf(ErrCommitmentMismatch, "commit %d", c.Id)
	}
	return nil
}
