package modulekit

import (
	"errors"
	"fmt"
	"strconv"
)

// ParseID parses a numeric id argument of a hand-written command, naming
// the argument as its usage line does: `model-id: "abc" is not a number`
// (the root command words autocli's argument errors the same way).
func ParseID(name, arg string) (uint64, error) {
	id, err := strconv.ParseUint(arg, 10, 64)
	if errors.Is(err, strconv.ErrRange) {
		return 0, fmt.Errorf("%s: %q is out of range", name, arg)
	}
	if err != nil {
		return 0, fmt.Errorf("%s: %q is not a number", name, arg)
	}
	return id, nil
}
