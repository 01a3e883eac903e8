package dashboard

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Chain is what the chain description says about the chain itself.
type Chain struct {
	ChainID      string
	Bech32Prefix string
	// Denom is the base denom (udon) and DisplayDenom its display unit
	// (DON), Decimals apart.
	Denom        string
	DisplayDenom string
	Decimals     int
}

// ChainInfo is Keplr's chain description (its `experimentalSuggestChain`
// argument and the chain-registry format of Keplr's wallets).
type ChainInfo struct {
	ChainID       string        `json:"chainId"`
	ChainName     string        `json:"chainName"`
	RPC           string        `json:"rpc"`
	REST          string        `json:"rest"`
	BIP44         BIP44         `json:"bip44"`
	Bech32Config  Bech32Config  `json:"bech32Config"`
	Currencies    []Currency    `json:"currencies"`
	FeeCurrencies []FeeCurrency `json:"feeCurrencies"`
	StakeCurrency Currency      `json:"stakeCurrency"`
	Features      []string      `json:"features"`
}

// BIP44 is the HD path's coin type: 118, the Cosmos default that
// `dond keys add` uses.
type BIP44 struct {
	CoinType int `json:"coinType"`
}

// Bech32Config holds the six address prefixes.
type Bech32Config struct {
	AccAddr  string `json:"bech32PrefixAccAddr"`
	AccPub   string `json:"bech32PrefixAccPub"`
	ValAddr  string `json:"bech32PrefixValAddr"`
	ValPub   string `json:"bech32PrefixValPub"`
	ConsAddr string `json:"bech32PrefixConsAddr"`
	ConsPub  string `json:"bech32PrefixConsPub"`
}

// Currency is a denom as a wallet shows it.
type Currency struct {
	CoinDenom        string `json:"coinDenom"`
	CoinMinimalDenom string `json:"coinMinimalDenom"`
	CoinDecimals     int    `json:"coinDecimals"`
}

// FeeCurrency is a fee denom with the gas prices a wallet offers.
type FeeCurrency struct {
	Currency
	GasPriceStep GasPriceStep `json:"gasPriceStep"`
}

// GasPriceStep holds the wallet's low / average / high gas prices, in the
// minimal denom per gas unit.
type GasPriceStep struct {
	Low     json.Number `json:"low"`
	Average json.Number `json:"average"`
	High    json.Number `json:"high"`
}

// buildChainInfo describes the chain for a wallet. rest is the REST address
// the wallet should use (the browser's own address for this node, unless
// configured).
func buildChainInfo(chain Chain, opts Options, rest string) (ChainInfo, error) {
	rpc, err := rpcURL(opts, rest)
	if err != nil {
		return ChainInfo{}, err
	}
	steps, err := gasPriceSteps(opts.MinGasPrices, chain.Denom)
	if err != nil {
		return ChainInfo{}, err
	}
	coin := Currency{CoinDenom: chain.DisplayDenom, CoinMinimalDenom: chain.Denom, CoinDecimals: chain.Decimals}
	p := chain.Bech32Prefix
	return ChainInfo{
		ChainID:   chain.ChainID,
		ChainName: "DON " + chain.ChainID,
		RPC:       rpc,
		REST:      rest,
		BIP44:     BIP44{CoinType: sdk.CoinType},
		Bech32Config: Bech32Config{
			AccAddr: p, AccPub: p + "pub",
			ValAddr: p + "valoper", ValPub: p + "valoperpub",
			ConsAddr: p + "valcons", ConsPub: p + "valconspub",
		},
		Currencies:    []Currency{coin},
		FeeCurrencies: []FeeCurrency{{Currency: coin, GasPriceStep: steps}},
		StakeCurrency: coin,
		Features:      []string{},
	}, nil
}

// gasPriceSteps offers the node's own minimum gas price as "low", twice it
// as "average" and four times it as "high": a wallet's low fee is then the
// cheapest this node accepts, and the higher steps outbid it.
func gasPriceSteps(minGasPrices, denom string) (GasPriceStep, error) {
	low := sdkmath.LegacyZeroDec()
	if strings.TrimSpace(minGasPrices) != "" {
		prices, err := sdk.ParseDecCoins(minGasPrices)
		if err != nil {
			return GasPriceStep{}, fmt.Errorf("minimum-gas-prices %q: %w", minGasPrices, err)
		}
		low = prices.AmountOf(denom)
	}
	return GasPriceStep{Low: number(low), Average: number(low.MulInt64(2)), High: number(low.MulInt64(4))}, nil
}

// number writes a decimal as a JSON number, as Keplr expects, without
// LegacyDec's trailing zeros.
func number(d sdkmath.LegacyDec) json.Number {
	s := d.String()
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return json.Number(s)
}

// rpcURL is the configured RPC address, or rpc.laddr made reachable: a
// wildcard listen address is replaced by the host the browser used for
// REST. A loopback RPC is no use to a browser that reached REST from
// elsewhere, so that asks the operator for rpc-url instead of answering
// with an address the wallet cannot reach.
func rpcURL(opts Options, rest string) (string, error) {
	if opts.RPCURL != "" {
		return opts.RPCURL, nil
	}
	listen, err := url.Parse(opts.RPCListen)
	if err != nil || listen.Port() == "" {
		return "", fmt.Errorf("rpc.laddr %q is not a host:port address; set %s", opts.RPCListen, FlagRPCURL)
	}
	restURL, err := url.Parse(rest)
	if err != nil {
		return "", err
	}
	host := listen.Hostname()
	switch {
	case isWildcard(host):
		host = restURL.Hostname()
	case isLoopback(host) && !isLoopback(restURL.Hostname()):
		return "", fmt.Errorf("RPC listens on loopback (%s) but this browser reached the node as %s; set %s", host, restURL.Hostname(), FlagRPCURL)
	}
	return "http://" + net.JoinHostPort(host, listen.Port()), nil
}

func isWildcard(host string) bool {
	ip := net.ParseIP(host)
	return host == "" || ip != nil && ip.IsUnspecified()
}

func isLoopback(host string) bool {
	ip := net.ParseIP(host)
	return host == "localhost" || ip != nil && ip.IsLoopback()
}

// restURL is the configured REST address, or the one the request came to.
func restURL(opts Options, r *http.Request) string {
	if opts.RESTURL != "" {
		return opts.RESTURL
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
