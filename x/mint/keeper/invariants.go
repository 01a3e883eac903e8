package keeper

import (
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/don-network/don/x/mint/types"
)

// CheckInvariants: every minted coin was paid out, to the last unit, and
// issuance stays within max_supply; the module account keeps nothing; every
// kept round record balances and paid its evaluators at most
// evaluator_mint_per_burn × their work (per evaluator, payProRata refuses
// a payment above its own bound at the close).
func (k *Keeper) CheckInvariants(ctx sdk.Context) error {
	p, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	m, err := k.Minter.Get(ctx)
	if err != nil {
		return err
	}
	if !m.MintedTotal.Equal(m.PaidTotal) {
		return fmt.Errorf("minted %s but paid %s", m.MintedTotal, m.PaidTotal)
	}
	if m.MintedTotal.GT(p.MaxSupply) {
		return fmt.Errorf("minted %s above max_supply %s", m.MintedTotal, p.MaxSupply)
	}
	if bal := k.bank.GetBalance(ctx, authtypes.NewModuleAddress(types.ModuleName), p.MintDenom); !bal.IsZero() {
		return fmt.Errorf("mint module holds %s", bal)
	}
	return k.Rounds.Walk(ctx, nil, func(_ uint64, r types.RoundRecord) (bool, error) {
		return false, r.Validate()
	})
}
