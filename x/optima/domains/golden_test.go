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
		"2222a5aea423fad43ebb934d3e1aea51d48cbfb6d1ca0bfcaf5af52b51e4f27a",
		"e6b6d018c6179c6d3974eebd3c31396ca228ecd831c0128ae5ee479b6abb7bf3",
		"efd906fe0b2529d4644d6d2d4e55f81c6c2d5bf2faf276316377fbd3ae3fe4bc",
	},
	"regime-ar": {
		"31134dd099030107d73d64828d4197e519b87bca09ceec4979a8f18c38e1c450",
		"5cfec3d3cdfa99267c3699bd282f7f27db0ab619d782a778fc2f09c75eb9be0f",
		"81cc7f61db770ca031af479e5d4e14c55ae427bb2aa70dce606d214020c0f447",
	},
	"spirals": {
		"d7a1fe115ace4a2263d6b3e3e96bfd6d1fa894581d32ce8eeef044beca42e4a1",
		"fd9c416fe6acd01d6b3d0bec60740d32993f1926f5233d734cde47d27d2c26df",
		"cc9d06e46bcba7032e0cd6e702fd44ef6ccc3e428b6aceda68b4a69101458136",
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
