#!/usr/bin/env bash
# Regenerates the committed *.pb.go and *.pb.gw.go from proto/ offline:
# Debian's protoc plus the plugins built from the separate tools/ module.
# The well-known types (google/protobuf/*.proto) come from the gogoproto
# module's protobuf/ folder, not from /usr/include: Debian's protoc only
# recommends libprotobuf-dev, so a --no-install-recommends install lacks them.
set -euo pipefail
cd "$(dirname "$0")/.."

export GOFLAGS=-buildvcs=false GOTOOLCHAIN=local
BIN="$PWD/bin"
command -v protoc >/dev/null || { echo "protoc missing: apt-get install -y protobuf-compiler" >&2; exit 1; }
[ -x "$BIN/protoc-gen-gocosmos" ] && [ -x "$BIN/protoc-gen-grpc-gateway" ] || {
  (cd tools && GOBIN="$BIN" go install tool)
}

mod_dir() { go mod download -json "$1" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p'; }
SDK=$(mod_dir github.com/cosmos/cosmos-sdk)
GOGO=$(mod_dir github.com/cosmos/gogoproto)
CPROTO=$(mod_dir github.com/cosmos/cosmos-proto)
GW=$(mod_dir github.com/grpc-ecosystem/grpc-gateway)

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

for dir in $(find proto -name '*.proto' -exec dirname {} \; | sort -u); do
  files=$(find "$dir" -maxdepth 1 -name '*.proto' | sort)
  PATH="$BIN:$PATH" protoc \
    -I proto -I "$SDK/proto" -I "$GOGO" -I "$GOGO/protobuf" -I "$CPROTO/proto" -I "$GW/third_party/googleapis" \
    --gocosmos_out=plugins=grpc,Mgoogle/protobuf/any.proto=github.com/cosmos/gogoproto/types/any:"$OUT" \
    --grpc-gateway_out=logtostderr=true,allow_colon_final_segments=true:"$OUT" \
    $files
done

cp -r "$OUT"/github.com/don-network/don/* ./
echo "generated: $(cd "$OUT" && find . -name '*.go' | wc -l) files"
