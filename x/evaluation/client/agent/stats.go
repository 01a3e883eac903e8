package agent

import (
	"fmt"

	sdkmath "cosmossdk.io/math"
)

// Stats are the agent's counters since it started.
type Stats struct {
	Height     int64
	Open       int // open requests on the chain at the last poll
	Claimed    int // claims of this agent included
	LostClaims int // claims refused (another evaluator was first, limits changed)
	Submitted  int // results submitted
	Settled    int // own results settled (fee earned)
	Slashed    int // own results proven wrong
	Challenged int // challenges sent
	Won        int // challenges that proved a result wrong
	Fees       sdkmath.Int
	Bounties   sdkmath.Int
	Reputation sdkmath.LegacyDec
	OpenWork   uint32 // own open assignments (claimed or submitted)
	Capacity   uint32
}

func newStats() Stats {
	return Stats{Fees: sdkmath.ZeroInt(), Bounties: sdkmath.ZeroInt(), Reputation: sdkmath.LegacyZeroDec()}
}

// Line is the progress line a person follows.
func (s Stats) Line(denom string) string {
	return fmt.Sprintf("height %d | open %d | claimed %d (lost %d) | submitted %d | settled %d | slashed %d | challenged %d (won %d) | fees %s%s | bounties %s%s | reputation %s | load %d/%d",
		s.Height, s.Open, s.Claimed, s.LostClaims, s.Submitted, s.Settled, s.Slashed, s.Challenged, s.Won,
		s.Fees, denom, s.Bounties, denom, short(s.Reputation), s.OpenWork, s.Capacity)
}

// changed tells whether a count of the agent's own work differs: the chain's
// open count and the height alone are not news (the heartbeat prints them).
func (s Stats) changed(o Stats) bool {
	s.Height, s.Open, s.OpenWork, s.Reputation = o.Height, o.Open, o.OpenWork, o.Reputation
	return s.Line("") != o.Line("")
}

// short prints a decimal with four places (LegacyDec prints eighteen).
func short(d sdkmath.LegacyDec) string {
	if d.IsNil() {
		return "0"
	}
	str := d.String()
	if i := len(str) - 14; i > 0 {
		return str[:i]
	}
	return str
}
