package nodetest

import (
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	grpctypes "github.com/cosmos/cosmos-sdk/types/grpc"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/don-network/don/testutil/devnet"
)

// Dial connects to the node's gRPC server for the test's duration, with the
// SDK's gogoproto codec as its own clients use: the default one cannot
// decode the customtype fields (LegacyDec, Int) of some answers.
func Dial(t testing.TB, node *devnet.Node) *grpc.ClientConn {
	t.Helper()
	conn, err := grpc.NewClient(node.GRPC(), grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.ForceCodec(codec.NewProtoCodec(codectypes.NewInterfaceRegistry()).GRPCCodec())))
	require.NoError(t, err)
	t.Cleanup(func() { _ = conn.Close() })
	return conn
}

// At is a context whose queries read the state at height h.
func At(h int64) context.Context {
	return metadata.AppendToOutgoingContext(context.Background(), grpctypes.GRPCBlockHeightHeader, strconv.FormatInt(h, 10))
}

// OnePage asks for a page larger than anything a short test chain holds;
// RequireLastPage checks that it was.
func OnePage() *query.PageRequest { return &query.PageRequest{Limit: 1000} }

func RequireLastPage(t testing.TB, page *query.PageResponse) {
	t.Helper()
	require.True(t, page == nil || len(page.NextKey) == 0, "more than one page")
}
