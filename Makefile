# DON — build, run and test. See README.md.
export GOTOOLCHAIN := local
export GOFLAGS := -buildvcs=false

BINARY  := build/dond
VERSION ?= $(shell git describe --tags --always 2>/dev/null || echo dev)
COMMIT  ?= $(shell git rev-parse HEAD 2>/dev/null)
LDFLAGS := -X github.com/cosmos/cosmos-sdk/version.Name=don \
           -X github.com/cosmos/cosmos-sdk/version.AppName=dond \
           -X github.com/cosmos/cosmos-sdk/version.Version=$(VERSION) \
           -X github.com/cosmos/cosmos-sdk/version.Commit=$(COMMIT)

# Packages whose results must be bit-identical on every CPU (docs/determinism.md).
CONSENSUS_MATH := ./x/optima/fixedpoint/ ./x/optima/domains/

.PHONY: all build devnet demo localnet sim sim-app sim-app-long test js-deps test-unit test-arm64 fuzz proto-gen proto-check bench lint clean

all: build

build:
	go build -ldflags '$(LDFLAGS)' -o $(BINARY) ./cmd/dond

## devnet: build dond, create a fresh one-node chain from config.yml and run it
devnet: build
	go build -o build/devnet ./scripts/devnet
	./build/devnet --config config.yml --home .devnet --binary $(BINARY)

## localnet: build dond, create a fresh 4-validator chain from config.yml in
## .localnet/ (node i on every default port + 100·i) and run all four nodes
localnet: build
	go build -o build/localnet ./scripts/localnet
	./build/localnet --config config.yml --dir .localnet --binary $(BINARY)

## demo: the localnet with two optimizer agents, an evaluator agent and a
## client sending requests; prints the network's events as they happen
demo: build
	go build -o build/demo ./scripts/demo
	./build/demo --config config.yml --dir .demo --binary $(BINARY)

## sim: every economic experiment of the simulator (cmd/donsim) in its quick
## version: CSV, PNG and verdicts in build/sim/ (docs/economics.md).
## Full runs: go run ./cmd/donsim all --out build/sim (about an hour)
sim:
	go run ./cmd/donsim all --quick --out build/sim

## sim-app: the SDK's app simulation with DON's messages (app/sim_test.go,
## build tag sims): full run, import/export, simulation after a zero-height
## import and determinism, on SIM_SEEDS with SIM_BLOCKS blocks of SIM_OPS
## operations each. Part of make test.
SIM_SEEDS ?= 1,2,3
SIM_BLOCKS ?= 20
SIM_OPS ?= 30
sim-app:
	go test -tags sims -count=1 -timeout 30m -run 'TestFullAppSimulation|TestAppImportExport|TestAppSimulationAfterImport|TestAppStateDeterminism' \
		./app -Seeds=$(SIM_SEEDS) -NumBlocks=$(SIM_BLOCKS) -BlockSize=$(SIM_OPS)

## sim-app-long: the long soak, 500 blocks × 200 operations on SIM_LONG_SEEDS
## (not in make test)
SIM_LONG_SEEDS ?= 1
sim-app-long:
	go test -tags sims -count=1 -timeout 6h -run 'TestFullAppSimulation' ./app -Seeds=$(SIM_LONG_SEEDS) -NumBlocks=500 -BlockSize=200 -v

## test: every test — unit, keeper, end-to-end (real node), arm64 golden vectors, proto drift
test: build js-deps test-unit sim-app test-arm64 fuzz proto-check

## js-deps: install the CosmJS example's pinned npm packages (package-lock.json)
js-deps: examples/cosmjs/node_modules/.package-lock.json

examples/cosmjs/node_modules/.package-lock.json: examples/cosmjs/package-lock.json
	npm ci --prefix examples/cosmjs --no-audit --no-fund

# -p 1: the end-to-end packages each start real nodes on free loopback
# ports, chosen by binding :0 and releasing it; two packages at once could
# be handed the same port between the choice and the node's bind.
test-unit:
	DON_BINARY=$(abspath $(BINARY)) go test -p 1 -count=1 -timeout 30m ./...

test-arm64:
	@command -v qemu-aarch64-static >/dev/null || { echo "qemu-aarch64-static missing: apt-get install -y qemu-user-static"; exit 1; }
	GOARCH=arm64 go test -count=1 -exec qemu-aarch64-static $(CONSENSUS_MATH)

## fuzz: every fuzz target of outside input for FUZZTIME each (one go test
## per target: -fuzz takes one). A crash fails the run and leaves its input
## in the package's testdata/fuzz, which plain go test then replays.
# A count of executions, not a duration: with a duration the fuzzer stops on
# a deadline, and a worker still minimizing a new input then fails the run
# with "context deadline exceeded" on a loaded machine (seen in CI).
FUZZTIME ?= 5000x
FUZZ_TARGETS := \
	FuzzParseDecimal:./x/optima/fixedpoint/ \
	FuzzResolveDomain:./x/optima/types/ \
	FuzzGenesisValidate:./x/optima/types/ \
	FuzzParseParamsJSON:./x/optima/client/cli/ \
	FuzzMsgServer:./x/optima/keeper/ \
	FuzzParseRowsCSV:./x/evaluation/client/cli/ \
	FuzzParseRowsJSON:./x/evaluation/client/cli/ \
	FuzzGenesisValidate:./x/evaluation/types/ \
	FuzzMsgServer:./x/evaluation/keeper/ \
	FuzzGenesisValidate:./x/weights/types/ \
	FuzzGenesisValidate:./x/mint/types/

fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		echo "fuzz $${t%%:*} in $${t#*:}"; \
		go test -run '^$$' -fuzz "^$${t%%:*}\$$" -fuzztime $(FUZZTIME) $${t#*:}; \
	done

## proto-gen: regenerate *.pb.go / *.pb.gw.go offline (Debian protoc + tools/ plugins)
proto-gen:
	./scripts/protocgen.sh

## proto-check: the committed generated code matches proto/
proto-check: proto-gen
	@git diff --exit-code --stat -- '*.pb.go' '*.pb.gw.go' || { echo "generated code is stale: run make proto-gen and commit"; exit 1; }

## bench: fixed-point vs float64 losses, verification gas, weights EndBlock, round close
bench:
	go test -run '^$$' -bench . -benchmem $(CONSENSUS_MATH) ./x/optima/types/ ./x/mint/keeper/
	# x/weights' EndBlock at steady state: 100 committed blocks per model count
	# (the first blocks after setup pay for cold database caches).
	go test -run '^$$' -bench . -benchtime 100x ./x/weights/keeper/
	# x/evaluation's EndBlock benchmark prepares its blocks up front: a fixed count.
	go test -run '^$$' -bench . -benchtime 10x ./x/evaluation/keeper/

## bench-optimizer: loss of the optimizer agent's training after 1, 5 and 15 minutes
## of one core per domain, against the floor (DON_BENCH_MINUTES=1,5 for less)
bench-optimizer:
	GOMAXPROCS=1 go test -run '^$$' -bench BenchmarkOptimizerQuality -benchtime 1x -timeout 0 ./x/optima/client/agent/train/

lint:
	gofmt -l $$(git ls-files '*.go' | grep -v '\.pb\.\(gw\.\)\?go$$')
	go vet ./...

clean:
	rm -rf build bin .devnet .localnet .demo examples/cosmjs/node_modules
