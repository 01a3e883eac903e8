package experiments

import (
	"fmt"
	"strconv"

	sdkmath "cosmossdk.io/math"

	"github.com/don-network/don/testutil/econsim"

	evaluationtypes "github.com/don-network/don/x/evaluation/types"
	minttypes "github.com/don-network/don/x/mint/types"
	weightstypes "github.com/don-network/don/x/weights/types"
)

// washPoint is one point of the washtrade sweep: the five parameters that
// price the attacks (docs/economics.md).
type washPoint struct {
	// Name is "default", "corner" or "<param>=<value>"; Swept is the
	// parameter a one-at-a-time sweep varies ("" for default and corner).
	Name, Swept string
	// CoinbaseX multiplies the default coinbase (max_supply × emission_rate,
	// through emission_rate).
	CoinbaseX float64
	// Burn is x/evaluation demand_burn_fraction, MPB x/mint
	// evaluator_mint_per_burn, D0 x/weights d0 (udon per block), Alpha the
	// fees filter's α.
	Burn, MPB, D0, Alpha float64
}

// washDefaults are the modules' default params: the sweep is centred on
// whatever a new chain gets.
func washDefaults() washPoint {
	return washPoint{
		Name: "default", CoinbaseX: 1,
		Burn:  econsim.Float64(evaluationtypes.DefaultParams().DemandBurnFraction),
		MPB:   econsim.Float64(minttypes.DefaultParams().EvaluatorMintPerBurn),
		D0:    econsim.Float64(weightstypes.DefaultParams().D0),
		Alpha: econsim.Float64(weightstypes.DefaultParams().Fees.Alpha),
	}
}

// inDefaultRegion: the defaults and the neighbourhood an operator could
// pick without new evidence — burn within a factor 2 of its default,
// evaluator_mint_per_burn up to 1.5× (0.75), the fees α up to 2× (0.2) —
// with d0 at least its default and the coinbase at most the default
// schedule's: the coinbase only decays from its genesis value, and both a
// smaller d0 and a larger coinbase make demand cheaper to buy relative to
// what it steers (the sweep shows where buying turns profitable).
func (p washPoint) inDefaultRegion() bool {
	d := washDefaults()
	return p.CoinbaseX <= 1 && p.Burn >= d.Burn/2 && p.Burn <= 2*d.Burn && p.MPB <= 1.5*d.MPB &&
		p.D0 >= d.D0 && p.Alpha <= 2*d.Alpha
}

// washCorner is the region's worst corner for every attacker: the cheapest
// burn, the most evaluator coinbase back, the fastest demand filter, the
// smallest prior and the largest prize.
func washCorner() washPoint {
	d := washDefaults()
	return washPoint{Name: "corner", CoinbaseX: 1, Burn: d.Burn / 2, MPB: 1.5 * d.MPB, D0: d.D0, Alpha: 2 * d.Alpha}
}

// washSweep is one-at-a-time sweeps around the defaults, then the corner.
func washSweep(quick bool) []washPoint {
	d := washDefaults()
	grids := []struct {
		name   string
		values []float64
		set    func(*washPoint, float64)
	}{
		{"d0", []float64{1e4, 5e4, 1e6, 1e7, 3e7, 1e8, 1e9}, func(p *washPoint, v float64) { p.D0 = v }},
		{"coinbase_x", []float64{0.1, 3, 10, 30, 100}, func(p *washPoint, v float64) { p.CoinbaseX = v }},
		{"evaluator_mint_per_burn", []float64{0, 0.25, 0.75, 0.9}, func(p *washPoint, v float64) { p.MPB = v }},
		{"demand_burn_fraction", []float64{0.02, 0.05, 0.2, 0.4}, func(p *washPoint, v float64) { p.Burn = v }},
		{"fees_alpha", []float64{0.02, 0.05, 0.2, 0.5}, func(p *washPoint, v float64) { p.Alpha = v }},
	}
	if quick {
		grids = grids[:1]
		grids[0].values = []float64{3e7}
	}
	pts := []washPoint{d}
	for _, g := range grids {
		for _, v := range g.values {
			p := d
			g.set(&p, v)
			p.Name, p.Swept = fmt.Sprintf("%s=%s", g.name, fmtNum(v)), g.name
			pts = append(pts, p)
		}
	}
	return append(pts, washCorner())
}

// value is the point's value of a swept parameter (the x of its panel).
func (p washPoint) value(param string) float64 {
	switch param {
	case "d0":
		return p.D0
	case "coinbase_x":
		return p.CoinbaseX
	case "evaluator_mint_per_burn":
		return p.MPB
	case "demand_burn_fraction":
		return p.Burn
	case "fees_alpha":
		return p.Alpha
	}
	return 0
}

// genesis adjustments that put a world at the point.
func (p washPoint) mint(g *minttypes.GenesisState) {
	def := minttypes.DefaultParams()
	g.Params.EmissionRate = def.EmissionRate.Mul(decOf(p.CoinbaseX))
	g.Params.EvaluatorMintPerBurn = decOf(p.MPB)
	// A fixed difficulty (no retarget within a run) at which the market's
	// rounds last ~70 blocks (~6 min), near target_round_seconds: the
	// issuance per block the attackers compete for is then close to a
	// real chain's at the same coinbase, and a round holds many optima, so
	// payouts follow work shares.
	g.Params.InitialDifficulty = sdkmath.LegacyOneDec()
}

func (p washPoint) evaluation(g *evaluationtypes.GenesisState) {
	g.Params.DemandBurnFraction = decOf(p.Burn)
}

func (p washPoint) weights(g *weightstypes.GenesisState) {
	g.Params.D0 = decOf(p.D0)
	g.Params.Fees.Alpha = decOf(p.Alpha)
}

func decOf(v float64) sdkmath.LegacyDec {
	return sdkmath.LegacyMustNewDecFromStr(strconv.FormatFloat(v, 'f', -1, 64))
}

func fmtNum(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
