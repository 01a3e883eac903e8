//go:build sims

package app_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"
	dbm "github.com/cosmos/cosmos-db"

	"github.com/cosmos/cosmos-sdk/baseapp"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/kv"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"
	simcli "github.com/cosmos/cosmos-sdk/x/simulation/client/cli"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/don-network/don/app"
	"github.com/don-network/don/testutil/simkit"
)

// The SDK's simulator flags (-NumBlocks, -BlockSize, -Seed, -Verbose, …)
// plus -Seeds, the seeds one run goes through (make sim-app, make
// sim-app-long; docs/simulation.md).
var flagSeeds = flag.String("Seeds", "1,2,7", "comma-separated simulation seeds; -Seed, when given, runs that one alone")

func init() { simcli.GetSimulatorFlags() }

// genesisTime fixes the simulated genesis time: the SDK's default is the
// wall clock at start, which would make two processes' runs differ.
const genesisTime = 1_700_000_000

func seeds(t *testing.T) []int64 {
	if flagGiven("Seed") {
		return []int64{simcli.FlagSeedValue}
	}
	var out []int64
	for _, s := range strings.Split(*flagSeeds, ",") {
		seed, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		require.NoError(t, err, "-Seeds")
		out = append(out, seed)
	}
	return out
}

func flagGiven(name string) bool {
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}

func simConfig() simtypes.Config {
	cfg := simcli.NewConfigFromFlags()
	cfg.ChainID = simsx.SimAppChainID
	if !flagGiven("GenesisTime") {
		cfg.GenesisTime = genesisTime
	}
	return cfg
}

// newSimApp is the app with DON's invariants checked at the end of every
// block: a broken one fails the block and the run.
func newSimApp(logger log.Logger, db dbm.DB, loadLatest bool, appOpts servertypes.AppOptions, opts ...func(*baseapp.BaseApp)) *app.App {
	a, err := app.New(logger, db, loadLatest, checkingInvariants{appOpts}, opts...)
	if err != nil {
		panic(err)
	}
	return a
}

type checkingInvariants struct{ servertypes.AppOptions }

func (o checkingInvariants) Get(key string) any {
	if key == app.FlagCheckInvariants {
		return true
	}
	return o.AppOptions.Get(key)
}

func stateFactory(a *app.App) simsx.SimStateFactory {
	return simsx.SimStateFactory{
		Codec:         a.AppCodec(),
		AppStateFn:    simtestutil.AppStateFn(a.AppCodec(), a.SimulationManager(), a.DefaultGenesis()),
		BlockedAddr:   app.BlockedAddresses(),
		AccountSource: a.AccountKeeper,
		BalanceSource: a.BankKeeper,
	}
}

// runSeeds runs the simulation once per seed, prints its operations per
// message kind, then runs each post-run action.
func runSeeds(t *testing.T, seedList []int64, post ...func(testing.TB, simsx.TestInstance[*app.App], []simtypes.Account)) {
	t.Helper()
	for _, seed := range seedList {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			cfg := simConfig()
			cfg.ExportStatsPath = filepath.Join(t.TempDir(), "stats.json")
			simsx.RunWithSeed(t, cfg, newSimApp, stateFactory, seed, nil, append([]func(testing.TB, simsx.TestInstance[*app.App], []simtypes.Account){printStats(cfg.ExportStatsPath)}, post...)...)
		})
	}
}

