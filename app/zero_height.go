package app

import (
	"encoding/json"
	"fmt"

	"github.com/cosmos/gogoproto/proto"

	evaluationtypes "github.com/don-network/don/x/evaluation/types"
	minttypes "github.com/don-network/don/x/mint/types"
	optimatypes "github.com/don-network/don/x/optima/types"
	weightstypes "github.com/don-network/don/x/weights/types"
)

// heightShifter is a genesis state with heights: DON's modules keep
// queues, windows and filters by block height.
type heightShifter interface {
	proto.Message
	ShiftHeights(delta int64)
}

// heightIndexed are DON's modules whose genesis holds heights.
var heightIndexed = []struct {
	module string
	state  func() heightShifter
}{
	{weightstypes.ModuleName, func() heightShifter { return &weightstypes.GenesisState{} }},
	{minttypes.ModuleName, func() heightShifter { return &minttypes.GenesisState{} }},
	{optimatypes.ModuleName, func() heightShifter { return &optimatypes.GenesisState{} }},
	{evaluationtypes.ModuleName, func() heightShifter { return &evaluationtypes.GenesisState{} }},
}

// rebaseHeights moves the heights of DON's modules in an exported genesis
// back by lastHeight, the old chain's last block: the chain restarted from
// a zero-height export starts at height 1, which follows lastHeight, so
// every due item, window and filter stays as many blocks away as it was.
func (app *App) rebaseHeights(genState map[string]json.RawMessage, lastHeight int64) error {
	for _, m := range heightIndexed {
		bz, ok := genState[m.module]
		if !ok {
			continue // not exported (modules_to_export)
		}
		gs := m.state()
		if err := app.appCodec.UnmarshalJSON(bz, gs); err != nil {
			return fmt.Errorf("rebase %s heights: %w", m.module, err)
		}
		gs.ShiftHeights(-lastHeight)
		out, err := app.appCodec.MarshalJSON(gs)
		if err != nil {
			return fmt.Errorf("rebase %s heights: %w", m.module, err)
		}
		genState[m.module] = out
	}
	return nil
}
