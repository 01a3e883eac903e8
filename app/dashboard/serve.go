package dashboard

import (
	"embed"
	"encoding/json"
	"io/fs"
	"net/http"
	"net/url"

	"github.com/gorilla/mux"
)

// Path is where the dashboard is served.
const Path = "/dashboard/"

//go:embed static
var static embed.FS

// Register mounts the dashboard and /dashboard/chain-info.json on router,
// before the gRPC gateway's catch-all route. chain is called per request
// because the chain id is known only once the node has loaded its genesis.
func Register(router *mux.Router, opts Options, chain func() Chain) error {
	files, err := fs.Sub(static, "static")
	if err != nil {
		return err
	}
	// The redirect keeps the query (?rest=, ?poll=).
	router.HandleFunc("/dashboard", func(w http.ResponseWriter, r *http.Request) {
		target := url.URL{Path: Path, RawQuery: r.URL.RawQuery}
		http.Redirect(w, r, target.String(), http.StatusMovedPermanently)
	})
	router.HandleFunc(Path+"chain-info.json", func(w http.ResponseWriter, r *http.Request) {
		// The answer depends on the Host the browser used: no shared cache
		// may hand one browser's answer to another.
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Vary", "Host")
		info, err := buildChainInfo(chain(), opts, restURL(opts, r))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(info)
	})
	router.PathPrefix(Path).Handler(http.StripPrefix(Path, http.FileServer(http.FS(files))))
	return nil
}