// printStats prints, per message kind, the operations delivered (ok) and
// those a factory skipped for want of a valid message (the simulator's
// "failure": a delivery that fails unexpectedly fails the whole run), and
// the invalid messages refused with their expected error.
func printStats(path string) func(testing.TB, simsx.TestInstance[*app.App], []simtypes.Account) {
	return func(tb testing.TB, ti simsx.TestInstance[*app.App], _ []simtypes.Account) {
		tb.Helper()
		bz, err := os.ReadFile(path)
		require.NoError(tb, err)
		var stats map[string]map[string]map[string]int
		require.NoError(tb, json.Unmarshal(bz, &stats))
		var lines []string
		for module, ops := range stats {
			for op, results := range ops {
				lines = append(lines, fmt.Sprintf("%-12s %-52s ok %5d  skipped %5d", module, op, results["ok"], results["failure"]))
			}
		}
		sort.Strings(lines)
		var refused []string
		simkit.Refused.Range(func(k, v any) bool {
			refused = append(refused, fmt.Sprintf("refused as expected: %-60s %5d", k, v.(*atomic.Int64).Load()))
			simkit.Refused.Delete(k)
			return true
		})
		sort.Strings(refused)
		ctx := ti.App.NewContextLegacy(true, cmtproto.Header{Height: ti.App.LastBlockHeight()})
		minter, err := ti.App.MintKeeper.Minter.Get(ctx)
		require.NoError(tb, err)
		fmt.Printf("+++ operations (seed %d, %d blocks × %d):\n%s\n%s\nx/mint: round %d open, %s minted in all\n",
			ti.Cfg.Seed, ti.Cfg.NumBlocks, ti.Cfg.BlockSize, strings.Join(lines, "\n"), strings.Join(refused, "\n"),
			minter.Round, minter.MintedTotal)
	}
}

// TestFullAppSimulation runs every module's operations, DON's included, for
// -NumBlocks blocks of -BlockSize operations, with DON's invariants checked
// at the end of every block.
func TestFullAppSimulation(t *testing.T) {
	runSeeds(t, seeds(t))
}

// TestAppImportExport exports a simulated chain, imports it into a fresh
// app and requires every store equal.
func TestAppImportExport(t *testing.T) {
	runSeeds(t, seeds(t), func(tb testing.TB, ti simsx.TestInstance[*app.App], _ []simtypes.Account) {
		tb.Helper()
		a := ti.App
		exported, err := a.ExportAppStateAndValidators(false, nil, nil)
		require.NoError(tb, err)

		fresh := simsx.NewSimulationAppInstance(tb, ti.Cfg, newSimApp).App
		var genesis map[string]json.RawMessage
		require.NoError(tb, json.Unmarshal(exported.AppState, &genesis))
		ctxA := a.NewContextLegacy(true, cmtproto.Header{Height: a.LastBlockHeight()})
		ctxB := fresh.NewContextLegacy(true, cmtproto.Header{Height: a.LastBlockHeight()})
		_, err = fresh.ModuleManager.InitGenesis(ctxB, fresh.AppCodec(), genesis)
		if isEmptyValidatorSet(err) {
			tb.Skip("every validator unbonded: nothing to import")
		}
		require.NoError(tb, err)
		require.NoError(tb, fresh.StoreConsensusParams(ctxB, exported.ConsensusParams))

		assertEqualStores(tb, a, fresh, ctxA, ctxB)
	})
}

// TestAppSimulationAfterImport exports a simulated chain for zero height
// (the hard-fork path), starts a new chain from it and simulates on.
func TestAppSimulationAfterImport(t *testing.T) {
	runSeeds(t, seeds(t), func(tb testing.TB, ti simsx.TestInstance[*app.App], accs []simtypes.Account) {
		tb.Helper()
		exported, err := ti.App.ExportAppStateAndValidators(true, nil, nil)
		require.NoError(tb, err)
		importFactory := func(a *app.App) simsx.SimStateFactory {
			return simsx.SimStateFactory{
				Codec: a.AppCodec(),
				AppStateFn: func(_ *rand.Rand, _ []simtypes.Account, cfg simtypes.Config) (json.RawMessage, []simtypes.Account, string, time.Time) {
					_, err := a.InitChain(&abci.RequestInitChain{AppStateBytes: exported.AppState, ChainId: simsx.SimAppChainID})
					if isEmptyValidatorSet(err) {
						tb.Skip("every validator unbonded: nothing to import")
					}
					require.NoError(tb, err)
					// The same accounts, whose keys the first run holds.
					return exported.AppState, accs, cfg.ChainID, time.Unix(cfg.GenesisTime, 0)
				},
				BlockedAddr:   app.BlockedAddresses(),
				AccountSource: a.AccountKeeper,
				BalanceSource: a.BankKeeper,
			}
		}
		cfg := ti.Cfg
		cfg.InitialBlockHeight = max(1, int(exported.Height)) // a zero-height genesis starts at 1
		// A zero-height export gives unbonding entries creation height 0
		// (the SDK's rule: they stay slashable for any infraction of the
		// new chain), and x/staking refuses to cancel an entry of height 0,
		// which its own simulation does not expect: no cancels after import.
		cfg.ParamsFile = filepath.Join(tb.TempDir(), "weights.json")
		require.NoError(tb, os.WriteFile(cfg.ParamsFile, []byte(`{"op_weight_msg_cancel_unbonding_delegation": 0}`), 0o600))
		simsx.RunWithSeed(tb, cfg, newSimApp, importFactory, cfg.Seed, cfg.FuzzSeed)
	})
}

