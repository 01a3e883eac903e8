package types_test

import (
	"testing"

	"github.com/don-network/don/x/internal/fuzzkit"
	"github.com/don-network/don/x/mint/types"
)

// FuzzGenesisValidate: `dond genesis validate` on x/mint's section.
func FuzzGenesisValidate(f *testing.F) {
	fuzzkit.Genesis(f, types.ModuleName, types.DefaultGenesis(), genesisSeeds...)
}

var genesisSeeds = []string{
	`{}`,
	`{"params": {"mint_denom": "", "max_supply": "-1"}, "minter": {}}`,
	`{"minter": {"round": "0", "difficulty": "-1", "work": ""}}`,
	`{"optimizer_work": [{"round": "1", "address": "x", "work": "-1"}], "evaluator_work": [{"work": "NaN"}]}`,
	`{"rounds": [{"round": "1"}, {"round": "1"}]}`,
	`{"payouts": [{"payout": {"round": "1", "minted": "-1", "optimizer": {"work": "x"}}, "optimizer_work": [{"work": "1"}]}]}`,
	`{"minter": {"round": "2"}, "payouts": [{"payout": {"round": "1", "denom": "udon"}}, {"payout": {"round": "1"}}]}`,
}
