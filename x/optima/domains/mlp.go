package domains

import (
	"fmt"

	fp "github.com/don-network/don/x/optima/fixedpoint"
)

// mlpShape lists layer widths, input first, e.g. {10, 16, 1}. Hidden layers
// use ReLU; the last layer is linear with one output.
//
// Parameter layout, layer by layer from the input: the layer's weights W
// (out×in, row-major: W[o*in+i] connects input i to output o), then its
// biases (out). A 10→H→1 net is W1 (H×10), b1 (H), W2 (H), b2 (1).
type mlpShape []int

func (s mlpShape) numParams() int {
	n := 0
	for l := 1; l < len(s); l++ {
		n += s[l]*s[l-1] + s[l]
	}
	return n
}

// opsPerRow is the exact op count of one forward pass: a multiply-add per
// weight, an add per bias, a ReLU per hidden unit.
func (s mlpShape) opsPerRow() uint64 {
	var ops uint64
	for l := 1; l < len(s); l++ {
		ops += uint64(s[l]*s[l-1] + s[l])
		if l < len(s)-1 {
			ops += uint64(s[l])
		}
	}
	return ops
}

// mlp is a forward evaluator bound to one parameter vector; it owns its
// scratch buffers so the per-row loop does not allocate.
type mlp struct {
	layers []fp.Affine
	act    [2][]fp.Fixed // ping-pong activations
}

func newMLP(shape mlpShape, params []fp.Fixed) (*mlp, error) {
	if len(params) != shape.numParams() {
		return nil, fmt.Errorf("%w: got %d, want %d", ErrParamsLength, len(params), shape.numParams())
	}
	m := &mlp{layers: make([]fp.Affine, len(shape)-1)}
	widest, off := 0, 0
	for l := 1; l < len(shape); l++ {
		in, out := shape[l-1], shape[l]
		w := params[off : off+out*in]
		b := params[off+out*in : off+out*in+out]
		off += out*in + out
		a, err := fp.NewAffine(out, in, w, b)
		if err != nil {
			return nil, err
		}
		m.layers[l-1] = a
		widest = max(widest, out)
	}
	m.act[0] = make([]fp.Fixed, widest)
	m.act[1] = make([]fp.Fixed, widest)
	return m, nil
}

// forward returns the scalar output for one input row (len = shape[0]).
func (m *mlp) forward(x []fp.Fixed) (fp.Fixed, error) {
	last := len(m.layers) - 1
	for l := range m.layers {
		a := &m.layers[l]
		dst := m.act[l&1][:a.Rows()]
		if err := a.Apply(dst, x); err != nil {
			return 0, err
		}
		if l < last {
			for i, v := range dst {
				dst[i] = v.ReLU()
			}
		}
		x = dst
	}
	return x[0], nil
}

// mlpPredict is the shared Predict of the MLP domains: rows of shape[0]
// inputs to one output each.
func mlpPredict(shape mlpShape, params, inputs []fp.Fixed) ([]fp.Fixed, uint64, error) {
	in := shape[0]
	if len(inputs) == 0 || len(inputs)%in != 0 || len(inputs)/in > MaxUnits {
		return nil, 0, fmt.Errorf("%w: %d values, want k·%d with 1 ≤ k ≤ %d", ErrInputShape, len(inputs), in, MaxUnits)
	}
	m, err := newMLP(shape, params)
	if err != nil {
		return nil, 0, err
	}
	rows := len(inputs) / in
	out := make([]fp.Fixed, rows)
	for i := range out {
		if out[i], err = m.forward(inputs[i*in : i*in+in]); err != nil {
			return nil, 0, err
		}
	}
	return out, uint64(rows) * shape.opsPerRow(), nil
}
