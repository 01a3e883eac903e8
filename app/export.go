package app

import (
	"encoding/json"
	"fmt"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"

	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	"github.com/cosmos/cosmos-sdk/x/staking"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
)

// ExportAppStateAndValidators exports the application state as a genesis.
// At the current height (the default) the chain restarts where it stopped.
// For zero height (`dond export --for-zero-height`, the path of a
// hard-fork upgrade) the chain restarts at height 1: staking,
// distribution and slashing are reset as the SDK's own chains do, and
// DON's height-indexed state is moved back by the height the old chain
// reached (docs/upgrades.md). jailAllowedAddrs, when not empty, jails
// every validator not listed.
func (app *App) ExportAppStateAndValidators(forZeroHeight bool, jailAllowedAddrs, modulesToExport []string) (servertypes.ExportedApp, error) {
	ctx := app.NewContextLegacy(true, cmtproto.Header{Height: app.LastBlockHeight()})
	// The restarted chain's InitChain runs at the next height, or at 1.
	height := app.LastBlockHeight() + 1
	if forZeroHeight {
		height = 0
		if err := app.prepForZeroHeightGenesis(ctx, jailAllowedAddrs); err != nil {
			return servertypes.ExportedApp{}, fmt.Errorf("prepare zero-height export: %w", err)
		}
	}
	genState, err := app.ModuleManager.ExportGenesisForModules(ctx, app.appCodec, modulesToExport)
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	if forZeroHeight {
		if err := app.rebaseHeights(genState, app.LastBlockHeight()); err != nil {
			return servertypes.ExportedApp{}, err
		}
	}
	appState, err := json.MarshalIndent(genState, "", "  ")
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	validators, err := staking.WriteValidators(ctx, app.StakingKeeper)
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	return servertypes.ExportedApp{
		AppState:        appState,
		Validators:      validators,
		Height:          height,
		ConsensusParams: app.GetConsensusParams(ctx),
	}, nil
}

// prepForZeroHeightGenesis settles what the SDK's modules keep by height
// before a restart at height 1: it pays out all commission and delegation
// rewards and starts their accounting afresh, moves the rounding scraps to
// the community pool, and zeroes the creation heights of unbonding and
// redelegation entries, validators' unbonding heights and slashing's start
// heights.
func (app *App) prepForZeroHeightGenesis(ctx sdk.Context, jailAllowedAddrs []string) error {
	allowed := make(map[string]bool, len(jailAllowedAddrs))
	for _, addr := range jailAllowedAddrs {
		if _, err := app.StakingKeeper.ValidatorAddressCodec().StringToBytes(addr); err != nil {
			return fmt.Errorf("jail allow list: %w", err)
		}
		allowed[addr] = true
	}

	validators, err := app.StakingKeeper.GetAllValidators(ctx)
	if err != nil {
		return err
	}
	valAddrs := make([]sdk.ValAddress, len(validators))
	for i, v := range validators {
		if valAddrs[i], err = app.StakingKeeper.ValidatorAddressCodec().StringToBytes(v.GetOperator()); err != nil {
			return err
		}
		// A validator may have no commission to withdraw: not an error here.
		_, _ = app.DistrKeeper.WithdrawValidatorCommission(ctx, valAddrs[i])
	}
	delegations, err := app.StakingKeeper.GetAllDelegations(ctx)
	if err != nil {
		return err
	}
	type pair struct {
		del sdk.AccAddress
		val sdk.ValAddress
	}
	pairs := make([]pair, len(delegations))
	for i, d := range delegations {
		if pairs[i].val, err = app.StakingKeeper.ValidatorAddressCodec().StringToBytes(d.ValidatorAddress); err != nil {
			return err
		}
		if pairs[i].del, err = app.AccountKeeper.AddressCodec().StringToBytes(d.DelegatorAddress); err != nil {
			return err
		}
		if _, err := app.DistrKeeper.WithdrawDelegationRewards(ctx, pairs[i].del, pairs[i].val); err != nil {
			return fmt.Errorf("withdraw rewards of %s from %s: %w", d.DelegatorAddress, d.ValidatorAddress, err)
		}
	}
	app.DistrKeeper.DeleteAllValidatorSlashEvents(ctx)
	app.DistrKeeper.DeleteAllValidatorHistoricalRewards(ctx)

	// Restart the reward accounting as at height 0.
	height := ctx.BlockHeight()
	ctx = ctx.WithBlockHeight(0)
	for _, val := range valAddrs {
		scraps, err := app.DistrKeeper.GetValidatorOutstandingRewardsCoins(ctx, val)
		if err != nil {
			return err
		}
		feePool, err := app.DistrKeeper.FeePool.Get(ctx)
		if err != nil {
			return err
		}
		feePool.CommunityPool = feePool.CommunityPool.Add(scraps...)
		if err := app.DistrKeeper.FeePool.Set(ctx, feePool); err != nil {
			return err
		}
		if err := app.DistrKeeper.Hooks().AfterValidatorCreated(ctx, val); err != nil {
			return err
		}
	}
	for _, p := range pairs {
		if err := app.DistrKeeper.Hooks().BeforeDelegationCreated(ctx, p.del, p.val); err != nil {
			return err
		}
		if err := app.DistrKeeper.Hooks().AfterDelegationModified(ctx, p.del, p.val); err != nil {
			return err
		}
	}
	ctx = ctx.WithBlockHeight(height)

	if err := app.resetStakingHeights(ctx, allowed); err != nil {
		return err
	}
	if iterErr := app.SlashingKeeper.IterateValidatorSigningInfos(ctx, func(addr sdk.ConsAddress, info slashingtypes.ValidatorSigningInfo) bool {
		info.StartHeight = 0
		err = app.SlashingKeeper.SetValidatorSigningInfo(ctx, addr, info)
		return err != nil
	}); iterErr != nil {
		return iterErr
	}
	return err
}

// resetStakingHeights zeroes the creation heights of redelegation and
// unbonding entries and validators' unbonding heights, jails validators
// outside a non-empty allow list, and applies the validator set.
func (app *App) resetStakingHeights(ctx sdk.Context, allowed map[string]bool) error {
	var err error
	if iterErr := app.StakingKeeper.IterateRedelegations(ctx, func(_ int64, red stakingtypes.Redelegation) bool {
		for i := range red.Entries {
			red.Entries[i].CreationHeight = 0
		}
		err = app.StakingKeeper.SetRedelegation(ctx, red)
		return err != nil
	}); iterErr != nil {
		return iterErr
	}
	if err != nil {
		return err
	}
	if iterErr := app.StakingKeeper.IterateUnbondingDelegations(ctx, func(_ int64, ubd stakingtypes.UnbondingDelegation) bool {
		for i := range ubd.Entries {
			ubd.Entries[i].CreationHeight = 0
		}
		err = app.StakingKeeper.SetUnbondingDelegation(ctx, ubd)
		return err != nil
	}); iterErr != nil {
		return iterErr
	}
	if err != nil {
		return err
	}
	validators, err := app.StakingKeeper.GetAllValidators(ctx)
	if err != nil {
		return err
	}
	for _, v := range validators {
		v.UnbondingHeight = 0
		if len(allowed) > 0 && !allowed[v.GetOperator()] {
			v.Jailed = true
		}
		if err := app.StakingKeeper.SetValidator(ctx, v); err != nil {
			return err
		}
	}
	_, err = app.StakingKeeper.ApplyAndReturnValidatorSetUpdates(ctx)
	return err
}
