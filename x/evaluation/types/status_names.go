package types

import (
	"strings"

	golangproto "github.com/golang/protobuf/proto" //nolint:staticcheck // the registry grpc-gateway v1 reads
)

// The REST gateway (grpc-gateway v1) parses an enum query parameter with
// the golang/protobuf enum registry, which gogoproto's generated code does
// not fill: `requests?status=REQUEST_STATUS_SLASHED` failed and only the
// number worked. Registering the names here makes the gateway accept the
// enum name, the short name the CLI takes ("slashed") and its upper case.
func init() {
	golangproto.RegisterEnum(requestStatusFullName, nil, requestStatusNames())
}

const requestStatusFullName = "don.evaluation.v1.RequestStatus"

// requestStatusNames maps every accepted spelling to its value.
func requestStatusNames() map[string]int32 {
	names := make(map[string]int32, 3*len(RequestStatus_value))
	for name, v := range RequestStatus_value {
		short := strings.TrimPrefix(name, "REQUEST_STATUS_")
		names[name], names[short], names[strings.ToLower(short)] = v, v, v
	}
	return names
}
