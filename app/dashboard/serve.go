package dashboard

import (
	"embed"
	"encoding/json"
	"io/fs"
	"net/http"

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
	router.Handle("/dashboard", http.RedirectHandler(Path, http.StatusMovedPermanently))
	router.HandleFunc(Path+"chain-info.json", func(w http.ResponseWriter, r *http.Request) {
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
