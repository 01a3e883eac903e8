// Package cli holds the hand-written x/evaluation commands: those that read
// input or output files (JSON or CSV of decimals, converted to fixed point
// without floats) and print results back as decimals. autocli generates
// the rest (see ../../autocli.go).
package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/don-network/don/x/optima/fixedpoint"
)

// ReadRowsFile reads a matrix of decimals from a .csv file (one row per
// line; a first line without a number-like cell is a header and skipped) or from
// JSON (an array of rows, or one flat array for a single row), and returns
// the rows in fixed point.
func ReadRowsFile(path string) ([][]int64, error) {
	bz, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if strings.EqualFold(filepath.Ext(path), ".csv") {
		return ParseRowsCSV(bz)
	}
	return ParseRowsJSON(bz)
}

// ParseRowsJSON parses [[1, 2.5], [3, "-0.25"]] or [1, 2.5] (one row).
func ParseRowsJSON(bz []byte) ([][]int64, error) {
	dec := json.NewDecoder(bytes.NewReader(bz))
	dec.UseNumber()
	var raw []any
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("expected a JSON array of rows of decimals: %w", err)
	}
	if len(raw) == 0 {
		return nil, fmt.Errorf("no rows")
	}
	if _, nested := raw[0].([]any); !nested {
		row, err := parseRow(0, raw)
		if err != nil {
			return nil, err
		}
		return [][]int64{row}, nil
	}
	rows := make([][]int64, len(raw))
	for i, r := range raw {
		vals, ok := r.([]any)
		if !ok {
			return nil, fmt.Errorf("row %d is not an array", i)
		}
		row, err := parseRow(i, vals)
		if err != nil {
			return nil, err
		}
		rows[i] = row
	}
	return rows, nil
}

func parseRow(i int, vals []any) ([]int64, error) {
	row := make([]int64, len(vals))
	for j, v := range vals {
		var s string
		switch t := v.(type) {
		case json.Number:
			s = t.String()
		case string:
			s = t
		default:
			return nil, fmt.Errorf("row %d value %d: %v is not a number", i, j, v)
		}
		f, err := parseDecimal(i, j, s)
		if err != nil {
			return nil, err
		}
		row[j] = f
	}
	return row, nil
}

func parseDecimal(i, j int, s string) (int64, error) {
	f, err := parseCell(s)
	if err != nil {
		return 0, fmt.Errorf("row %d value %d %q: %w", i, j, s, err)
	}
	return f, nil
}

// ParseRowsCSV parses comma-separated rows of decimals. Only a first line
// without a number-like cell is a header: "NaN,0,0,0" is a bad row, not a
// header. Errors name the 1-based line and column.
func ParseRowsCSV(bz []byte) ([][]int64, error) {
	r := csv.NewReader(bytes.NewReader(bz))
	r.FieldsPerRecord = -1 // checked by Flatten with a clearer message
	r.TrimLeadingSpace = true
	var rows [][]int64
	for first := true; ; first = false {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		line, _ := r.FieldPos(0)
		if first && isHeader(rec) {
			continue
		}
		row := make([]int64, len(rec))
		for j, s := range rec {
			f, err := parseCell(s)
			if err != nil {
				return nil, fmt.Errorf("line %d column %d %q: %w", line, j+1, s, err)
			}
			row[j] = f
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("no rows")
	}
	return rows, nil
}

// isHeader reports whether a CSV line is column names: no cell looks like
// a number, not even a malformed one.
func isHeader(rec []string) bool {
	for _, s := range rec {
		if numberLike(s) {
			return false
		}
	}
	return true
}

// numberLike: a digit (after an optional sign and point) or a float word
// such as NaN or Inf; "x1" is a name.
func numberLike(s string) bool {
	s = strings.TrimLeft(strings.TrimSpace(s), "+-")
	if isFloatWord(s) {
		return true
	}
	s = strings.TrimPrefix(s, ".")
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

func isFloatWord(s string) bool {
	switch strings.ToLower(strings.TrimLeft(strings.TrimSpace(s), "+-")) {
	case "nan", "inf", "infinity":
		return true
	}
	return false
}

// parseCell parses one decimal cell; NaN and infinities get their own
// message (the chain's fixed point has neither).
func parseCell(s string) (int64, error) {
	if isFloatWord(s) {
		return 0, fmt.Errorf("NaN and infinities are not accepted: inputs are finite decimals")
	}
	f, err := fixedpoint.ParseDecimal(strings.TrimSpace(s))
	if err != nil {
		return 0, err
	}
	return f.Raw(), nil
}

// Flatten checks that every row has the same width and returns the
// row-major values.
func Flatten(rows [][]int64) ([]int64, int, error) {
	if len(rows) == 0 {
		return nil, 0, fmt.Errorf("no rows")
	}
	width := len(rows[0])
	out := make([]int64, 0, len(rows)*width)
	for i, r := range rows {
		if len(r) != width {
			return nil, 0, fmt.Errorf("row %d has %d values, row 0 has %d", i, len(r), width)
		}
		out = append(out, r...)
	}
	return out, width, nil
}

// Rows splits row-major fixed-point values into rows of decimals.
func Rows(values []int64, width int) [][]string {
	if width <= 0 {
		return nil
	}
	var out [][]string
	for i := 0; i+width <= len(values); i += width {
		row := make([]string, width)
		for j := range row {
			row[j] = fixedpoint.FromRaw(values[i+j]).String()
		}
		out = append(out, row)
	}
	return out
}

// WriteRows writes decimal rows as CSV (csv true) or JSON.
func WriteRows(w io.Writer, rows [][]string, asCSV bool) error {
	if asCSV {
		cw := csv.NewWriter(w)
		if err := cw.WriteAll(rows); err != nil {
			return err
		}
		return cw.Error()
	}
	nums := make([][]json.Number, len(rows)) // decimals as JSON numbers
	for i, r := range rows {
		nums[i] = make([]json.Number, len(r))
		for j, v := range r {
			nums[i][j] = json.Number(v)
		}
	}
	return json.NewEncoder(w).Encode(nums)
}
