package econsim

import (
	"math"
	"math/rand/v2"

	sdkmath "cosmossdk.io/math"

	evaluationtypes "github.com/don-network/don/x/evaluation/types"
	"github.com/don-network/don/x/optima/fixedpoint"
	optimatypes "github.com/don-network/don/x/optima/types"
)

// Client sends evaluation requests on one model: Rate requests per block
// (the fraction as a probability) of Rows rows of standard normal inputs,
// each escrowing MaxFee udon with a deadline Deadline blocks ahead. Budget
// (if positive) caps the max fees it escrows in total; beyond that, and
// beyond its balance (the chain refuses what it cannot pay), it stops.
type Client struct {
	Acct     Account
	Model    uint64
	Rate     float64
	MaxFee   int64
	Rows     int
	Deadline int64
	Budget   int64

	Stats ClientStats
}

// ClientStats counts a client's requests.
type ClientStats struct {
	Sent, Refused int
}

// Act sends this block's requests.
func (c *Client) Act(w *World) error {
	n := int(c.Rate)
	if w.Rng.Float64() < c.Rate-float64(n) {
		n++
	}
	if n == 0 {
		return nil
	}
	m, err := w.Model(c.Model)
	if err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		if c.Budget > 0 && int64(c.Stats.Sent+1)*c.MaxFee > c.Budget {
			return nil
		}
		inputs, err := RandomInputs(w, m, max(c.Rows, 1))
		if err != nil {
			return err
		}
		_, err = Deliver(w, w.EvaluationMsg.RequestEvaluation, &evaluationtypes.MsgRequestEvaluation{
			Client: c.Acct.Bech, ModelId: c.Model, Inputs: inputs,
			MaxFee: sdkmath.NewInt(c.MaxFee), Deadline: w.Height() + max(c.Deadline, 2),
		})
		if err != nil {
			c.Stats.Refused++
			continue
		}
		c.Stats.Sent++
	}
	return nil
}

// RandomInputs draws rows of standard normal inputs (clipped to ±4) in the
// model's input width.
func RandomInputs(w *World, m optimatypes.Model, rows int) ([]int64, error) {
	return RandomInputsFrom(w.Rng, m, rows)
}

// RandomInputsFrom is RandomInputs drawn from rng (an agent's own stream).
func RandomInputsFrom(rng *rand.Rand, m optimatypes.Model, rows int) ([]int64, error) {
	dom, cfg, err := optimatypes.ResolveDomain(m.Domain, m.Config)
	if err != nil {
		return nil, err
	}
	out := make([]int64, rows*dom.InputDim(cfg))
	for i := range out {
		v := math.Max(-4, math.Min(4, rng.NormFloat64()))
		out[i] = int64(math.Round(v * float64(fixedpoint.One)))
	}
	return out, nil
}
