package devnet

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// setTOML sets key = value in [section] of a TOML file written by dond
// (section "" is the top level). value is written as given, quotes included.
// A section the file lacks altogether is appended (an older dond's template
// has no [dashboard], and that dond ignores it); a key missing from a section
// that exists is an error, since it is most likely misspelt.
func setTOML(path, section, key, value string) error {
	bz, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	lines := strings.Split(string(bz), "\n")
	current, seen := "", section == ""
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "[") && strings.HasSuffix(trimmed, "]") {
			current = strings.Trim(trimmed, "[]")
			seen = seen || current == section
			continue
		}
		if current == section && strings.HasPrefix(trimmed, key+" ") || current == section && strings.HasPrefix(trimmed, key+"=") {
			lines[i] = key + " = " + value
			return os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o600)
		}
	}
	if !seen {
		lines = append(lines, "", "["+section+"]", key+" = "+value, "")
		return os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o600)
	}
	return fmt.Errorf("%s: key %q not found in [%s]", path, key, section)
}

// SetConfig sets key = value in [section] of one of the node's config files
// ("config.toml", "app.toml" or "client.toml"); value is TOML, quotes
// included. Takes effect at the node's next start.
func (n *Node) SetConfig(file, section, key, value string) error {
	return setTOML(filepath.Join(n.Home, "config", file), section, key, value)
}
