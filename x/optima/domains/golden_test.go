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
//	pred: outputs ‖ uint64 BE ops of Predict(cfg, goldenParams, rows)
//	loss: PerUnit ‖ Mean ‖ uint64 BE Ops of Loss(cfg, goldenParams, samples)
//
// They must not change: a change means consensus-visible behaviour changed.
// The same values must come out on every GOARCH (checked on arm64 with
// qemu-aarch64-static).
var golden = map[string]goldenHashes{
	"friedman1": {"", "", ""},
	"spirals":   {"", "", ""},
	"regime-ar": {"", "", ""},
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
