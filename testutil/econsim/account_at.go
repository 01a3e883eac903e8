package econsim

import (
	"fmt"

	sdkmath "cosmossdk.io/math"
)

// NewAccountAt funds an account at a given bech32 address (a real node's
// key, say) with udon at genesis, as NewAccount does for a derived one: a
// Msg signed for that address on the node is then the same Msg here.
func (w *World) NewAccountAt(name, bech string, udon sdkmath.Int) (Account, error) {
	if w.started {
		return Account{}, fmt.Errorf("account %s: accounts are funded at genesis, before the first block", name)
	}
	addr, err := w.AddressCodec.StringToBytes(bech)
	if err != nil {
		return Account{}, fmt.Errorf("account %s: %w", name, err)
	}
	if !udon.IsInt64() || udon.IsNegative() {
		return Account{}, fmt.Errorf("account %s: genesis balance %s udon out of range", name, udon)
	}
	a := Account{Name: name, Addr: addr, Bech: bech}
	err = w.t.guard(func() error {
		if udon.IsPositive() {
			w.Fund(a.Addr, udon.Int64())
		}
		return nil
	})
	return a, err
}
