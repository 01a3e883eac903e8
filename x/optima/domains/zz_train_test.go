package domains

import (
	"fmt"
	"math"
	"math/rand"
	"os"
	"testing"

	fp "github.com/don-network/don/x/optima/fixedpoint"
)

// Temporary: train 2→H→H→1 with Adam on logistic loss, report fixed-point error.
func TestTmpTrainSpirals(t *testing.T) {
	d := Spirals{}
	c := d.DefaultConfig().(SpiralsConfig)
	if v := os.Getenv("TURNS"); v != "" {
		c.Turns, _ = fp.ParseDecimal(v)
	}
	if v := os.Getenv("NOISE"); v != "" {
		c.Noise, _ = fp.ParseDecimal(v)
	}
	H := int(c.Hidden)
	s := mustGenerate(t, d, c, "train", 3000)
	fs := toFloatSamples(s)
	shape := d.shape(c)
	np := shape.numParams()
	rng := rand.New(rand.NewSource(1))
	best := 1.0
	var bestP []fp.Fixed
	for restart := 0; restart < 5; restart++ {
		p := make([]float64, np)
		off := 0
		for l := 1; l < len(shape); l++ {
			in, out := shape[l-1], shape[l]
			sc := math.Sqrt(2 / float64(in))
			for i := 0; i < in*out; i++ {
				p[off+i] = rng.NormFloat64() * sc
			}
			off += in*out + out
		}
		m1, m2 := make([]float64, np), make([]float64, np)
		g := make([]float64, np)
		lr := 0.01
		acts := make([][]float64, len(shape))
		pre := make([][]float64, len(shape))
		for l := range shape {
			acts[l] = make([]float64, shape[l])
			pre[l] = make([]float64, shape[l])
		}
		delta := make([][]float64, len(shape))
		for l := range shape {
			delta[l] = make([]float64, shape[l])
		}
		for it := 1; it <= 4000; it++ {
			for i := range g {
				g[i] = 0
			}
			for u := 0; u < s.Units; u++ {
				copy(acts[0], fs.inputs[2*u:2*u+2])
				off := 0
				for l := 1; l < len(shape); l++ {
					in, out := shape[l-1], shape[l]
					for o := 0; o < out; o++ {
						z := p[off+in*out+o]
						for i := 0; i < in; i++ {
							z += p[off+o*in+i] * acts[l-1][i]
						}
						pre[l][o] = z
						if l < len(shape)-1 && z < 0 {
							z = 0
						}
						acts[l][o] = z
					}
					off += in*out + out
				}
				y := fs.targets[u]
				z := acts[len(shape)-1][0]
				// d/dz log(1+exp(-y z)) = -y/(1+exp(y z))
				delta[len(shape)-1][0] = -y / (1 + math.Exp(y*z))
				offs := make([]int, len(shape))
				o2 := 0
				for l := 1; l < len(shape); l++ {
					offs[l] = o2
					o2 += shape[l]*shape[l-1] + shape[l]
				}
				for l := len(shape) - 1; l >= 1; l-- {
					in, out := shape[l-1], shape[l]
					off := offs[l]
					for i := 0; i < in; i++ {
						delta[l-1][i] = 0
					}
					for o := 0; o < out; o++ {
						dz := delta[l][o]
						if l < len(shape)-1 && pre[l][o] < 0 {
							dz = 0
						}
						g[off+in*out+o] += dz
						for i := 0; i < in; i++ {
							g[off+o*in+i] += dz * acts[l-1][i]
							delta[l-1][i] += dz * p[off+o*in+i]
						}
					}
				}
			}
			for i := range p {
				gi := g[i] / float64(s.Units)
				m1[i] = 0.9*m1[i] + 0.1*gi
				m2[i] = 0.999*m2[i] + 0.001*gi*gi
				mh := m1[i] / (1 - math.Pow(0.9, float64(it)))
				vh := m2[i] / (1 - math.Pow(0.999, float64(it)))
				p[i] -= lr * mh / (math.Sqrt(vh) + 1e-8)
			}
		}
		q := make([]fp.Fixed, np)
		for i := range q {
			q[i] = fromF(p[i])
		}
		test := mustGenerate(t, d, c, "test", 20000)
		res := mustLoss(t, d, c, q, test)
		t.Logf("restart %d: fresh-data error %s (H=%d)", restart, res.Mean, H)
		if e := toF(res.Mean); e < best {
			best, bestP = e, q
		}
	}
	out := "[]fp.Fixed{"
	for _, v := range bestP {
		out += fmt.Sprintf("%d, ", v.Raw())
	}
	t.Log(out + "}")
}
