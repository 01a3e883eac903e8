package types_test

import (
	"testing"

	"github.com/don-network/don/x/internal/fuzzkit"
	"github.com/don-network/don/x/weights/types"
)

// FuzzGenesisValidate: `dond genesis validate` on x/weights's section.
func FuzzGenesisValidate(f *testing.F) {
	fuzzkit.Genesis(f, types.ModuleName, types.DefaultGenesis(), genesisSeeds...)
}

var genesisSeeds = []string{
	`{}`,
	`{"sum_raw": "-1", "refresh_cursor": "5"}`,
	`{"params": {}, "models": [{"model_id": "1"}, {"model_id": "1"}], "sum_raw": "0"}`,
	`{"sum_raw": "1e5", "backlog": {}, "last_role_shares": {"optimizer": "2", "evaluator": "-1"}}`,
	`{"models": [{"model_id": "0", "raw": "99999999999999999999999999999999999999999999999999999999999"}]}`,
}
