package train

import (
	"crypto/sha256"
	"encoding/binary"

	"github.com/don-network/don/x/optima/domains"
	"github.com/don-network/don/x/optima/fixedpoint"
)

// FixedLoss measures raw Q39.24 params with the domain's own fixed-point
// Loss (the chain's arithmetic) on n fresh units, drawn in chunks from
// seeds derived from seed; it returns the mean loss over all units.
func FixedLoss(dom domains.Domain, cfg domains.Config, params []int64, n int, seed uint64) (float64, error) {
	p := make([]fixedpoint.Fixed, len(params))
	for i, v := range params {
		p[i] = fixedpoint.FromRaw(v)
	}
	const chunk = 4096
	var sum float64
	for done, i := 0, uint64(0); done < n; i++ {
		m := min(chunk, n-done)
		var b [16]byte
		binary.BigEndian.PutUint64(b[:8], seed)
		binary.BigEndian.PutUint64(b[8:], i)
		samples, err := dom.Generate(cfg, sha256.Sum256(b[:]), m)
		if err != nil {
			return 0, err
		}
		res, err := dom.Loss(cfg, p, samples)
		if err != nil {
			return 0, err
		}
		sum += float64(res.Mean.Raw()) / scale * float64(m)
		done += m
	}
	return sum / float64(n), nil
}
