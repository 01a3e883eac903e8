package keeper

import "github.com/don-network/don/x/evaluation/types"

// Optima is the x/optima keeper the module reads models and pinned optima
// from. The app simulation's factories (x/evaluation/simulation) read it
// too: requests need the model's input width, results the pinned optimum.
func (k *Keeper) Optima() types.OptimaKeeper { return k.optima }
