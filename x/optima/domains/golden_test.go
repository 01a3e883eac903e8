package domains

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"testing"

	fp "github.com/don-network/don/x/optima/fixedpoint"
)

// goldenParams is a fixed deterministic parameter vector in [-1, 1]:
// p[j] = (((7919·j + 13) mod 2001) − 1000) / 1000.
func goldenParams(n int) []fp.Fixed {
	p := make([]fp.Fixed, n)
	for j := range p {
		p[j] = ratio(int64((7919*j+13)%2001)-1000, 1000)
	}
	return p
}

type goldenHashes struct{ data, pred, loss string }

// golden holds SHA-256 hashes of the canonical big-endian encodings, for
// seed = SHA-256("golden/<domain>") and the default config:
//
//	data: Inputs ‖ Targets of Generate(cfg, seed, n)
//	pred: outputs ‖ uint64 BE ops of Predict(cfg, params, rows)
//	loss: PerUnit ‖ Mean ‖ uint64 BE Ops of Loss(cfg, params, samples)
//
// with params = goldenParams for friedman1 and regime-ar and the trained
// spiralsTrained for spirals; rows = the generated inputs, or for regime-ar
// every K-lag window of the first series.
//
// They must not change: a change means consensus-visible behaviour changed.
// The same values must come out on every GOARCH (checked on arm64 with
// qemu-aarch64-static).
var golden = map[string]goldenHashes{
	"friedman1": {
		"cdb2cec9a56f8b7aea60650178304763735acb263dab806131e4bc97864ed89c",
		"d816c457de9e981b5cdfce1a45774a691f84712f2c7934bda0c12457c72dc696",
		"9fd4f30d22fc33e6f5c8d3135e3a3ec02d3329f4609183b7b56c47165ec3fb5b",
	},
	"regime-ar": {
		"b0fc7fcfccb0fa931cd634e9cf3751eeff3263b387d818039d84d54884833293",
		"7146b1b900093188d3dfa1326619d4f74b54d3ec5b61a302f5bcc1ab1e51c590",
		"806ebd3294676497a48d5497445ae43f3afee3646411eab65935626840b372cb",
	},
	"spirals": {
		"44f852c1bcfdbb7a6729cbbc26d4bafb67f9ffb7fe5eb185be0ecea2f24e9d87",
		"a1cd41e787c646fbcc3c6158db3dd5a00d0613192b208c50a4d1bad457f5eed1",
		"c065a0eff730d1d8edbe5faab044c1c62b6428e96371b1a9bb71173bbf65a95a",
	},
}

var goldenUnits = map[string]int{"friedman1": 64, "spirals": 64, "regime-ar": 16}

func hashHex(parts ...[]byte) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write(p)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func be64(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }

func TestGoldenVectors(t *testing.T) {
	for _, name := range Names() {
		d, _ := Get(name)
		cfg := d.DefaultConfig()
		s := mustGenerate(t, d, cfg, "golden/"+name, goldenUnits[name])
		np, _ := d.NumParams(cfg)
		params := goldenParams(np)
		if name == "spirals" { // goldenParams give a constant class there
			params = rawParams(spiralsTrained)
		}
		rows := s.Inputs
		if name == "regime-ar" { // all K-lag windows of the first series
			c := cfg.(RegimeARConfig)
			k, T := int(c.Lags), int(c.Length)
			rows = nil
			for i := 0; i+k <= T; i++ {
				rows = append(rows, s.Inputs[i:i+k]...)
			}
		}
		out, ops, err := d.Predict(cfg, params, rows)
		if err != nil {
			t.Fatal(err)
		}
		res := mustLoss(t, d, cfg, params, s)
		got := goldenHashes{
			data: hashHex(fp.EncodeBE(s.Inputs), fp.EncodeBE(s.Targets)),
			pred: hashHex(fp.EncodeBE(out), be64(ops)),
			loss: hashHex(fp.EncodeBE(res.PerUnit), fp.EncodeBE([]fp.Fixed{res.Mean}), be64(res.Ops)),
		}
		t.Logf("%s: mean loss %s, ops %d, predict ops %d", name, res.Mean, res.Ops, ops)
		if got != golden[name] {
			t.Errorf("%s golden mismatch:\n\t%q: {%q, %q, %q},", name, name, got.data, got.pred, got.loss)
		}
	}
}
