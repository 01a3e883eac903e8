package cmd

import (
	"testing"

	"github.com/stretchr/testify/require"

	svrcmd "github.com/cosmos/cosmos-sdk/server/cmd"
)

// run executes dond with args against no node and returns its error.
func run(t *testing.T, args ...string) error {
	t.Helper()
	root := NewRootCmd()
	root.SetArgs(args)
	return svrcmd.Execute(root, "DOND_TEST", t.TempDir())
}

// A bad positional argument used to read `invalid argument "abc" for "--0"
// flag`; autocli names its positional flags by index.
func TestPositionalArgumentsAreNamed(t *testing.T) {
	err := run(t, "query", "optima", "model", "abc")
	require.EqualError(t, err, `model-id: "abc" is not a number`)
	err = run(t, "query", "optima", "optimum", "1", "2.5")
	require.EqualError(t, err, `optimum-id: "2.5" is not a number`)
	err = run(t, "query", "evaluation", "request", "99999999999999999999")
	require.ErrorContains(t, err, `"99999999999999999999" is out of range`)
}
