package types

import sdk "github.com/cosmos/cosmos-sdk/types"

// Coins lists every coin of the genesis state (params, models' bonds and
// deposits, genesis models' bonds, open commits' bonds), so InitGenesis can
// check that all are in the chain's denom.
func (gs GenesisState) Coins() []sdk.Coin {
	out := []sdk.Coin{gs.Params.MinCommitBond, gs.Params.MinModelDeposit}
	for _, m := range gs.Models {
		out = append(out, m.CommitBond)
		if !m.Deposit.IsNil() && m.Deposit.Denom != "" {
			out = append(out, m.Deposit)
		}
	}
	for _, g := range gs.GenesisModels {
		out = append(out, g.CommitBond)
	}
	for _, c := range gs.Commits {
		out = append(out, c.Bond)
	}
	return out
}
