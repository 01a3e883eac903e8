package experiments

import (
	"math"
	"sort"

	"gonum.org/v1/plot/plotter"

	"github.com/don-network/don/testutil/econsim"
)

// washPanels are the sweep's panels: the parameter, its axis label and
// whether the axis is logarithmic.
var washPanels = []struct {
	param, label string
	log          bool
}{
	{"d0", "d0 (udon per block)", true},
	{"coinbase_x", "coinbase (multiple of max_supply × emission_rate default)", true},
	{"evaluator_mint_per_burn", "evaluator_mint_per_burn (udon minted per udon of evaluator work)", false},
	{"demand_burn_fraction", "demand_burn_fraction (fraction of each price)", false},
	{"fees_alpha", "fees filter α (per block)", false},
}

// washFigure draws, for every swept parameter, each attacker's mean profit
// against the parameter (the others at their defaults), on a signed log
// scale so that a loss of a few hundred udon and a gain of 10⁹ both show,
// with the zero line dashed: where a line crosses it, the attack turns
// profitable.
func washFigure(rows []washRow, quick bool) *econsim.Figure {
	means := washMeans(rows)
	fig := &econsim.Figure{}
	for _, pp := range washPanels {
		swept := false
		for _, m := range means {
			swept = swept || m.Point.Swept == pp.param
		}
		if !swept {
			continue
		}
		panel := econsim.Panel{Title: "Attack profit vs " + pp.param + " (others at default)", X: pp.label,
			Y: "mean profit, sign × log10(1 + |udon| / 1000)", LogX: pp.log}
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, name := range washMarketAttackers[1:] {
			var xy plotter.XYs
			for _, m := range means {
				if m.Name != name || (m.Point.Swept != pp.param && m.Point.Name != "default") {
					continue
				}
				x := m.Point.value(pp.param)
				xy = append(xy, plotter.XY{X: x, Y: signedLog(m.Profit)})
				lo, hi = min(lo, x), max(hi, x)
			}
			sort.Slice(xy, func(i, j int) bool { return xy[i].X < xy[j].X })
			panel.Series = append(panel.Series, econsim.Series{Name: name, XY: xy, Points: quick})
		}
		panel.Series = append(panel.Series, econsim.Series{Name: "zero profit", XY: plotter.XYs{{X: lo, Y: 0}, {X: hi, Y: 0}}, Dashed: true})
		fig.Panels = append(fig.Panels, panel)
	}
	return fig
}

// signedLog is sign(x) · log10(1 + |x| / 1000).
func signedLog(x float64) float64 {
	return math.Copysign(math.Log10(1+math.Abs(x)/1000), x)
}
