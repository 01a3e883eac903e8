// Package fuzzkit holds the fuzz targets DON's modules share; only tests
// import it.
package fuzzkit

import (
	"testing"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"

	"github.com/don-network/don/x/internal/modulekit"
)

// Genesis fuzzes a module's JSON genesis the way `dond genesis validate`
// reads it (modulekit.GenesisJSON.ValidateGenesis: codec JSON, then
// Validate): any bytes may fail, none may panic. The seed corpus is the
// default genesis and the given JSON documents.
func Genesis[G any, P interface {
	*G
	modulekit.Genesis
}](f *testing.F, module string, def P, seeds ...string) {
	cdc := codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
	g := modulekit.GenesisJSON[G, P]{Module: module}
	f.Add(cdc.MustMarshalJSON(def))
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, bz []byte) {
		_ = g.ValidateGenesis(cdc, nil, bz)
	})
}
