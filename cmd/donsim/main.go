// Command donsim runs DON's economic experiments on the real keepers
// (testutil/econsim): donsim <experiment>|all [--quick] [--seed N]
// [--runs N] [--out DIR]. Each experiment writes DIR/<experiment>.csv and
// DIR/<experiment>.png, prints one verdict line per pass criterion, and
// donsim exits 1 if any criterion fails (2 on a usage or run error).
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/don-network/don/testutil/econsim"
	_ "github.com/don-network/don/testutil/econsim/experiments" // registers the experiments
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("donsim", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o econsim.Options
	fs.BoolVar(&o.Quick, "quick", false, "small runs (all of them in a few minutes on 2 cores)")
	fs.Uint64Var(&o.Seed, "seed", 1, "first seed; run r uses seed+r (the same seed gives the same CSV)")
	fs.IntVar(&o.Runs, "runs", 0, "Monte Carlo runs per parameter point (0: the experiment's default)")
	fs.StringVar(&o.Out, "out", "build/sim", "directory of the CSV and PNG files")
	verbose := fs.Bool("v", false, "print progress")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: donsim <experiment>|all [--quick] [--seed N] [--runs N] [--out DIR]\n\nexperiments:")
		for _, e := range econsim.Experiments() {
			fmt.Fprintf(stderr, "  %-11s %s\n", e.Name, e.Summary)
		}
		fmt.Fprintln(stderr, "\nflags:")
		fs.PrintDefaults()
	}
	// The experiment name may come before or after the flags.
	var names []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		names = append(names, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(names) != 1 {
		fs.Usage()
		return 2
	}
	if *verbose {
		o.Log = stderr
	}
	todo := econsim.Experiments()
	if names[0] != "all" {
		e, ok := econsim.Lookup(names[0])
		if !ok {
			fmt.Fprintf(stderr, "donsim: unknown experiment %q (run donsim -h for the list)\n", names[0])
			return 2
		}
		todo = []econsim.Experiment{e}
	}
	failed := 0
	for _, e := range todo {
		start := time.Now()
		res, err := econsim.Execute(e, o, stdout)
		if err != nil {
			fmt.Fprintf(stderr, "donsim: %v\n", err)
			return 2
		}
		if !res.Passed() {
			failed++
		}
		fmt.Fprintf(stdout, "       %-10s done in %s\n", e.Name, time.Since(start).Round(time.Second))
	}
	if failed > 0 {
		fmt.Fprintf(stdout, "donsim: %d of %d experiments failed a criterion\n", failed, len(todo))
		return 1
	}
	return 0
}
