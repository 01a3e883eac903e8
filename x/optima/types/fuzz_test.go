package types_test

import (
	"testing"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"

	"github.com/don-network/don/x/internal/fuzzkit"
	"github.com/don-network/don/x/optima/types"
)

// badRegimeAR is the config of issue 8 that panicked: a bad value, then a
// list of the wrong length.
const badRegimeAR = `{"regime_ar": {"lags": 2, "series_length": 64, "burn_in": 8,
 "constant": ["x", "0"], "phi1": [], "phi2": ["0", "0"], "sigma": ["1", "1"], "stay": ["0.9", "0.9"]}}`

// FuzzResolveDomain: a domain name and a JSON domain config, as a model
// spec or a genesis carries them, resolve or fail; never panic.
func FuzzResolveDomain(f *testing.F) {
	cdc := codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
	for _, name := range []string{"friedman1", "spirals", "regime-ar"} {
		cfg, err := types.DefaultDomainConfig(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(name, cdc.MustMarshalJSON(&cfg))
	}
	f.Add("regime-ar", []byte(badRegimeAR))
	f.Add("regime-ar", []byte(`{"regime_ar": {"lags": 4, "constant": ["0"], "phi1": ["1e999", "0"]}}`))
	f.Add("spirals", []byte(`{"spirals": {"hidden": 4294967295, "noise": "-1", "flip_prob": "2", "turns": "NaN"}}`))
	f.Add("friedman1", []byte(`{"friedman1": {"hidden": 0, "noise": ""}}`))
	f.Add("friedman1", []byte(`{"spirals": {}}`))
	f.Add("mnist", []byte(`{}`))
	f.Fuzz(func(t *testing.T, name string, bz []byte) {
		var cfg types.DomainConfig
		if err := cdc.UnmarshalJSON(bz, &cfg); err != nil {
			return
		}
		dom, typed, err := types.ResolveDomain(name, cfg)
		if err != nil {
			return
		}
		// A resolved config has a size and op estimates.
		_, _ = dom.NumParams(typed)
		_ = dom.EstimateOps(typed, 64)
		_ = dom.GenerateOps(typed, 64)
	})
}

// FuzzGenesisValidate: `dond genesis validate` on x/optima's section.
func FuzzGenesisValidate(f *testing.F) {
	fuzzkit.Genesis(f, types.ModuleName, types.DefaultGenesis(),
		`{"params": {}, "next_model_id": "1", "next_commit_id": "1"}`,
		`{"next_model_id": "1", "next_commit_id": "1", "genesis_models": [{"name": "m", "domain": "regime-ar",
		 "config": `+badRegimeAR+`, "eval_samples": 64, "min_improvement": "0.005", "seed_blocks": 1,
		 "reveal_window": 10, "commit_bond": {"denom": "udon", "amount": "1000"}}]}`,
		`{"next_model_id": "2", "next_commit_id": "1", "models": [{"id": "1", "domain": "spirals", "status": "MODEL_STATUS_ACTIVE",
		 "optimum_count": "1", "num_params": 99}], "optima": [{"model_id": "1", "id": "0", "params": ["1"]}]}`,
		`{"commits": [{"id": "0", "commitment": "AA==", "bond": {"denom": "", "amount": "-1"}}]}`,
	)
}
