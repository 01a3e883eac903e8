package simulation

import (
	"context"
	"crypto/sha256"
	"math/rand"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/don-network/don/testutil/simkit"
	"github.com/don-network/don/x/optima/client/agent/train"
	"github.com/don-network/don/x/optima/keeper"
	"github.com/don-network/don/x/optima/types"
)

// invalidOneIn is the share of messages built to be refused.
const invalidOneIn = 10

// models returns the models with the given status, in id order.
func models(ctx context.Context, k *keeper.Keeper, status types.ModelStatus) ([]types.Model, error) {
	var out []types.Model
	err := k.Models.Walk(ctx, nil, func(_ uint64, m types.Model) (bool, error) {
		if m.Status == status {
			out = append(out, m)
		}
		return false, nil
	})
	return out, err
}

// anyModel picks a model of the given status or skips.
func anyModel(ctx context.Context, k *keeper.Keeper, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter, status types.ModelStatus) (types.Model, bool) {
	ms, err := models(ctx, k, status)
	if err != nil {
		reporter.Skip(err.Error())
		return types.Model{}, false
	}
	if len(ms) == 0 {
		reporter.Skip("no model with status " + status.String())
		return types.Model{}, false
	}
	return simkit.Pick(testData.Rand().Rand, ms), true
}

// MsgRegisterModelFactory registers a model of a random domain with the
// minimum deposit or a little more; one in ten names an unknown domain.
func MsgRegisterModelFactory(k *keeper.Keeper) *simsx.ResultHandlingSimMsgFactory[*types.MsgRegisterModel] {
	return simsx.NewSimMsgFactoryWithDeliveryResultHandler(func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRegisterModel, simsx.SimDeliveryResultHandler) {
		r := testData.Rand().Rand
		p, err := k.Params.Get(ctx)
		if err != nil {
			reporter.Skip(err.Error())
			return nil, nil, nil
		}
		spec, err := randomSpec(r, p, "sim-"+testData.Rand().StringN(8))
		if err != nil {
			reporter.Skip(err.Error())
			return nil, nil, nil
		}
		deposit := p.MinModelDeposit.AddAmount(p.MinModelDeposit.Amount.QuoRaw(int64(1 + r.Intn(4))))
		creator := testData.AnyAccount(reporter, simsx.WithLiquidBalanceGTE(deposit.Add(spec.CommitBond)))
		if reporter.IsSkipped() || !simkit.Reserve(reporter, &creator, deposit) {
			return nil, nil, nil
		}
		msg := &types.MsgRegisterModel{
			Creator: creator.AddressBech32, Name: spec.Name, Domain: spec.Domain, Config: spec.Config,
			EvalSamples: spec.EvalSamples, MinImprovement: spec.MinImprovement, SeedBlocks: spec.SeedBlocks,
			RevealWindow: spec.RevealWindow, CommitBond: spec.CommitBond, Deposit: deposit,
		}
		if simkit.Invalid(r, invalidOneIn) {
			msg.Domain = "no-such-domain"
			return []simsx.SimAccount{creator}, msg, simkit.ExpectError(types.ErrUnknownDomain)
		}
		return []simsx.SimAccount{creator}, msg, nil
	})
}

// MsgRetireModelFactory retires an active model its creator registered.
func MsgRetireModelFactory(k *keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgRetireModel] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRetireModel) {
		m, ok := anyModel(ctx, k, testData, reporter, types.MODEL_STATUS_ACTIVE)
		if !ok {
			return nil, nil
		}
		if m.Creator == "" || !testData.HasAccount(m.Creator) {
			reporter.Skip("a genesis model or a creator outside the simulation")
			return nil, nil
		}
		creator := testData.GetAccount(reporter, m.Creator)
		return []simsx.SimAccount{creator}, &types.MsgRetireModel{Signer: creator.AddressBech32, ModelId: m.Id}
	}
}

// MsgCommitOptimumFactory commits to the best vector of an active model
// moved part of the way towards its domain's trained target, and keeps the
// opening for the reveal; one in ten sends a commitment of the wrong size.
func MsgCommitOptimumFactory(k *keeper.Keeper, book *Openings) *simsx.ResultHandlingSimMsgFactory[*types.MsgCommitOptimum] {
	return simsx.NewSimMsgFactoryWithDeliveryResultHandler(func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgCommitOptimum, simsx.SimDeliveryResultHandler) {
		r := testData.Rand().Rand
		m, ok := anyModel(ctx, k, testData, reporter, types.MODEL_STATUS_ACTIVE)
		if !ok {
			return nil, nil, nil
		}
		optimizer := testData.AnyAccount(reporter, simsx.WithLiquidBalanceGTE(m.CommitBond))
		if reporter.IsSkipped() || !simkit.Reserve(reporter, &optimizer, m.CommitBond) {
			return nil, nil, nil
		}
		msg := &types.MsgCommitOptimum{Optimizer: optimizer.AddressBech32, ModelId: m.Id}
		if simkit.Invalid(r, invalidOneIn) {
			msg.Commitment = make([]byte, sha256.Size-1)
			return []simsx.SimAccount{optimizer}, msg, simkit.ExpectError(types.ErrInvalidCommitment)
		}
		best, err := k.BestOptimum(ctx, m)
		if err != nil {
			reporter.Skip(err.Error())
			return nil, nil, nil
		}
		goal, err := target(m)
		if err != nil {
			reporter.Skip(err.Error())
			return nil, nil, nil
		}
		params := train.Toward(best.Params, goal, float64(1+r.Intn(6))/10)
		salt := make([]byte, types.SaltMinLength+r.Intn(types.SaltMaxLength-types.SaltMinLength+1))
		r.Read(salt)
		msg.Commitment = types.ComputeCommitment(m.Id, optimizer.Address, params, salt)
		book.put(msg.Commitment, opening{params: params, salt: salt})
		return []simsx.SimAccount{optimizer}, msg, nil
	})
}

