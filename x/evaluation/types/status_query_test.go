package types_test

import (
	"net/url"
	"testing"

	"github.com/grpc-ecosystem/grpc-gateway/runtime"
	"github.com/grpc-ecosystem/grpc-gateway/utilities"
	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/evaluation/types"
)

// REST `requests?status=REQUEST_STATUS_SLASHED` used to fail: the gateway
// looks enum names up in a registry the gogoproto enums are not in.
func TestRESTStatusAcceptsEnumNames(t *testing.T) {
	for in, want := range map[string]types.RequestStatus{
		"REQUEST_STATUS_SLASHED": types.REQUEST_STATUS_SLASHED,
		"slashed":                types.REQUEST_STATUS_SLASHED,
		"SETTLED":                types.REQUEST_STATUS_SETTLED,
		"1":                      types.REQUEST_STATUS_OPEN,
	} {
		var req types.QueryRequestsRequest
		err := runtime.PopulateQueryParameters(&req, url.Values{"status": {in}}, utilities.NewDoubleArray(nil))
		require.NoError(t, err, in)
		require.Equal(t, want, req.Status, in)
	}
	var req types.QueryRequestsRequest
	require.Error(t, runtime.PopulateQueryParameters(&req, url.Values{"status": {"BOGUS"}}, utilities.NewDoubleArray(nil)))
}
