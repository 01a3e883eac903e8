// Package simkit holds what DON's four module simulations share: the
// authority of their governance messages, the handler of factories that
// send invalid messages on purpose, and small random draws.
package simkit

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"sync"
	"sync/atomic"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
)

// Authority is the gov module account, the signer of every params or
// governance message of DON's modules.
func Authority(testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) string {
	return testData.ModuleAccountAddress(reporter, govtypes.ModuleName)
}

// Refused counts, per registered error, the messages built to be refused
// that the chain refused as it should: the app simulation prints it next
// to its operation counts.
var Refused sync.Map // "codespace/code" → *atomic.Int64

// ExpectError is the delivery handler of a message built to be refused: it
// passes when the chain refused it with one of the registered errors
// wanted, and fails the simulation when the message went through or failed
// for another reason (an unregistered error or a panic would show here).
func ExpectError(wanted ...*errorsmod.Error) simsx.SimDeliveryResultHandler {
	return func(err error) error {
		if err == nil {
			return errors.New("an invalid message was accepted")
		}
		for _, w := range wanted {
			if errors.Is(err, w) {
				n, _ := Refused.LoadOrStore(fmt.Sprintf("%s/%d %s", w.Codespace(), w.ABCICode(), w.Error()), new(atomic.Int64))
				n.(*atomic.Int64).Add(1)
				return nil
			}
		}
		return fmt.Errorf("an invalid message failed with an unexpected error: %w", err)
	}
}

// Invalid reports whether this draw sends an invalid message: one in n.
func Invalid(r *rand.Rand, n int) bool { return r.Intn(n) == 0 }

// Dec is a decimal drawn uniformly from [lo, hi] in steps of 10^-prec;
// lo and hi are in those steps.
func Dec(r *rand.Rand, lo, hi int64, prec int64) sdkmath.LegacyDec {
	return sdkmath.LegacyNewDecWithPrec(lo+r.Int63n(hi-lo+1), prec)
}

// Pick returns a random element of a non-empty slice.
func Pick[T any](r *rand.Rand, s []T) T { return s[r.Intn(len(s))] }

// GenesisParams draws a module's genesis params with random, or takes them
// from the simulation's params file under key.
func GenesisParams[P any](s *module.SimulationState, key string, random func(*rand.Rand) P) P {
	var p P
	s.AppParams.GetOrGenerate(key, &p, s.Rand, func(r *rand.Rand) { p = random(r) })
	return p
}

// UpdateParamsFactory is the factory of a module's MsgUpdateParams
// proposal, built by msg from the gov authority and random draws; an error
// of msg (state it could not read) skips the proposal.
func UpdateParamsFactory[M sdk.Msg](msg func(ctx context.Context, authority string, r *rand.Rand) (M, error)) simsx.SimMsgFactoryFn[M] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, M) {
		m, err := msg(ctx, Authority(testData, reporter), testData.Rand().Rand)
		if err != nil {
			reporter.Skip(err.Error())
		}
		return nil, m
	}
}

// Reserve sets amt of acc's spendable balance aside for the message, so
// the random fee of its transaction is drawn from the rest; it skips the
// operation when acc cannot pay both. acc must be the value then returned
// as the signer: it carries the balance the amount was reserved from.
func Reserve(reporter simsx.SimulationReporter, acc *simsx.SimAccount, amt sdk.Coin) bool {
	if !amt.IsPositive() || acc.LiquidBalance().BlockAmount(amt) {
		return true
	}
	reporter.Skip("spendable balance below " + amt.String())
	return false
}
