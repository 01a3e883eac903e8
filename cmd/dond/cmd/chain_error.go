package cmd

import (
	"errors"
	"regexp"
	"strings"
)

var (
	// grpcPrefix is how a gRPC status prints; a node's answer can carry two
	// (the client's and the query router's).
	grpcPrefix = regexp.MustCompile(`^rpc error: code = \w+ desc = `)
	// buildPath is the [file.go:line] frame cosmossdk.io/errors appends
	// when an error is formatted with %v, as the node's simulation does.
	buildPath = regexp.MustCompile(` \[[^\[\]\s]+\.go:\d+\]`)
	// simGas is the tail the node's Simulate adds to a failed simulation.
	simGas = regexp.MustCompile(` with gas used: '\d+'$`)
	// routerSuffix is the SDK error the node's query router wraps any
	// non-SDK gRPC error in ("unknown request" for a failed simulation).
	routerSuffix = regexp.MustCompile(`: (unknown request|invalid request|key not found|unauthorized)$`)
)

// chainError reduces an error the node returned to the chain's own message:
// no gRPC status prefixes, no build paths, no "unknown request" from the
// query router. A failed --gas auto simulation reads
// "simulation failed: failed to execute message; message index: 0: ...".
func chainError(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	if !grpcPrefix.MatchString(msg) {
		return err
	}
	msg = grpcPrefix.ReplaceAllString(msg, "")
	if grpcPrefix.MatchString(msg) { // relayed by the query router
		msg = routerSuffix.ReplaceAllString(grpcPrefix.ReplaceAllString(msg, ""), "")
	}
	msg = buildPath.ReplaceAllString(msg, "")
	if simGas.MatchString(msg) {
		msg = "simulation failed: " + simGas.ReplaceAllString(msg, "")
	}
	return errors.New(strings.TrimSpace(msg))
}
