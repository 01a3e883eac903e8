package devnet

import (
	"bytes"
	"strings"
	"testing"

	"github.com/cosmos/go-bip39"
	"github.com/stretchr/testify/require"
)

// The committed config.yml gives every account a fixed, valid and distinct
// test mnemonic, so wallets can import the devnet's keys.
func TestConfigMnemonics(t *testing.T) {
	cfg, err := LoadConfig(ConfigPath())
	require.NoError(t, err)
	seen := map[string]string{}
	for _, a := range cfg.Accounts {
		require.True(t, bip39.IsMnemonicValid(a.Mnemonic), "account %s: invalid mnemonic", a.Name)
		require.Len(t, strings.Fields(a.Mnemonic), 24, a.Name)
		require.NotContains(t, seen, a.Mnemonic, "account %s reuses %s's mnemonic", a.Name, seen[a.Mnemonic])
		seen[a.Mnemonic] = a.Name
	}
}

func TestPrintWallets(t *testing.T) {
	cfg := Config{Accounts: []Account{{Name: "alice", Mnemonic: "word list"}, {Name: "eve"}}}
	node := newNode("dond", "/tmp/x", "m", "c", Ports{API: 1317})
	node.Addresses = map[string]string{"alice": "don1alice", "eve": "don1eve"}
	var out bytes.Buffer
	PrintWallets(&out, cfg, node)
	s := out.String()
	require.Contains(t, s, "http://127.0.0.1:1317/dashboard/\n")
	require.Contains(t, s, "http://127.0.0.1:1317/dashboard/chain-info.json")
	require.Contains(t, s, "alice      don1alice\n             word list\n")
	require.Contains(t, s, "eve        don1eve (new key, no mnemonic")
	require.Contains(t, s, "INSECURE")
}
