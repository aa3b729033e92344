package toml

import (
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// suiteSkips are the toml-test cases that do not apply to TOML 1.1, as
// the corpus's own runner leaves them out (internal/toml-test/version.go
// of BurntSushi/toml v1.6.0): 1.0's spec examples, and texts that were
// invalid in 1.0 but are TOML 1.1.
var suiteSkips = []string{
	"valid/spec-1.0.0/*",
	"invalid/spec-1.0.0/*",
	"invalid/datetime/no-secs",
	"invalid/local-time/no-secs",
	"invalid/local-datetime/no-secs",
	"invalid/string/basic-byte-escapes",
	"invalid/inline-table/trailing-comma",
	"invalid/inline-table/linebreak-0[1-4]",
}

// suiteDir is the toml-test corpus (toml-lang/toml-test, commit b54f9ffc
// of 2025-12-16) that BurntSushi/toml v1.6.0, the test-only dependency,
// ships in its module.
func suiteDir(t testing.TB) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/BurntSushi/toml").Output()
	require.NoError(t, err, "go list -m github.com/BurntSushi/toml")
	dir := filepath.Join(strings.TrimSpace(string(out)), "internal", "toml-test", "tests")
	_, err = os.Stat(dir)
	require.NoError(t, err, "the toml-test corpus in the module cache")
	return dir
}

// suiteCases are the corpus's TOML files under valid/ or invalid/, by
// name (such as valid/array/nested), with the skips left out.
func suiteCases(t testing.TB, kind string) map[string]string {
	dir := suiteDir(t)
	cases := map[string]string{}
	err := filepath.WalkDir(filepath.Join(dir, kind), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".toml") {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		name := strings.TrimSuffix(filepath.ToSlash(rel), ".toml")
		for _, skip := range suiteSkips {
			if ok, _ := filepath.Match(skip, name); ok {
				return nil
			}
		}
		cases[name] = path
		return nil
	})
	require.NoError(t, err)
	return cases
}

// TestSuiteValid: every valid document of the corpus parses to the value
// its .json file describes, converted as JSON.parse would see it.
func TestSuiteValid(t *testing.T) {
	cases := suiteCases(t, "valid")
	require.Greater(t, len(cases), 200, "the corpus has about 250 valid cases")
	for name, path := range cases {
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(path)
			require.NoError(t, err)
			wantJSON, err := os.ReadFile(strings.TrimSuffix(path, ".toml") + ".json")
			require.NoError(t, err)
			var tagged any
			require.NoError(t, json.Unmarshal(wantJSON, &tagged))
			got, err := Parse(string(text))
			require.NoError(t, err, "%s", text)
			requireSame(t, untag(t, tagged), got, string(text))
		})
	}
}

// TestSuiteInvalid: every invalid document of the corpus is refused, with
// a position inside the text.
func TestSuiteInvalid(t *testing.T) {
	cases := suiteCases(t, "invalid")
	require.Greater(t, len(cases), 400, "the corpus has about 480 invalid cases")
	for name, path := range cases {
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(path)
			require.NoError(t, err)
			got, err := Parse(string(text))
			require.Error(t, err, "%s\nparsed as %v", text, got)
			var e *Error
			require.ErrorAs(t, err, &e)
			require.LessOrEqual(t, e.Offset, len(text))
		})
	}
}

// untag turns toml-test's tagged JSON ({"type": "integer", "value":
// "1"}) into the value model, with the standard library's time package
// as the reference for dates.
func untag(t testing.TB, v any) any {
	switch v := v.(type) {
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = untag(t, e)
		}
		return out
	case map[string]any:
		typ, isTyped := v["type"].(string)
		value, hasValue := v["value"].(string)
		if len(v) == 2 && isTyped && hasValue {
			return untagScalar(t, typ, value)
		}
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = untag(t, e)
		}
		return out
	}
	t.Fatalf("unexpected JSON %v", v)
	return nil
}

func untagScalar(t testing.TB, typ, value string) any {
	switch typ {
	case "string":
		return value
	case "bool":
		return value == "true"
	case "integer":
		n, err := strconv.ParseInt(value, 10, 64)
		require.NoError(t, err)
		return float64(n)
	case "float":
		f, err := strconv.ParseFloat(value, 64)
		require.NoError(t, err, value)
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return nil
		}
		return f
	}
	return referenceDate(t, typ, value)
}

// referenceDate renders a toml-test date as the old code did with Go's
// time package: an instant as JS Date's JSON, local ones as RFC 3339.
func referenceDate(t testing.TB, typ, value string) string {
	formats, ok := map[string]struct{ in, out string }{
		"datetime":       {time.RFC3339Nano, "2006-01-02T15:04:05.000Z"},
		"datetime-local": {"2006-01-02T15:04:05.999999999", "2006-01-02T15:04:05.999999999"},
		"date-local":     {"2006-01-02", "2006-01-02"},
		"time-local":     {"15:04:05.999999999", "15:04:05.999999999"},
	}[typ]
	require.True(t, ok, "type %q", typ)
	d, err := time.Parse(formats.in, strings.NewReplacer("t", "T", "z", "Z", " ", "T").Replace(value))
	require.NoError(t, err, value)
	if typ == "datetime" {
		d = d.UTC()
	}
	return d.Format(formats.out)
}

// requireSame compares two values of the model exactly: floats by their
// bits (so -0 is not 0), maps and slices element by element.
func requireSame(t testing.TB, want, got any, context string) {
	t.Helper()
	if path, ok := same(want, got, ""); !ok {
		t.Fatalf("values differ at %q\nwant %#v\ngot  %#v\ntext:\n%s", path, want, got, context)
	}
}

// same reports whether a and b are the same value of the model, and if
// not, the path of the first difference.
func same(a, b any, path string) (string, bool) {
	switch a := a.(type) {
	case map[string]any:
		bm, ok := b.(map[string]any)
		if !ok || len(a) != len(bm) {
			return path, false
		}
		for k, av := range a {
			bv, ok := bm[k]
			if !ok {
				return path + "." + k, false
			}
			if p, ok := same(av, bv, path+"."+k); !ok {
				return p, false
			}
		}
		return "", true
	case []any:
		bs, ok := b.([]any)
		if !ok || len(a) != len(bs) || (a == nil) != (bs == nil) {
			return path, false
		}
		for i := range a {
			if p, ok := same(a[i], bs[i], path+"["+strconv.Itoa(i)+"]"); !ok {
				return p, false
			}
		}
		return "", true
	case float64:
		bf, ok := b.(float64)
		return path, ok && math.Float64bits(a) == math.Float64bits(bf)
	}
	return path, a == b
}
