package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/x/mint/types"
)

// AddOptimizerWork credits w_m·Δ of an accepted optimum to its optimizer in
// the open round; it counts towards the round's difficulty.
func (k *Keeper) AddOptimizerWork(ctx context.Context, optimizer sdk.AccAddress, _ uint64, work sdkmath.LegacyDec) error {
	return k.addWork(ctx, k.OptimizerWork, optimizer, work, func(m *types.Minter) *sdkmath.LegacyDec { return &m.Work })
}

// AddEvaluatorWork credits the work of a settled request (the udon it
// burned × the evaluator's reputation) to an evaluator. It splits the
// evaluator pool and bounds it (evaluator_mint_per_burn × work) but does
// not close rounds: coins are issued for optimization work only.
func (k *Keeper) AddEvaluatorWork(ctx context.Context, evaluator sdk.AccAddress, work sdkmath.LegacyDec) error {
	return k.addWork(ctx, k.EvaluatorWork, evaluator, work, func(m *types.Minter) *sdkmath.LegacyDec { return &m.EvaluatorWork })
}

func (k *Keeper) addWork(
	ctx context.Context,
	entries collections.Map[collections.Pair[uint64, sdk.AccAddress], sdkmath.LegacyDec],
	addr sdk.AccAddress,
	work sdkmath.LegacyDec,
	total func(*types.Minter) *sdkmath.LegacyDec,
) error {
	if work.IsNil() || work.IsNegative() {
		return errorsmod.Wrapf(types.ErrInvalidWork, "work %s", work)
	}
	if work.IsZero() {
		return nil
	}
	minter, err := k.Minter.Get(ctx)
	if err != nil {
		return err
	}
	key := collections.Join(minter.Round, addr)
	have, err := entries.Get(ctx, key)
	switch {
	case errors.Is(err, collections.ErrNotFound):
		have = sdkmath.LegacyZeroDec()
	case err != nil:
		return err
	}
	if err := entries.Set(ctx, key, have.Add(work)); err != nil {
		return err
	}
	t := total(&minter)
	*t = t.Add(work)
	return k.Minter.Set(ctx, minter)
}

// Denom is the chain's coin: the denom x/mint issues. x/optima's bonds and
// deposits must be in it (checked at genesis and on params updates) and
// x/evaluation's fees, collateral and bonds are in it.
func (k *Keeper) Denom(ctx context.Context) (string, error) {
	p, err := k.Params.Get(ctx)
	if err != nil {
		return "", err
	}
	return p.MintDenom, nil
}
