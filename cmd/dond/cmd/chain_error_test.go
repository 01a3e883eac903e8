package cmd

import (
	"testing"

	errorsmod "cosmossdk.io/errors"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	optimatypes "github.com/don-network/don/x/optima/types"
)

// simulationError builds what the CLI receives when a --gas auto
// simulation fails, step by step as the SDK does it.
func simulationError() error {
	// baseapp: the message handler's error, wrapped with its index.
	inner := errorsmod.Wrapf(errorsmod.Wrap(optimatypes.ErrParamsLength, "got 3 params, the model needs 5"),
		"failed to execute message; message index: %d", 0)
	// x/auth/tx Simulate formats it with %v (which appends a build path).
	sim := status.Errorf(codes.Unknown, "%v with gas used: '%d'", inner, 51234)
	// baseapp's gRPC query router wraps a non-SDK error in ErrUnknownRequest.
	routed := errorsmod.Wrap(sdkerrors.ErrUnknownRequest, sim.Error())
	_, _, log := errorsmod.ABCIInfo(routed, false)
	// client.Context turns the failed ABCI query back into a gRPC status.
	return status.Error(codes.Unknown, log)
}

func TestChainErrorOfFailedSimulation(t *testing.T) {
	raw := simulationError()
	require.Contains(t, raw.Error(), ".go:", "the raw error carries a build path")
	require.Contains(t, raw.Error(), "unknown request")

	got := chainError(raw).Error()
	require.Equal(t, "simulation failed: failed to execute message; message index: 0: "+
		"got 3 params, the model needs 5: parameter vector has the wrong length", got)
}

func TestChainErrorKeepsOtherErrors(t *testing.T) {
	plain := errorsmod.Wrap(optimatypes.ErrModelNotFound, "model 9")
	require.Equal(t, plain, chainError(plain))
	require.NoError(t, chainError(nil))

	// A query's NotFound: only the status prefix goes.
	nf := status.Error(codes.NotFound, "model 9: model not found")
	require.Equal(t, "model 9: model not found", chainError(nf).Error())
}
