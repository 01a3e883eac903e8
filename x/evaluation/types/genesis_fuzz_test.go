package types_test

import (
	"testing"

	"github.com/don-network/don/x/evaluation/types"
	"github.com/don-network/don/x/internal/fuzzkit"
)

// FuzzGenesisValidate: `dond genesis validate` on x/evaluation's section.
func FuzzGenesisValidate(f *testing.F) {
	fuzzkit.Genesis(f, types.ModuleName, types.DefaultGenesis(), genesisSeeds...)
}

var genesisSeeds = []string{
	`{}`,
	`{"params": {"max_rows": 0, "max_abs_input": "-1"}, "next_request_id": "1"}`,
	`{"params": {"max_abs_input": "99999999999999999999999"}}`,
	`{"evaluators": [{"address": "x", "collateral": "-5", "exposure": "", "reputation": "2"}], "next_request_id": "1"}`,
	`{"requests": [{"id": "0", "status": "REQUEST_STATUS_SLASHED", "inputs": ["1"], "max_fee": "", "price": "-1", "rows": 5}]}`,
	`{"requests": [{"id": "1", "status": 99, "outputs": ["1", "2"]}], "next_request_id": "0"}`,
	`{"failed_items": [{"kind": "QUEUE_KIND_DUE", "request_id": "1", "due_height": "5", "failed_height": "5", "retry_height": "4", "attempts": 1}], "next_request_id": "2"}`,
	`{"failed_items": [{"kind": 2, "evaluator": "don1", "due_height": "-1", "error": "x"}]}`,
}
