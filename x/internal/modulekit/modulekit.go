// Package modulekit holds what DON's modules share in their app-module
// glue: the authority rule of their depinject providers, the module-basic
// methods (Basics) and the JSON genesis handling of module.HasGenesis, so
// each module keeps only its own.
package modulekit

import (
	"encoding/json"
	"fmt"

	"cosmossdk.io/core/address"
	"github.com/cosmos/gogoproto/proto"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
)

// Authority is the module authority: the configured address or module name,
// else the gov module account, as the SDK's modules do.
func Authority(configured string, ac address.Codec) (string, error) {
	authority := authtypes.NewModuleAddress(govtypes.ModuleName)
	if configured != "" {
		authority = authtypes.NewModuleAddressOrBech32Address(configured)
	}
	return ac.BytesToString(authority)
}

// Genesis is a module's genesis state message.
type Genesis interface {
	proto.Message
	Validate() error
}

// GenesisJSON implements the JSON side of module.HasGenesis for a genesis
// state G: embed it in the AppModule with the module's three functions.
type GenesisJSON[G any, P interface {
	*G
	Genesis
}] struct {
	Module  string
	Default func() P
	Init    func(sdk.Context, G) error
	Export  func(sdk.Context) (P, error)
}

// DefaultGenesis returns the default genesis state as JSON.
func (g GenesisJSON[G, P]) DefaultGenesis(cdc codec.JSONCodec) json.RawMessage {
	return cdc.MustMarshalJSON(g.Default())
}

// ValidateGenesis decodes and validates a genesis state.
func (g GenesisJSON[G, P]) ValidateGenesis(cdc codec.JSONCodec, _ client.TxEncodingConfig, bz json.RawMessage) error {
	var gs G
	if err := cdc.UnmarshalJSON(bz, P(&gs)); err != nil {
		return fmt.Errorf("failed to unmarshal %s genesis state: %w", g.Module, err)
	}
	return P(&gs).Validate()
}

// InitGenesis loads a genesis state; a failure stops the chain at genesis,
// as the SDK's HasGenesis contract requires.
func (g GenesisJSON[G, P]) InitGenesis(ctx sdk.Context, cdc codec.JSONCodec, bz json.RawMessage) {
	var gs G
	cdc.MustUnmarshalJSON(bz, P(&gs))
	if err := g.Init(ctx, gs); err != nil {
		panic(fmt.Errorf("init %s genesis: %w", g.Module, err))
	}
}

// ExportGenesis exports the state as JSON.
func (g GenesisJSON[G, P]) ExportGenesis(ctx sdk.Context, cdc codec.JSONCodec) json.RawMessage {
	gs, err := g.Export(ctx)
	if err != nil {
		panic(fmt.Errorf("export %s genesis: %w", g.Module, err))
	}
	return cdc.MustMarshalJSON(gs)
}
