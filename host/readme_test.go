package host_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readmeExample is a marker in README.md and the Go block right after it:
// <!-- example: host/example_test.go Example --> names the function whose
// body the block shows.
var (
	readmeMarker  = regexp.MustCompile(`<!-- example: `)
	readmeExample = regexp.MustCompile("<!-- example: (\\S+) (\\w+) -->\n```go\n((?s:.*?))```\n")
)

// TestREADMEShowsExamples: each Go block of README.md that follows an
// example marker is, verbatim, the body of the function it names, so that
// the README shows code that compiles and that go test runs.
func TestREADMEShowsExamples(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	examples := readmeExample.FindAllSubmatch(readme, -1)
	require.NotEmpty(t, examples, "README.md has no example marker followed by a Go block")
	require.Len(t, examples, len(readmeMarker.FindAll(readme, -1)), "an example marker is not followed by a Go block")
	for _, m := range examples {
		path, fn, block := string(m[1]), string(m[2]), string(m[3])
		assert.Equal(t, funcBody(t, "../"+path, fn), block, "README.md's block for %s in %s", fn, path)
	}
}

// funcBody is the body of the top-level function name in the Go file at
// path, without its braces and one tab less indented, as a README shows it.
func funcBody(t *testing.T, path, name string) string {
	t.Helper()
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, path, src, parser.ParseComments)
	require.NoError(t, err)
	for _, d := range file.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || fd.Name.Name != name {
			continue
		}
		body := src[fset.Position(fd.Body.Lbrace).Offset+1 : fset.Position(fd.Body.Rbrace).Offset]
		lines := strings.Split(strings.Trim(string(body), "\n"), "\n")
		for i, l := range lines {
			lines[i] = strings.TrimPrefix(l, "\t")
		}
		return strings.Join(lines, "\n") + "\n"
	}
	t.Fatalf("%s has no function %s", path, name)
	return ""
}
