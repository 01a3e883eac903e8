package domains

import (
	fp "github.com/don-network/don/x/optima/fixedpoint"
)

// Float64 reference implementations of the three losses, used to check the
// fixed-point engine against ordinary floating point and as the benchmark
// baseline. Floats are fine here: test files are not consensus code.

func toF(v fp.Fixed) float64 { return float64(v) / float64(fp.One) }

func toFs(v []fp.Fixed) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = toF(x)
	}
	return out
}

// floatMLP mirrors mlp: same shape and parameter layout.
type floatMLP struct {
	shape  mlpShape
	params []float64
	act    [2][]float64
}

func newFloatMLP(shape mlpShape, params []float64) *floatMLP {
	w := 0
	for _, s := range shape {
		w = max(w, s)
	}
	return &floatMLP{shape: shape, params: params, act: [2][]float64{make([]float64, w), make([]float64, w)}}
}

func (m *floatMLP) forward(x []float64) float64 {
	off := 0
	last := len(m.shape) - 1
	for l := 1; l < len(m.shape); l++ {
		in, out := m.shape[l-1], m.shape[l]
		w := m.params[off : off+out*in]
		b := m.params[off+out*in : off+out*in+out]
		off += out*in + out
		dst := m.act[l&1][:out]
		for o := range dst {
			row := w[o*in : o*in+in]
			s := b[o]
			for i, xv := range x {
				s += row[i] * xv
			}
			if l < last && s < 0 {
				s = 0
			}
			dst[o] = s
		}
		x = dst
	}
	return x[0]
}

type floatLoss struct {
	mean    float64
	perUnit []float64
}

// floatSamples is a Samples converted to float64 once.
type floatSamples struct {
	units, inDim, outDim int
	inputs, targets      []float64
}

func toFloatSamples(s *Samples) *floatSamples {
	return &floatSamples{s.Units, s.InputDim, s.OutputDim, toFs(s.Inputs), toFs(s.Targets)}
}

func refFriedman1(c Friedman1Config, params []float64, s *floatSamples) floatLoss {
	m := newFloatMLP(Friedman1{}.shape(c), params)
	per := make([]float64, s.units)
	sum := 0.0
	for i := range per {
		e := m.forward(s.inputs[i*10:i*10+10]) - s.targets[i]
		per[i] = e * e
		sum += per[i]
	}
	return floatLoss{sum / float64(s.units), per}
}

// refSpiralsOutputs returns the raw network outputs (for tie analysis).
func refSpiralsOutputs(c SpiralsConfig, params []float64, s *floatSamples) []float64 {
	m := newFloatMLP(Spirals{}.shape(c), params)
	out := make([]float64, s.units)
	for i := range out {
		out[i] = m.forward(s.inputs[2*i : 2*i+2])
	}
	return out
}

func refSpirals(c SpiralsConfig, params []float64, s *floatSamples) floatLoss {
	m := newFloatMLP(Spirals{}.shape(c), params)
	per := make([]float64, s.units)
	wrong := 0
	for i := range per {
		if (m.forward(s.inputs[2*i:2*i+2]) > 0) != (s.targets[i] > 0) {
			per[i] = 1
			wrong++
		}
	}
	return floatLoss{float64(wrong) / float64(s.units), per}
}

func refRegimeAR(c RegimeARConfig, params []float64, s *floatSamples) floatLoss {
	k, T := int(c.Lags), int(c.Length)
	w, b := params[:k], params[k]
	per := make([]float64, s.units)
	sum := 0.0
	for i := range per {
		series := s.inputs[i*T : (i+1)*T]
		sse := 0.0
		for t := k; t < T; t++ {
			p := b
			for j, wv := range w {
				p += wv * series[t-k+j]
			}
			e := p - series[t]
			sse += e * e
		}
		per[i] = sse / float64(T-k)
		sum += per[i]
	}
	return floatLoss{sum / float64(s.units), per}
}
