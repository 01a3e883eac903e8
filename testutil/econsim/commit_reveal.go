package econsim

import (
	optimatypes "github.com/don-network/don/x/optima/types"
)

// Pending is a commit waiting for its reveal window: what an optimizer
// keeps off-chain (params and salt) to open it.
type Pending struct {
	CommitID    uint64
	ModelID     uint64
	Params      []int64
	Salt        []byte
	RevealFrom  int64
	RevealUntil int64
}

// Commit sends MsgCommitOptimum for params on a model, with a fresh salt.
func (w *World) Commit(a Account, modelID uint64, params []int64) (Pending, error) {
	salt := make([]byte, 16)
	for i := range salt {
		salt[i] = byte(w.Rng.Uint32())
	}
	res, err := Deliver(w, w.OptimaMsg.CommitOptimum, &optimatypes.MsgCommitOptimum{
		Optimizer: a.Bech, ModelId: modelID, Commitment: optimatypes.ComputeCommitment(modelID, a.Addr, params, salt),
	})
	if err != nil {
		return Pending{}, err
	}
	return Pending{CommitID: res.CommitId, ModelID: modelID, Params: params, Salt: salt,
		RevealFrom: res.RevealFrom, RevealUntil: res.RevealUntil}, nil
}

// Reveal opens a pending commit.
func (w *World) Reveal(a Account, p Pending) (*optimatypes.MsgRevealOptimumResponse, error) {
	return Deliver(w, w.OptimaMsg.RevealOptimum, &optimatypes.MsgRevealOptimum{
		Optimizer: a.Bech, CommitId: p.CommitID, Params: p.Params, Salt: p.Salt,
	})
}

// RevealDue reveals every pending commit whose window is open and returns
// the ones still waiting; expired ones are dropped (their bond is lost).
// onResult sees each reveal's outcome.
func (w *World) RevealDue(a Account, pending []Pending, onResult func(Pending, *optimatypes.MsgRevealOptimumResponse, error)) []Pending {
	h := w.Height()
	kept := pending[:0]
	for _, p := range pending {
		switch {
		case h < p.RevealFrom:
			kept = append(kept, p)
		case h <= p.RevealUntil:
			res, err := w.Reveal(a, p)
			if onResult != nil {
				onResult(p, res, err)
			}
		}
	}
	return kept
}
