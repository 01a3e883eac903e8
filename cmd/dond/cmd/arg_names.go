package cmd

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
)

var (
	// autocliArgErr is how autocli reports a bad positional argument: it
	// parses them with a flag set whose flags are named 0, 1, ...
	autocliArgErr = regexp.MustCompile(`^invalid argument ("(?:[^"\\]|\\.)*") for "--(\d+)" flag: (.*)$`)
	// usePlaceholder is one [name] or <name> of a command's Use line.
	usePlaceholder = regexp.MustCompile(`[\[<]([^\]>]+)[\]>]`)
)

// friendlyErrors makes the errors of every command under root readable:
// a positional argument is named as in the command's usage
// (`model-id: "abc" is not a number`, not `invalid argument "abc" for "--0"
// flag`) and an error from the node is reduced to the chain's message.
func friendlyErrors(root *cobra.Command) {
	for _, c := range root.Commands() {
		friendlyErrors(c)
	}
	if run := root.RunE; run != nil {
		c := root
		root.RunE = func(cmd *cobra.Command, args []string) error {
			return chainError(argError(c.Use, run(cmd, args)))
		}
	}
}

// argError renames autocli's positional argument errors after the usage.
func argError(use string, err error) error {
	if err == nil {
		return nil
	}
	m := autocliArgErr.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	value, uerr := strconv.Unquote(m[1])
	if uerr != nil {
		value = m[1]
	}
	i, _ := strconv.Atoi(m[2])
	name := fmt.Sprintf("argument %d", i+1)
	if names := usePlaceholder.FindAllStringSubmatch(use, -1); i < len(names) {
		name = names[i][1]
	}
	reason := m[3]
	switch {
	case strings.Contains(reason, "strconv.Parse") && strings.HasSuffix(reason, "invalid syntax"):
		return fmt.Errorf("%s: %q is not a number", name, value)
	case strings.HasSuffix(reason, "value out of range"):
		return fmt.Errorf("%s: %q is out of range", name, value)
	}
	return fmt.Errorf("%s: %q: %s", name, value, reason)
}
