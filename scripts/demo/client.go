package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/don-network/don/testutil/devnet"
)

// inputWidth is the number of inputs per row of each built-in domain.
var inputWidth = map[string]int{"friedman1": 10, "spirals": 2, "regime-ar": 4}

// client is bob: every period it asks for evaluations of a few rows on one
// of the genesis models, chosen with a skewed demand (the first model is
// asked for most), through the CLI, and waits for inclusion before the
// next request, so its account sequence never races.
func client(ctx context.Context, node *devnet.Node, cfg devnet.Config, every time.Duration, logPath string) {
	log, err := os.Create(logPath)
	if err != nil {
		return
	}
	defer log.Close()
	rng := rand.New(rand.NewPCG(1, 2)) // a demo, not consensus: a fixed seed for a repeatable show
	models, err := genesisModels(node)
	if err != nil {
		fmt.Fprintln(log, "client: reading the models:", err)
		return
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		if len(models) == 0 {
			continue
		}
		// Demand skewed 3:2:1 towards the first models.
		pick := rng.IntN(len(models) * (len(models) + 1) / 2)
		m := 0
		for w := len(models); pick >= w; w-- {
			pick -= w
			m++
		}
		inputs := filepath.Join(filepath.Dir(logPath), fmt.Sprintf("inputs-%s.json", models[m].ID))
		if err := os.WriteFile(inputs, []byte(rows(rng, inputWidth[models[m].Domain], 3)), 0o600); err != nil {
			continue
		}
		tx, err := node.Exec("tx", "evaluation", "request", models[m].ID, inputs, "100000", "--deadline-blocks", "60",
			"--from", "bob", "--keyring-backend", "test", "--chain-id", cfg.ChainID, "-y", "-o", "json")
		if err == nil {
			_, err = node.ExecInput(tx, "q", "wait-tx")
		}
		fmt.Fprintf(log, "%s request on model %s (%s): %v\n", time.Now().Format(time.TimeOnly), models[m].ID, models[m].Name, err)
	}
}

// rows returns n JSON rows of width random inputs in [-2, 2].
func rows(rng *rand.Rand, width, n int) string {
	var sb strings.Builder
	sb.WriteString("[")
	for r := 0; r < n; r++ {
		if r > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString("[")
		for j := 0; j < width; j++ {
			if j > 0 {
				sb.WriteString(", ")
			}
			fmt.Fprintf(&sb, "%.3f", rng.Float64()*4-2)
		}
		sb.WriteString("]")
	}
	sb.WriteString("]")
	return sb.String()
}

type model struct{ ID, Name, Domain string }

// genesisModels lists the chain's models (id, name, domain) in id order.
func genesisModels(node *devnet.Node) ([]model, error) {
	out, err := node.Exec("q", "optima", "models", "-o", "json")
	if err != nil {
		return nil, err
	}
	var res struct{ Models []model }
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		return nil, err
	}
	return res.Models, nil
}
