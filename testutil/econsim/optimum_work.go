package econsim

import optimatypes "github.com/don-network/don/x/optima/types"

// OptimumWork is the work x/optima credited for an accepted optimum
// (weight at acceptance × increment), read from the optimum's record.
func (w *World) OptimumWork(modelID, optimumID uint64) (float64, error) {
	o, err := w.Q.Optima.Optimum(w.Ctx, &optimatypes.QueryOptimumRequest{ModelId: modelID, OptimumId: optimumID})
	if err != nil {
		return 0, err
	}
	return Float64(o.Optimum.Work), nil
}
