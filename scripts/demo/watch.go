package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	rpchttp "github.com/cometbft/cometbft/rpc/client/http"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	evaluationtypes "github.com/don-network/don/x/evaluation/types"
	minttypes "github.com/don-network/don/x/mint/types"
	optimatypes "github.com/don-network/don/x/optima/types"
	weightstypes "github.com/don-network/don/x/weights/types"
)

// watch follows the chain block by block through one node's RPC and prints
// a line for each event a person watching the network cares about:
// accepted and rejected optima, settled and slashed requests, weights that
// moved and rounds that closed with their payouts. It polls (the truth)
// rather than subscribing, so a dropped websocket cannot silence it.
func watch(ctx context.Context, rpc string, out io.Writer) error {
	c, err := rpchttp.New(rpc, "/websocket")
	if err != nil {
		return err
	}
	var next int64
	for ctx.Err() == nil {
		st, err := c.Status(ctx)
		if err != nil {
			sleep(ctx, time.Second)
			continue
		}
		latest := st.SyncInfo.LatestBlockHeight
		if next == 0 {
			next = latest
		}
		for ; next <= latest && ctx.Err() == nil; next++ {
			res, err := c.BlockResults(ctx, &next)
			if err != nil {
				break // not indexed yet: retry at the next poll
			}
			// In execution order: BeginBlock, the block's txs, EndBlock.
			var events, end []abci.Event
			for _, ev := range res.FinalizeBlockEvents {
				if mode(ev) == "EndBlock" {
					end = append(end, ev)
				} else {
					events = append(events, ev)
				}
			}
			for _, tx := range res.TxsResults {
				if tx.Code == 0 {
					events = append(events, tx.Events...)
				}
			}
			events = append(events, end...)
			for _, ev := range events {
				if line := describe(ev); line != "" {
					fmt.Fprintf(out, "%s  h=%-5d %s\n", time.Now().Format("15:04:05"), next, line)
				}
			}
		}
		sleep(ctx, 300*time.Millisecond)
	}
	return nil
}

// mode is a block event's "mode" attribute (BeginBlock or EndBlock).
func mode(ev abci.Event) string {
	for _, a := range ev.Attributes {
		if a.Key == "mode" {
			return a.Value
		}
	}
	return ""
}

// describe returns a one-line account of a DON event, or "" for others.
func describe(ev abci.Event) string {
	// FinalizeBlock adds a "mode" attribute (BeginBlock/EndBlock) that is
	// not a field of the typed event.
	attrs := ev.Attributes[:0:0]
	for _, a := range ev.Attributes {
		if a.Key != "mode" {
			attrs = append(attrs, a)
		}
	}
	ev.Attributes = attrs
	msg, err := sdk.ParseTypedEvent(ev)
	if err != nil {
		return ""
	}
	switch e := msg.(type) {
	case *optimatypes.EventOptimumAccepted:
		return fmt.Sprintf("ACCEPTED  model %d optimum %d by %s: loss %s → %s, increment %s, work %s",
			e.ModelId, e.OptimumId, short(e.Optimizer), dec4(e.IncumbentLoss), dec4(e.Loss), dec4(e.Increment), dec4(e.Work))
	case *optimatypes.EventOptimumRejected:
		return fmt.Sprintf("rejected  model %d by %s: loss %s vs %s", e.ModelId, short(e.Optimizer), dec4(e.Loss), dec4(e.IncumbentLoss))
	case *evaluationtypes.EventRequestSettled:
		return fmt.Sprintf("SETTLED   request %d by %s: price %s (fee %s, royalty %s, burned %s)",
			e.RequestId, short(e.Evaluator), e.Price, e.EvaluatorFee, e.Royalty, e.Burned)
	case *evaluationtypes.EventChallengeResolved:
		if e.Wrong {
			return fmt.Sprintf("SLASHED   request %d: %s slashed, bounty %s", e.RequestId, e.Slashed, e.Bounty)
		}
	case *weightstypes.EventWeightChanged:
		return fmt.Sprintf("weight    model %d: %s → %s", e.ModelId, dec4(e.Old), dec4(e.New))
	case *minttypes.EventRoundClosed:
		return fmt.Sprintf("ROUND %d closed after %d s: minted %s (optimizers %s, evaluators %s, validators %s, community %s; %s held back)",
			e.Round, e.DurationSeconds, e.Minted, e.OptimizerPool, e.EvaluatorPool, e.ValidatorPaid, e.CommunityDue, e.EvaluatorHeldBack)
	case *minttypes.EventRoundPaid:
		return fmt.Sprintf("ROUND %d paid: optimizers %s (%d), evaluators %s (%d), community %s",
			e.Round, e.OptimizerPaid, e.Optimizers, e.EvaluatorPaid, e.Evaluators, e.CommunityPaid)
	case *minttypes.EventRewardPaid:
		return fmt.Sprintf("  paid    %s %s: %s for work %s", e.Role, short(e.Address), e.Amount, dec4(e.Work))
	}
	return ""
}

// dec4 prints a decimal string cut to 4 decimals (as given if it is not one).
func dec4(s string) string {
	d, err := sdkmath.LegacyNewDecFromStr(s)
	if err != nil {
		return s
	}
	out := d.String() // always 18 decimals
	return out[:strings.IndexByte(out, '.')+5]
}

// short abbreviates a bech32 address: don1abcd…wxyz.
func short(addr string) string {
	if len(addr) < 14 {
		return addr
	}
	return addr[:8] + "…" + addr[len(addr)-4:]
}

func sleep(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}
