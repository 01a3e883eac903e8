package dashboard

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gorilla/mux"
	"github.com/stretchr/testify/require"
)

var testChain = Chain{ChainID: "don-test-1", Bech32Prefix: "don", Denom: "udon", DisplayDenom: "DON", Decimals: 6}

// serve mounts the dashboard in front of a catch-all, as the API server
// mounts the gRPC gateway after the app's routes.
func serve(t *testing.T, opts Options) *httptest.Server {
	t.Helper()
	router := mux.NewRouter()
	require.NoError(t, Register(router, opts, func() Chain { return testChain }))
	router.PathPrefix("/").HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "gateway", http.StatusNotImplemented)
	})
	srv := httptest.NewServer(router)
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(body)
}

func TestServesEmbeddedPage(t *testing.T) {
	srv := serve(t, Options{RPCListen: "tcp://127.0.0.1:26657"})
	code, body := get(t, srv.URL+"/dashboard") // redirected
	require.Equal(t, http.StatusOK, code)
	require.Contains(t, strings.ToLower(body), "<!doctype html>")
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noFollow.Get(srv.URL + "/dashboard?rest=http://node:1317&poll=500")
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, "/dashboard/?rest=http://node:1317&poll=500", resp.Header.Get("Location"), "the redirect keeps the query")
	code, _ = get(t, srv.URL+"/dashboard/no-such-file.js")
	require.Equal(t, http.StatusNotFound, code)
	code, body = get(t, srv.URL+"/don/optima/v1/models")
	require.Equal(t, http.StatusNotImplemented, code, "other paths still reach the gateway: %s", body)
}

func TestChainInfoForKeplr(t *testing.T) {
	srv := serve(t, Options{RPCListen: "tcp://0.0.0.0:26657", MinGasPrices: "0.0025udon,1stake"})
	code, body := get(t, srv.URL+"/dashboard/chain-info.json")
	require.Equal(t, http.StatusOK, code, body)
	var info map[string]any
	require.NoError(t, json.Unmarshal([]byte(body), &info))
	require.Equal(t, "don-test-1", info["chainId"])
	require.Equal(t, srv.URL, info["rest"], "REST is the address the browser used")
	host := strings.TrimPrefix(srv.URL, "http://")
	host = host[:strings.LastIndex(host, ":")]
	require.Equal(t, "http://"+host+":26657", info["rpc"], "a wildcard rpc.laddr becomes the browser's host")
	require.Equal(t, map[string]any{"coinType": float64(118)}, info["bip44"])
	bech := info["bech32Config"].(map[string]any)
	require.Equal(t, "don", bech["bech32PrefixAccAddr"])
	require.Equal(t, "donvaloperpub", bech["bech32PrefixValPub"])
	require.Equal(t, "donvalcons", bech["bech32PrefixConsAddr"])
	fee := info["feeCurrencies"].([]any)[0].(map[string]any)
	require.Equal(t, "DON", fee["coinDenom"])
	require.Equal(t, "udon", fee["coinMinimalDenom"])
	require.Equal(t, float64(6), fee["coinDecimals"])
	// Numbers, not strings: the node's udon minimum, ×2 and ×4.
	require.Contains(t, body, `"gasPriceStep":{"low":0.0025,"average":0.005,"high":0.01}`)
}

// A browser that reached REST from elsewhere gets no loopback RPC address
// it could not use, but an error that names the option to set.
func TestChainInfoLoopbackRPCForARemoteBrowser(t *testing.T) {
	srv := serve(t, Options{RPCListen: "tcp://127.0.0.1:26657"})
	req, err := http.NewRequest(http.MethodGet, srv.URL+"/dashboard/chain-info.json", nil)
	require.NoError(t, err)
	req.Host = "node.example.org:1317"
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusInternalServerError, resp.StatusCode)
	require.Contains(t, string(body), FlagRPCURL)
	require.Equal(t, "no-store", resp.Header.Get("Cache-Control"))
}

func TestChainInfoConfiguredURLs(t *testing.T) {
	srv := serve(t, Options{
		Config:       Config{RPCURL: "https://rpc.example.org", RESTURL: "https://api.example.org"},
		MinGasPrices: "",
	})
	_, body := get(t, srv.URL+"/dashboard/chain-info.json")
	require.Contains(t, body, `"rpc":"https://rpc.example.org","rest":"https://api.example.org"`)
	require.Contains(t, body, `"gasPriceStep":{"low":0,"average":0,"high":0}`)
}

func TestChainInfoBadOptions(t *testing.T) {
	for name, opts := range map[string]Options{
		"no rpc port":   {RPCListen: "unix:///tmp/cmt.sock"},
		"bad gas price": {RPCListen: "tcp://127.0.0.1:26657", MinGasPrices: "cheap"},
	} {
		t.Run(name, func(t *testing.T) {
			code, body := get(t, serve(t, opts).URL+"/dashboard/chain-info.json")
			require.Equal(t, http.StatusInternalServerError, code)
			require.NotEmpty(t, body)
		})
	}
}
