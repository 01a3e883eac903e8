package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	"github.com/don-network/don/testutil/devnet"
)

// findChromium is the browser: $CHROME if set, else the first of the usual
// names on PATH (.ci/run installs Debian's package chromium).
func findChromium() (string, error) {
	if p := os.Getenv("CHROME"); p != "" {
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("no chromium, chromium-browser or google-chrome on PATH, and CHROME is unset")
}

// pageState is what the dashboard shows, read in the page.
type pageState struct {
	Height int64 `json:"height"`
	Models []struct {
		ID     string `json:"id"`
		Name   string `json:"name"`
		Points int    `json:"points"`
	} `json:"models"`
	// Drawn counts the uPlot canvases with painted pixels.
	Drawn  int      `json:"drawn"`
	Errors []string `json:"errors"`
}

const readPage = `(() => {
	const painted = (c) => {
		if (!c.width || !c.height) return false;
		const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
		for (let i = 3; i < d.length; i += 4) if (d[i]) return true;
		return false;
	};
	return {
		height: Number(document.querySelector("#height").textContent) || 0,
		models: [...document.querySelectorAll("#models [data-model-id]")].map((c) => ({
			id: c.dataset.modelId,
			name: c.querySelector(".name")?.textContent || "",
			points: Number(c.querySelector(".loss-plot")?.dataset.points || 0),
		})),
		drawn: [...document.querySelectorAll(".uplot canvas")].filter(painted).length,
		errors: window.donDashboard ? window.donDashboard.errors : ["window.donDashboard missing"],
	};
})()`

// TestDashboardInBrowser loads the node's /dashboard/ in headless Chromium:
// the genesis models' cards, the current height and drawn plots appear, an
// accepted optimum adds a point to its model's loss plot, and the page logs
// no console error, exception or failed request.
func TestDashboardInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real node and a browser")
	}
	// A low first difficulty: the test's one accepted optimum closes round 1,
	// so the rounds table and the optimizer's earnings have something to show.
	c := startChainWith(t, func(cfg *devnet.Config) {
		cfg.Genesis["mint"] = json.RawMessage(`{"params": {"initial_difficulty": "0.1"}}`)
	})
	chromium, err := findChromium()
	if err != nil {
		t.Fatalf("%v (make test needs a Chromium; .ci/run installs the Debian package chromium)", err)
	}

	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(filepath.Join(t.TempDir(), "chromium")),
		chromedp.WindowSize(1400, 1000),
	)
	defer cancel()
	// The listener is in place before the tab starts, so it sees every event.
	var mu sync.Mutex
	var problems []string
	ctx, cancel := chromedp.NewContext(alloc, chromedp.WithListener(func(ev any) {
		if p := pageProblem(ev); p != "" {
			mu.Lock()
			problems = append(problems, p)
			mu.Unlock()
		}
	}))
	defer cancel()
	// The whole test's bound; each step has its own, shorter wait.
	ctx, cancel = context.WithTimeout(ctx, 4*time.Minute)
	defer cancel()

	noProblems := func() {
		t.Helper()
		mu.Lock()
		defer mu.Unlock()
		require.Empty(t, problems, "the page logged errors")
	}
	var page pageState
	read := func() pageState {
		t.Helper()
		var err error
		page, err = chromedp.Run(ctx, chromedp.Evaluate[pageState](readPage))
		require.NoError(t, err)
		noProblems()
		require.Empty(t, page.Errors, "window.donDashboard.errors")
		return page
	}
	points := func(id string) int {
		for _, m := range page.Models {
			if m.ID == id {
				return m.Points
			}
		}
		return 0
	}

	var tables tablesState
	defer func() {
		if t.Failed() {
			t.Logf("page showed: %+v\ntables: %+v", page, tables)
		}
	}()
	atLoad, err := c.node.Height()
	require.NoError(t, err)
	// A stand-in for the Keplr extension, which injects window.keplr before
	// the page's scripts run: it records what "Add to Keplr" suggests.
	require.NoError(t, chromedp.Do(ctx, func(ctx context.Context, tab *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tab, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: fakeKeplr})
		return chromedp.Void{}, err
	}))
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(c.node.API()+"/dashboard/")))
	waitFor(t, 30*time.Second, "the genesis models, the height and a drawn plot", func() bool {
		p := read()
		var names []string
		for _, m := range p.Models {
			names = append(names, m.Name)
		}
		return strings.Join(names, ",") == "friedman1-mlp16,spirals-mlp8,regime-ar-k4" &&
			p.Height >= atLoad && p.Drawn > 0 && points(regimeAR) > 0
	})
	before := points(regimeAR)

	// "Add to Keplr" suggests the node's own chain description.
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#add-keplr"))))
	var suggested struct {
		Info    map[string]any `json:"info"`
		Enabled string         `json:"enabled"`
	}
	waitFor(t, 10*time.Second, "the chain suggested to Keplr", func() bool {
		var err error
		suggested, err = chromedp.Run(ctx, chromedp.Evaluate[struct {
			Info    map[string]any `json:"info"`
			Enabled string         `json:"enabled"`
		}](`({info: window.keplrSuggested || null, enabled: window.keplrEnabled || ""})`))
		require.NoError(t, err)
		return suggested.Enabled != ""
	})
	var served map[string]any
	getJSON(t, c.node.API()+"/dashboard/chain-info.json", &served)
	require.Equal(t, served, suggested.Info)
	require.Equal(t, c.node.ChainID, suggested.Info["chainId"])
	require.Equal(t, c.node.ChainID, suggested.Enabled)
	require.Equal(t, c.node.API(), suggested.Info["rest"])
	require.Equal(t, "http://"+strings.TrimPrefix(c.node.RPC(), "tcp://"), suggested.Info["rpc"])

	// An accepted optimum on regime-ar-k4 adds one point to its loss plot.
	good := writeFile(t, `[0, 0, 0.2, 0.5, 0.3]`)
	committed := c.tx("alice", "tx", "optima", "commit", regimeAR, good, "--salt", salt).
		RequireEvent(t, "don.optima.v1.EventOptimumCommitted")
	c.waitHeight(atoi(t, committed["reveal_from"]))
	c.tx("alice", "tx", "optima", "reveal", committed["commit_id"], good, "--salt", salt).
		RequireEvent(t, "don.optima.v1.EventOptimumAccepted")
	waitFor(t, 20*time.Second, "a new point on regime-ar-k4's loss plot", func() bool {
		read()
		return points(regimeAR) == before+1
	})

	// An evaluator and two requests: one settles, its fee shows in the
	// evaluators' table; the other waits in the queue with its auction price.
	c.tx("carol", "tx", "evaluation", "register-evaluator", "10000000", "4")
	inputs := regimeARInputs(t)
	settled := c.request(inputs, "100000")
	price := c.claim("carol", settled)
	submitted := c.tx("carol", "tx", "evaluation", "submit", settled, c.compute(settled)).
		RequireEvent(t, "don.evaluation.v1.EventResultSubmitted")
	waiting := c.request(inputs, "100000")
	c.waitHeight(atoi(t, submitted["settle_height"]) + 1)
	require.Equal(t, "REQUEST_STATUS_SETTLED", c.requestStatus(settled))
	var params struct {
		Params struct {
			DemandBurnFraction string `json:"demand_burn_fraction"`
			RoyaltyFraction    string `json:"royalty_fraction"`
		} `json:"params"`
	}
	getJSON(t, c.node.API()+"/don/evaluation/v1/params", &params)
	cut := func(fraction string) int64 { // ⌊price · fraction⌋, as settlement takes it
		return sdkmath.LegacyMustNewDecFromStr(fraction).MulInt64(price).TruncateInt64()
	}
	fee := price - cut(params.Params.DemandBurnFraction) - cut(params.Params.RoyaltyFraction)
	wantFee := fmt.Sprintf("%d.%04d DON", fee/1_000_000, fee%1_000_000/100)
	// Round 1 closed on the accepted optimum; alice, its only optimizer, got
	// the whole optimizer amount, which the page's estimate must find.
	var rounds struct {
		Rounds []struct {
			Round         string `json:"round"`
			OptimizerPaid string `json:"optimizer_paid"`
		} `json:"rounds"`
	}
	getJSON(t, c.node.API()+"/don/mint/v1/rounds", &rounds)
	require.NotEmpty(t, rounds.Rounds, "round 1 closed")
	round1 := rounds.Rounds[len(rounds.Rounds)-1]
	require.Equal(t, "1", round1.Round)
	paid := atoi(t, round1.OptimizerPaid)
	wantEarned := fmt.Sprintf("%s.%02d DON", humanize(paid/1_000_000), paid%1_000_000/10_000)

	waitFor(t, 30*time.Second, "carol's fee, the waiting request, round 1 and alice's earnings on the page", func() bool {
		read()
		var err error
		tables, err = chromedp.Run(ctx, chromedp.Evaluate[tablesState](readTables))
		require.NoError(t, err)
		return len(tables.Evaluators) == 1 && tables.Evaluators[0]["Fees earned"] == wantFee &&
			len(tables.Queue) == 1 && tables.Queue[0]["Request"] == waiting &&
			tables.Queue[0]["Price now / claimed"] != "–" &&
			len(tables.Rounds) >= 1 && tables.Rounds[len(tables.Rounds)-1]["Round"] == "1" &&
			tables.Rounds[len(tables.Rounds)-1]["State"] == "paid" &&
			len(tables.Optimizers) == 1 && tables.Optimizers[0]["Earned ≈ (est.)"] == wantEarned
	})

	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	require.NoError(t, err)
	shot := filepath.Join(t.ArtifactDir(), "dashboard.png")
	require.NoError(t, os.WriteFile(shot, png, 0o600))
	read()
	t.Logf("screenshot: %s (kept with go test -artifacts)", shot)
	t.Logf("page: height %d, %d drawn plots, loss points %+v", page.Height, page.Drawn, page.Models)
	t.Logf("evaluators %v; queue %v", tables.Evaluators, tables.Queue)
	t.Logf("optimizers %v; rounds %v", tables.Optimizers, tables.Rounds)
}

