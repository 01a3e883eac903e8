package cli

import (
	"context"
	"fmt"

	"github.com/don-network/don/x/evaluation/types"
	optimatypes "github.com/don-network/don/x/optima/types"
)

// precheckRequest checks a request's inputs against the model and the
// x/evaluation params (width, max_rows, max_abs_input) before it is
// broadcast: a file far over max_rows would otherwise fail at the node's
// HTTP body limit with no word about max_rows.
func precheckRequest(ctx context.Context, eq types.QueryClient, oq optimatypes.QueryClient, modelID uint64, inputs []int64, width int) error {
	pr, err := eq.Params(ctx, &types.QueryParamsRequest{})
	if err != nil {
		return fmt.Errorf("reading x/evaluation params: %w", err)
	}
	mr, err := oq.Model(ctx, &optimatypes.QueryModelRequest{ModelId: modelID})
	if err != nil {
		return fmt.Errorf("model %d: %w", modelID, err)
	}
	if mr.Model.Status != optimatypes.MODEL_STATUS_ACTIVE {
		return types.ErrModelNotActive.Wrapf("model %d is %s", modelID, mr.Model.Status)
	}
	dom, cfg, err := optimatypes.ResolveDomain(mr.Model.Domain, mr.Model.Config)
	if err != nil {
		return err
	}
	if want := dom.InputDim(cfg); width != want {
		return types.ErrInvalidInputs.Wrapf("the inputs have %d columns, model %d (%s) takes %d", width, modelID, mr.Model.Domain, want)
	}
	_, err = types.CheckInputs(pr.Params, dom, cfg, inputs)
	return err
}
