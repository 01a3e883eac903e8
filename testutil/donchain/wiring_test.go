package donchain

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"cosmossdk.io/core/appmodule"
	"cosmossdk.io/log/v2"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/client/flags"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"

	"github.com/don-network/don/app"
)

// TestWiringMatchesApp builds the real app and a chain and compares what
// can drift between them: the keepers' dependencies, the module accounts,
// the blocked addresses, the stores and the genesis, Begin- and EndBlock
// orders of DON's modules.
func TestWiringMatchesApp(t *testing.T) {
	// a home of its own: x/upgrade makes its data directory there.
	a, err := app.New(log.NewNopLogger(), dbm.NewMemDB(), true, simtestutil.AppOptionsMap{flags.FlagHome: t.TempDir()})
	require.NoError(t, err)
	c := New(t, Options{})

	// The app's x/distribution keeper is the fixture's community pool.
	standIns := map[string]string{
		typeName(reflect.TypeOf(a.DistrKeeper)): typeName(reflect.TypeOf(c.Community)),
	}
	appKeepers := map[uintptr]string{
		reflect.ValueOf(a.WeightsKeeper).Pointer():    "weights",
		reflect.ValueOf(a.MintKeeper).Pointer():       "mint",
		reflect.ValueOf(a.OptimaKeeper).Pointer():     "optima",
		reflect.ValueOf(a.EvaluationKeeper).Pointer(): "evaluation",
	}
	chainKeepers := map[uintptr]string{
		reflect.ValueOf(c.Weights).Pointer():    "weights",
		reflect.ValueOf(c.Mint).Pointer():       "mint",
		reflect.ValueOf(c.Optima).Pointer():     "optima",
		reflect.ValueOf(c.Evaluation).Pointer(): "evaluation",
	}
	authority := "authority = " + c.Authority
	for _, k := range []struct {
		module     string
		app, chain any
		// some of what deps must see, so that it cannot pass on nothing
		mustSee []string
	}{
		{"weights", a.WeightsKeeper, c.Weights, []string{authority}},
		{"mint", a.MintKeeper, c.Mint, []string{authority, "feeCollector = fee_collector", "weights → weights keeper"}},
		{"optima", a.OptimaKeeper, c.Optima, []string{"weights → weights keeper", "mint → mint keeper"}},
		{"evaluation", a.EvaluationKeeper, c.Evaluation, []string{"optima → optima keeper", "mint → mint keeper"}},
	} {
		appDeps := deps(k.app, appKeepers, standIns)
		chainDeps := deps(k.chain, chainKeepers, nil)
		require.Equal(t, appDeps, chainDeps, "%s keeper wiring", k.module)
		require.Subset(t, chainDeps, k.mustSee, "%s keeper wiring", k.module)
	}

	chainPerms := c.AccountKeeper.GetModulePermissions()
	delete(chainPerms, "faucet") // the fixture's own minter
	require.Equal(t, a.AccountKeeper.GetModulePermissions(), chainPerms, "module accounts")
	require.Equal(t, a.BankKeeper.GetBlockedAddresses(), c.BankKeeper.GetBlockedAddresses(), "blocked addresses")

	for _, name := range storeNames() {
		require.NotNil(t, a.UnsafeFindStoreKey(name), "the app has no store %q", name)
	}

	mm := a.ModuleManager
	isDON := func(name string) bool { return slices.Contains(storeNames(), name) }
	require.Equal(t, filter(mm.OrderInitGenesis, isDON), genesisOrder(), "InitGenesis order")
	require.Equal(t, filter(mm.OrderBeginBlockers, func(n string) bool { return isDON(n) && hasBegin(mm.Modules[n]) }),
		names(c.beginBlockers), "BeginBlock order")
	require.Equal(t, filter(mm.OrderEndBlockers, func(n string) bool { return isDON(n) && hasEnd(mm.Modules[n]) }),
		names(c.endBlockers), "EndBlock order")
	require.Equal(t, []string{"optima", "evaluation", "weights", "mint"}, names(c.endBlockers),
		`docs/overview.md, "Block order"`)
}

// deps describes a keeper's wiring: its string fields (authority, fee
// collector) and what fills each interface field — one of DON's keepers,
// by identity, or the type of another keeper or codec and the string
// fields of a struct value (an address codec's prefix); standIns replace
// a type by the fixture's stand-in for it.
func deps(k any, keepers map[uintptr]string, standIns map[string]string) []string {
	v := reflect.ValueOf(k).Elem()
	var out []string
	for i := 0; i < v.NumField(); i++ {
		name, f := v.Type().Field(i).Name, v.Field(i)
		switch {
		case f.Kind() == reflect.String:
			out = append(out, fmt.Sprintf("%s = %s", name, f.String()))
		case f.Kind() != reflect.Interface:
		case f.IsNil():
			out = append(out, name+" = nil")
		case f.Elem().Kind() == reflect.Pointer && keepers[f.Elem().Pointer()] != "":
			out = append(out, fmt.Sprintf("%s → %s keeper", name, keepers[f.Elem().Pointer()]))
		default:
			e := f.Elem()
			typ := typeName(e.Type())
			if s, ok := standIns[typ]; ok {
				out = append(out, fmt.Sprintf("%s: %s", name, s))
				continue
			}
			if e.Kind() == reflect.Struct {
				for j := 0; j < e.NumField(); j++ {
					if e.Field(j).Kind() == reflect.String {
						typ += fmt.Sprintf(" %s=%s", e.Type().Field(j).Name, e.Field(j).String())
					}
				}
			}
			out = append(out, fmt.Sprintf("%s: %s", name, typ))
		}
	}
	return out
}

func typeName(t reflect.Type) string {
	if t.Kind() == reflect.Pointer {
		return "*" + typeName(t.Elem())
	}
	return t.PkgPath() + "." + t.Name()
}

func filter(in []string, keep func(string) bool) []string {
	var out []string
	for _, s := range in {
		if keep(s) {
			out = append(out, s)
		}
	}
	return out
}

func names(hooks []hook) []string {
	out := make([]string, len(hooks))
	for i, h := range hooks {
		out[i] = h.module
	}
	return out
}

func hasBegin(m any) bool { _, ok := m.(appmodule.HasBeginBlocker); return ok }

func hasEnd(m any) bool { _, ok := m.(appmodule.HasEndBlocker); return ok }
