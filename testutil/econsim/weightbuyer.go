package econsim

import "math/rand/v2"

// WeightBuyer is the weight-buying attack of docs/economics.md: an honest
// optimizer (Optimizer, whose Models should be just Model) that also pays
// for requests on Model, Demand udon of max fees per block, so that the
// model's demand filter D_m, hence its weight, hence the work of its own
// increments (weight × increment), rises. With SelfServe it is the
// requests' evaluator too (a SelfDealer with Collateral and Capacity),
// the cheapest demand there is: of each price p only the burn is lost for
// good, the evaluator's part comes back and the royalty too whenever its
// own optimum is the pinned one, and x/mint pays some of the burn back as
// evaluator coinbase. Without SelfServe, honest evaluators serve a Client.
// From height Stop on (0: never) it neither commits nor requests anything
// new; what is open still completes. Rng, if set, is the self-dealer's own
// stream (SelfDealer.Rng).
type WeightBuyer struct {
	Optimizer
	Model      uint64
	Demand     int64
	MaxFee     int64
	Rows       int
	SelfServe  bool
	Collateral int64
	Capacity   uint32
	Stop       int64
	Rng        *rand.Rand

	// Dealer (SelfServe) or Client makes the demand; built at the first Act.
	Dealer *SelfDealer
	Client *Client
}

// Act optimizes and buys this block's demand.
func (b *WeightBuyer) Act(w *World) error {
	stopped := b.Stop > 0 && w.Height() >= b.Stop
	if stopped {
		b.Optimizer.Rate = 0 // reveals what it committed, commits nothing new
	}
	if err := b.Optimizer.Act(w); err != nil {
		return err
	}
	if b.Demand <= 0 || b.MaxFee <= 0 {
		return nil
	}
	if b.SelfServe {
		if b.Dealer == nil {
			b.Dealer = &SelfDealer{Acct: b.Acct, Model: b.Model, Budget: b.Demand, MaxFee: b.MaxFee, Rows: b.Rows,
				Deadline: 10, Collateral: b.Collateral, Capacity: b.Capacity, Stop: b.Stop, Rng: b.Rng}
		}
		return b.Dealer.Act(w)
	}
	if b.Client == nil {
		b.Client = &Client{Acct: b.Acct, Model: b.Model, Rate: float64(b.Demand) / float64(b.MaxFee),
			MaxFee: b.MaxFee, Rows: b.Rows, Deadline: 20}
	}
	if stopped {
		return nil
	}
	return b.Client.Act(w)
}

// Busy tells whether some of its commits or self-dealt requests are still
// open.
func (b *WeightBuyer) Busy() bool {
	return len(b.Optimizer.Pending) > 0 || (b.Dealer != nil && b.Dealer.Busy())
}
