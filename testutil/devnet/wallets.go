package devnet

import (
	"fmt"
	"io"
)

// PrintWallets tells a developer how to reach node from a browser and a
// wallet: the dashboard, the Keplr chain description, and for each config.yml
// account with a mnemonic, its address and the mnemonic to import. Those
// mnemonics are public test keys (config.yml says so).
func PrintWallets(w io.Writer, cfg Config, node *Node) {
	fmt.Fprintf(w, "  Dashboard   %s/dashboard/\n", node.API())
	fmt.Fprintf(w, "  Keplr chain %s/dashboard/chain-info.json (the dashboard's \"Add to Keplr\" suggests it)\n", node.API())
	fmt.Fprintln(w, "Wallet keys (INSECURE test mnemonics from config.yml; never hold real funds with them):")
	for _, a := range cfg.Accounts {
		addr := node.Addresses[a.Name]
		if a.Mnemonic == "" {
			fmt.Fprintf(w, "  %-10s %s (new key, no mnemonic: use the CLI's test keyring)\n", a.Name, addr)
			continue
		}
		fmt.Fprintf(w, "  %-10s %s\n             %s\n", a.Name, addr, a.Mnemonic)
	}
	fmt.Fprintln(w, "  Import one: in Keplr, \"Import an existing wallet\" and paste its mnemonic;")
	fmt.Fprintf(w, "  in a CLI keyring, %s keys add NAME --recover; in CosmJS, DirectSecp256k1HdWallet.fromMnemonic(m, {prefix: \"don\"}).\n", node.Binary)
}