// humanize writes n with thousands separators, as the page does.
func humanize(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// fakeKeplr is the part of Keplr's injected API that "Add to Keplr" uses.
const fakeKeplr = `window.keplr = {
	experimentalSuggestChain: async (info) => { window.keplrSuggested = info; },
	enable: async (chainId) => { window.keplrEnabled = chainId; },
};`

// tablesState is the evaluators' table and the request queue, each row a
// map from column header to cell text.
type tablesState struct {
	Evaluators []map[string]string `json:"evaluators"`
	Queue      []map[string]string `json:"queue"`
	Optimizers []map[string]string `json:"optimizers"`
	Rounds     []map[string]string `json:"rounds"`
}

const readTables = `(() => {
	const rows = (sel) => {
		const head = [...document.querySelectorAll(sel + " thead th")].map((th) => th.textContent);
		return [...document.querySelectorAll(sel + " tbody tr")]
			.filter((tr) => !tr.querySelector("td.empty"))
			.map((tr) => Object.fromEntries([...tr.children].map((td, i) => [head[i], td.textContent])));
	};
	return {
		evaluators: rows("#evaluator-table"), queue: rows("#request-table"),
		optimizers: rows("#optimizer-table"), rounds: rows("#round-table"),
	};
})()`

// pageProblem describes an event that shows a fault of the page: a
// console.error, an uncaught exception, or an error entry of the browser's
// log (a failed request among them); "" for any other event.
func pageProblem(ev any) string {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			var args []string
			for _, a := range ev.Args {
				args = append(args, a.Description+string(a.Value))
			}
			return "console.error: " + strings.Join(args, " ")
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		return fmt.Sprintf("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, msg)
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			return fmt.Sprintf("browser log (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
		}
	}
	return ""
}