// TestAppStateDeterminism runs each seed twice and requires the same app
// hash at the end.
func TestAppStateDeterminism(t *testing.T) {
	const runsPerSeed = 2
	var (
		mu     sync.Mutex
		hashes = map[int64][]byte{}
	)
	check := func(tb testing.TB, ti simsx.TestInstance[*app.App], _ []simtypes.Account) {
		tb.Helper()
		hash := ti.App.LastCommitID().Hash
		mu.Lock()
		defer mu.Unlock()
		if first, ok := hashes[ti.Cfg.Seed]; ok {
			require.Equal(tb, first, hash, "seed %d: a second run ended on another app hash", ti.Cfg.Seed)
			return
		}
		hashes[ti.Cfg.Seed] = hash
	}
	cfg := simConfig()
	for _, seed := range seeds(t) {
		for run := 1; run <= runsPerSeed; run++ {
			t.Run(fmt.Sprintf("seed=%d/run=%d", seed, run), func(t *testing.T) {
				simsx.RunWithSeed(t, cfg, newSimApp, stateFactory, seed, nil, check)
			})
		}
	}
	require.Len(t, hashes, len(seeds(t)))
}

func isEmptyValidatorSet(err error) bool {
	return err != nil && strings.Contains(err.Error(), "validator set is empty after InitGenesis")
}

// skipPrefixes are store regions whose order or content legitimately
// differs after an import: queues keyed by time and the staking history
// that InitGenesis does not restore.
var skipPrefixes = map[string][][]byte{
	stakingtypes.StoreKey: {
		stakingtypes.UnbondingQueueKey, stakingtypes.RedelegationQueueKey, stakingtypes.ValidatorQueueKey,
		stakingtypes.UnbondingIDKey, stakingtypes.UnbondingIndexKey, stakingtypes.UnbondingTypeKey,
		stakingtypes.HistoricalInfoKey, stakingtypes.ValidatorUpdatesKey,
	},
	slashingtypes.StoreKey: {slashingtypes.ValidatorMissedBlockBitmapKeyPrefix},
	"upgrade":              {{}}, // the upgrade store is not exported
}

// diffLog decodes the differing pairs, or shows them in hex where a
// module's decoder does not know a key.
func diffLog(store string, decoders simtypes.StoreDecoderRegistry, a, b []kv.Pair) (log string) {
	defer func() {
		if recover() != nil {
			log = ""
			for i := range a {
				log += fmt.Sprintf("A %x = %x\nB %x = %x\n", a[i].Key, a[i].Value, b[i].Key, b[i].Value)
			}
		}
	}()
	return simtestutil.GetSimulationLog(store, decoders, a, b)
}

func assertEqualStores(tb testing.TB, a, b *app.App, ctxA, ctxB sdk.Context) {
	tb.Helper()
	decoders := a.SimulationManager().StoreDecoders
	for _, keyA := range a.GetStoreKeys() {
		kvKey, ok := keyA.(*storetypes.KVStoreKey)
		if !ok {
			continue
		}
		prefixes := skipPrefixes[kvKey.Name()]
		if len(prefixes) == 1 && len(prefixes[0]) == 0 {
			continue
		}
		keyB := b.UnsafeFindStoreKey(kvKey.Name())
		require.NotNil(tb, keyB, kvKey.Name())
		diffA, diffB := simtestutil.DiffKVStores(ctxA.KVStore(kvKey), ctxB.KVStore(keyB), prefixes)
		require.Equal(tb, len(diffA), len(diffB), "%s: unequal sets of key-values", kvKey.Name())
		require.Empty(tb, diffA, "%s differs after import:\n%s", kvKey.Name(), diffLog(kvKey.Name(), decoders, diffA, diffB))
		tb.Logf("store %s: equal after import", kvKey.Name())
	}
}
