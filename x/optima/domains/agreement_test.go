package domains

import (
	"fmt"
	"math"
	"testing"

	fp "github.com/don-network/don/x/optima/fixedpoint"
)

// Agreement between the fixed-point losses and the float64 references on
// the same samples and params (both converted exactly: every Fixed is a
// float64). Tolerances, documented in the package report:
//
//   - friedman1 and regime-ar: |fixed − float| ≤ relTol·(1 + |float|) for
//     every per-unit loss and for the mean, relTol = 2e-6. The fixed side
//     rounds once per neuron / prediction / square / mean, each ≤ 0.5 ulp
//     (2^-25 ≈ 3e-8); the worst observed is ≈ 2e-7 (friedman1, params ±4).
//   - spirals: per-unit classes agree wherever the float output is farther
//     than outTol = 1e-5 from 0; only near-ties may flip, and the mean
//     differs by at most (number of near-ties)/n.
const (
	relTol = 2e-6
	outTol = 1e-5
)

type paramCase struct {
	name   string
	params []fp.Fixed
}

func checkClose(t *testing.T, what string, got fp.Fixed, want float64) float64 {
	t.Helper()
	diff := math.Abs(toF(got) - want)
	if diff > relTol*(1+math.Abs(want)) {
		t.Fatalf("%s: fixed %s vs float %.10g (diff %.3g)", what, got, want, diff)
	}
	return diff / (1 + math.Abs(want))
}

func TestFriedman1AgreesWithFloat(t *testing.T) {
	d := Friedman1{}
	c := d.DefaultConfig().(Friedman1Config)
	s := mustGenerate(t, d, c, "agree/friedman1", 2000)
	fs := toFloatSamples(s)
	cases := []paramCase{
		{"random±0.3", randParams(t, "f1", 12*16+1, fp.One*3/10)},
		{"random±1", randParams(t, "f2", 12*16+1, fp.One)},
		{"random±4", randParams(t, "f3", 12*16+1, 4*fp.One)},
		{"linear-fit", friedmanLinearParams(c, s)},
	}
	for _, pc := range cases {
		res := mustLoss(t, d, c, pc.params, s)
		ref := refFriedman1(c, toFs(pc.params), fs)
		worst := 0.0
		for i := range ref.perUnit {
			worst = max(worst, checkClose(t, fmt.Sprintf("%s unit %d", pc.name, i), res.PerUnit[i], ref.perUnit[i]))
		}
		checkClose(t, pc.name+" mean", res.Mean, ref.mean)
		t.Logf("%-11s mean fixed %s float %.8f, worst rel per-unit diff %.2g", pc.name, res.Mean, ref.mean, worst)
	}
}

func TestRegimeARAgreesWithFloat(t *testing.T) {
	d := RegimeAR{}
	c := d.DefaultConfig().(RegimeARConfig)
	s := mustGenerate(t, d, c, "agree/regime-ar", 300)
	fs := toFloatSamples(s)
	cases := []paramCase{
		{"random±0.5", randParams(t, "r1", 5, fp.One/2)},
		{"random±2", randParams(t, "r2", 5, 2*fp.One)},
		{"hand-set", []fp.Fixed{0, 0, c.Phi2[0], c.Phi1[0], c.Const[0]}},
		{"least-sq", regimeLSParams(c, s)},
	}
	for _, pc := range cases {
		res := mustLoss(t, d, c, pc.params, s)
		ref := refRegimeAR(c, toFs(pc.params), fs)
		worst := 0.0
		for i := range ref.perUnit {
			worst = max(worst, checkClose(t, fmt.Sprintf("%s series %d", pc.name, i), res.PerUnit[i], ref.perUnit[i]))
		}
		checkClose(t, pc.name+" mean", res.Mean, ref.mean)
		t.Logf("%-10s mean fixed %s float %.8f, worst rel per-unit diff %.2g", pc.name, res.Mean, ref.mean, worst)
	}
}

func TestSpiralsAgreesWithFloat(t *testing.T) {
	d := Spirals{}
	c := d.DefaultConfig().(SpiralsConfig)
	s := mustGenerate(t, d, c, "agree/spirals", 4000)
	fs := toFloatSamples(s)
	cases := []paramCase{
		{"random±0.5", randParams(t, "s1", 105, fp.One/2)},
		{"random±2", randParams(t, "s2", 105, 2*fp.One)},
		{"random±8", randParams(t, "s3", 105, 8*fp.One)},
		{"trained", rawParams(spiralsTrained)},
	}
	for _, pc := range cases {
		res := mustLoss(t, d, c, pc.params, s)
		pf := toFs(pc.params)
		ref := refSpirals(c, pf, fs)
		outs := refSpiralsOutputs(c, pf, fs)
		ties := 0
		for i, o := range outs {
			if math.Abs(o) <= outTol {
				ties++
				continue
			}
			if toF(res.PerUnit[i]) != ref.perUnit[i] {
				t.Fatalf("%s unit %d: fixed %s, float %g (output %g)", pc.name, i, res.PerUnit[i], ref.perUnit[i], o)
			}
		}
		if diff := math.Abs(toF(res.Mean) - ref.mean); diff > float64(ties)/float64(s.Units)+1/float64(fp.One) {
			t.Fatalf("%s: mean fixed %s float %g with %d near-ties", pc.name, res.Mean, ref.mean, ties)
		}
		t.Logf("%-10s error fixed %s float %.8f, near-ties %d", pc.name, res.Mean, ref.mean, ties)
	}
}

// spiralsTrained are raw Fixed params of a 2→8→8→1 net trained off-line in
// float64 (Adam, logistic loss) on default-config spirals, then quantized;
// its fixed-point error was 0.0589 on 20,000 fresh points (floor ≈ 0.056).
var spiralsTrained = []int64{
	35812923, -25526751, -61618666, 4575918, 83792775, -15937103, -31997766, 53691662, 90240578,
	57731514, -41996719, -80480109, -29084770, -60771706, 14384371, -91928816, 32397890,
	-22404868, -13357331, -17935698, -17075775, 10150126, 145444, -9980869, 46257765, 10677536,
	-59029733, -29129225, -28071315, -5869306, -26860576, -53418188, -12094424, 15944527,
	16358352, -73853142, 11160739, 22592580, -15527725, 9655744, -10392104, -12282400, -24140338,
	-24165507, -40250279, 40742683, -64179606, -9188437, -39195848, -23217135, -1122492, 7638555,
	26232064, 22267065, -22807897, -77424900, -12615943, 22883689, -15789120, -13420600,
	-39781054, -36339133, -181028080, -2224179, -32772957, 7817319, 5136863, 31229099, 37762696,
	-16262590, 32706489, -88192993, 39467481, -88988554, -30957205, -17691939, -18340268,
	-4522296, -3954106, -36198999, 25666212, -18023527, -65397404, -46597326, -32165059,
	-44600102, -155551330, 20403453, 33854957, -39911584, 20769887, 47837820, 20840248, -30951700,
	17234499, 11093036, -69755265, 74615224, 70672595, 56540388, 69354394, -58913799, 69683386,
	69827802, -73363755,
}

func rawParams(raw []int64) []fp.Fixed {
	p := make([]fp.Fixed, len(raw))
	for i, v := range raw {
		p[i] = fp.FromRaw(v)
	}
	return p
}
