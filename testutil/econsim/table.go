package econsim

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
)

// Table is an experiment's CSV: a header and rows, formatted so that the
// same seed gives the same bytes.
type Table struct {
	Header []string
	Rows   [][]string
}

// NewTable starts a table with its column names.
func NewTable(columns ...string) *Table { return &Table{Header: columns} }

// Add appends a row; ints print in full, floats with 10 significant digits.
func (t *Table) Add(vals ...any) {
	if len(vals) != len(t.Header) {
		panic(fmt.Sprintf("econsim: row of %d values for %d columns", len(vals), len(t.Header)))
	}
	row := make([]string, len(vals))
	for i, v := range vals {
		row[i] = formatCell(v)
	}
	t.Rows = append(t.Rows, row)
}

func formatCell(v any) string {
	switch x := v.(type) {
	case float64:
		return strconv.FormatFloat(x, 'g', 10, 64)
	case string:
		return x
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

// Bytes is the CSV.
func (t *Table) Bytes() []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(t.Header)
	_ = w.WriteAll(t.Rows) // writes to memory: no error
	return b.Bytes()
}

// WriteFile writes the CSV to path.
func (t *Table) WriteFile(path string) error { return os.WriteFile(path, t.Bytes(), 0o644) }