// MsgRevealOptimumFactory reveals a commit whose window is open, from the
// book; one in ten reveals with a wrong salt, which the chain must refuse.
func MsgRevealOptimumFactory(k *keeper.Keeper, book *Openings) *simsx.ResultHandlingSimMsgFactory[*types.MsgRevealOptimum] {
	return simsx.NewSimMsgFactoryWithDeliveryResultHandler(func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRevealOptimum, simsx.SimDeliveryResultHandler) {
		r := testData.Rand().Rand
		h := sdk.UnwrapSDKContext(ctx).BlockHeight()
		type revealable struct {
			c  types.Commit
			op opening
		}
		var open []revealable
		err := k.Commits.Walk(ctx, nil, func(_ uint64, c types.Commit) (bool, error) {
			if c.RevealFrom <= h && h <= c.RevealUntil && testData.HasAccount(c.Optimizer) {
				if op, ok := book.get(c.Commitment); ok {
					open = append(open, revealable{c, op})
				}
			}
			return false, nil
		})
		if err != nil {
			reporter.Skip(err.Error())
			return nil, nil, nil
		}
		if len(open) == 0 {
			reporter.Skip("no commit in its reveal window")
			return nil, nil, nil
		}
		pick := simkit.Pick(r, open)
		optimizer := testData.GetAccount(reporter, pick.c.Optimizer)
		msg := &types.MsgRevealOptimum{Optimizer: optimizer.AddressBech32, CommitId: pick.c.Id, Params: pick.op.params, Salt: pick.op.salt}
		if simkit.Invalid(r, invalidOneIn) {
			msg.Salt = append([]byte{}, pick.op.salt...)
			msg.Salt[0] ^= 0xff
			return []simsx.SimAccount{optimizer}, msg, simkit.ExpectError(types.ErrCommitmentMismatch)
		}
		return []simsx.SimAccount{optimizer}, msg, nil
	})
}

// MsgAdmitModelFactory proposes to admit an active open model.
func MsgAdmitModelFactory(k *keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgAdmitModel] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgAdmitModel) {
		m, ok := anyModel(ctx, k, testData, reporter, types.MODEL_STATUS_ACTIVE)
		if !ok {
			return nil, nil
		}
		return nil, &types.MsgAdmitModel{Authority: simkit.Authority(testData, reporter), ModelId: m.Id}
	}
}

// MsgRollbackOptimumFactory proposes to roll a model back to one of its
// earlier optima (0: its initial vector).
func MsgRollbackOptimumFactory(k *keeper.Keeper) simsx.SimMsgFactoryFn[*types.MsgRollbackOptimum] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRollbackOptimum) {
		m, ok := anyModel(ctx, k, testData, reporter, types.MODEL_STATUS_ACTIVE)
		if !ok {
			return nil, nil
		}
		var ids []uint64
		err := k.Optima.Walk(ctx, collections.NewPrefixedPairRange[uint64, uint64](m.Id), func(key collections.Pair[uint64, uint64], _ types.Optimum) (bool, error) {
			ids = append(ids, key.K2())
			return false, nil
		})
		if err != nil || len(ids) == 0 {
			reporter.Skip("no optimum to roll back to")
			return nil, nil
		}
		return nil, &types.MsgRollbackOptimum{Authority: simkit.Authority(testData, reporter), ModelId: m.Id, OptimumId: simkit.Pick(testData.Rand().Rand, ids)}
	}
}

// MsgUpdateParams proposes random valid params in the chain's denom.
func MsgUpdateParams(k *keeper.Keeper) func(context.Context, string, *rand.Rand) (*types.MsgUpdateParams, error) {
	return func(ctx context.Context, authority string, r *rand.Rand) (*types.MsgUpdateParams, error) {
		p, err := k.Params.Get(ctx)
		return &types.MsgUpdateParams{Authority: authority, Params: RandomParams(r, p.MinCommitBond.Denom)}, err
	}
}
