package fixedpoint

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestConsensusSourceRules enforces docs/determinism.md on the non-test sources of
// this package and of ../domains: no floating point (types or literals), no
// math, math/rand, time, unsafe or reflect imports (math/bits and math/big are
// integer-only), no map types, no goroutines.
func TestConsensusSourceRules(t *testing.T) {
	banned := map[string]bool{
		"math": true, "math/rand": true, "math/rand/v2": true, "math/cmplx": true,
		"time": true, "unsafe": true, "reflect": true, "sync": true,
	}
	for _, dir := range []string{".", "../domains"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, src, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				if banned[p] {
					t.Errorf("%s imports %q", fset.Position(imp.Pos()), p)
				}
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.BasicLit:
					if n.Kind == token.FLOAT || n.Kind == token.IMAG {
						t.Errorf("%s: float literal %s", fset.Position(n.Pos()), n.Value)
					}
				case *ast.Ident:
					switch n.Name {
					case "float32", "float64", "complex64", "complex128":
						t.Errorf("%s: uses %s", fset.Position(n.Pos()), n.Name)
					}
				case *ast.MapType:
					t.Errorf("%s: map type", fset.Position(n.Pos()))
				case *ast.GoStmt:
					t.Errorf("%s: goroutine", fset.Position(n.Pos()))
				}
				return true
			})
		}
	}
}
