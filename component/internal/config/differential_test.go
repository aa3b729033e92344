package config

import (
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/execctx/execctx/component/internal/config/toml"
)

// The differential tests run package toml and the reference, the old
// BurntSushi/toml path (reference_test.go), over the same texts: both
// must refuse a text, or both accept it with identical values (floats
// compared bit for bit). Where they differ on purpose, knownDifference
// says why; each reason is one of these, and every one of them is TOML
// (or JS) behaving as specified where BurntSushi does not:
const (
	// BurntSushi/toml lets a table be defined twice or extended where TOML
	// forbids it (its own toml-test run skips these cases, "we allow
	// appending to tables, but shouldn't"): [a] then a.b.c = 1 under [a]
	// after [a.b.c]; a dotted key into an inline table; a.b = 1 then a = 2
	// (BurntSushi/toml#451, which keeps {a: {b: 1}} and drops the 2);
	// [a] b.c = 1 then [a.b]. package toml refuses them with line and
	// column.
	diffTableRules = "BurntSushi accepts a table redefinition TOML forbids"
	// BurntSushi (through Go's time package) accepts offsets +24:00 and
	// +23:60; RFC 3339, and so TOML, allows 00-23 and 00-59.
	diffOffsetRange = "BurntSushi accepts an offset past 23:59"
	// In a table other than the root, BurntSushi keeps only the inline
	// tables of an array whose key is the empty key "": x."" = [1, {}, 2]
	// gives {x: {"": [{}]}}. (Keys other than "" are not affected.)
	diffEmptyKeyArray = `BurntSushi drops items of an array around its inline tables when the array's key is ""`
)

// tableRuleMessages are the fragments of package toml's messages for
// breaking a table rule (tables.go).
var tableRuleMessages = []string{
	"is already a table", "is already an array of tables", "is defined twice", "was already defined by dotted keys",
	"is defined by its header", "is an inline table, which is complete", "is an array, not a table",
	"is already a value, not a table", "is an array of tables (see", "cannot add to",
}

// knownDifference returns the reason the two parsers may disagree on a
// text, or "" if they must not: the reference refused it or gave want,
// package toml refused it or gave got.
func knownDifference(want any, refErr error, got any, gotErr error) string {
	if refErr == nil && gotErr == nil {
		return knownValueDifference(want, got)
	}
	if refErr != nil || gotErr == nil {
		return ""
	}
	msg := gotErr.Error()
	for _, m := range tableRuleMessages {
		if strings.Contains(msg, m) {
			return diffTableRules
		}
	}
	if strings.Contains(msg, "an offset's hours must be 00 to 23 and its minutes 00 to 59") {
		return diffOffsetRange
	}
	return ""
}

// knownValueDifference returns the reason both parsers may accept a text
// with different values, or "".
func knownValueDifference(want, got any) string {
	path, _ := sameValue(want, got, nil)
	for i := 2; i <= len(path); i++ {
		if _, isArray := valueAt(got, path[:i]).([]any); isArray && path[i-1] == "" {
			return diffEmptyKeyArray
		}
	}
	return ""
}

// valueAt is the value at path in v (map keys; indexes are left out of
// paths through arrays, see sameValue), or nil.
func valueAt(v any, path []string) any {
	for _, k := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// differential runs both parsers over text, which must be within the
// limits, and fails unless they agree or knownDifference explains why
// not. It returns the reason for a known difference, or "".
func differential(t testing.TB, text string) string {
	t.Helper()
	want, refErr := referenceTOML(text)
	got, gotErr := toml.Parse(text)
	if refErr != nil && gotErr != nil {
		return ""
	}
	path, same := sameValue(want, any(got), nil)
	if refErr == nil && gotErr == nil && same {
		return ""
	}
	if reason := knownDifference(want, refErr, got, gotErr); reason != "" {
		return reason
	}
	t.Fatalf("%q: the parsers differ at %q\nBurntSushi: %#v %v\ntoml:       %#v %v", text, path, want, refErr, got, gotErr)
	return ""
}

// sameValue reports whether a and b are the same value of the model,
// and if not, the keys down to the first difference (array indexes are
// left out). Floats are compared by their bits, so -0 is not 0; an empty
// array is not a nil one.
func sameValue(a, b any, path []string) ([]string, bool) {
	switch a := a.(type) {
	case map[string]any:
		bm, ok := b.(map[string]any)
		if !ok || len(a) != len(bm) {
			return path, false
		}
		for k, av := range a {
			keyPath := append(path[:len(path):len(path)], k)
			bv, ok := bm[k]
			if !ok {
				return keyPath, false
			}
			if p, ok := sameValue(av, bv, keyPath); !ok {
				return p, false
			}
		}
		return nil, true
	case []any:
		bs, ok := b.([]any)
		if !ok || len(a) != len(bs) || (a == nil) != (bs == nil) {
			return path, false
		}
		for i := range a {
			if p, ok := sameValue(a[i], bs[i], path); !ok {
				return p, false
			}
		}
		return nil, true
	case float64:
		bf, ok := b.(float64)
		return path, ok && math.Float64bits(a) == math.Float64bits(bf)
	}
	return path, a == b
}

// tomlTestCorpus are the texts of the toml-test corpus that BurntSushi
// ships in its module (see package toml's suite_test.go), valid and
// invalid, by name.
func tomlTestCorpus(t testing.TB) map[string]string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/BurntSushi/toml").Output()
	require.NoError(t, err, "go list -m github.com/BurntSushi/toml")
	dir := filepath.Join(strings.TrimSpace(string(out)), "internal", "toml-test", "tests")
	texts := map[string]string{}
	err = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".toml") {
			return err
		}
		text, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		texts[filepath.ToSlash(rel)] = string(text)
		return err
	})
	require.NoError(t, err)
	require.Greater(t, len(texts), 700, "the toml-test corpus in %s", dir)
	return texts
}

// suiteDifferences are the texts of the toml-test corpus on which the
// parsers differ, each on purpose: BurntSushi's own toml-test run skips
// all of them (toml_test.go: "we allow appending to tables, but
// shouldn't"; "will be fixed in Go 1.23").
var suiteDifferences = map[string]string{
	"invalid/array/extend-defined-aot.toml":         diffTableRules,
	"invalid/datetime/offset-overflow-minute.toml":  diffOffsetRange,
	"invalid/inline-table/duplicate-key-03.toml":    diffTableRules,
	"invalid/inline-table/overwrite-02.toml":        diffTableRules,
	"invalid/inline-table/overwrite-08.toml":        diffTableRules,
	"invalid/spec-1.0.0/inline-table-2-0.toml":      diffTableRules,
	"invalid/spec-1.0.0/table-9-1.toml":             diffTableRules,
	"invalid/spec-1.1.0/common-46-1.toml":           diffTableRules,
	"invalid/spec-1.1.0/common-49-0.toml":           diffTableRules,
	"invalid/table/append-with-dotted-keys-01.toml": diffTableRules,
	"invalid/table/append-with-dotted-keys-02.toml": diffTableRules,
	"invalid/table/append-with-dotted-keys-03.toml": diffTableRules,
	"invalid/table/append-with-dotted-keys-05.toml": diffTableRules,
	"invalid/table/duplicate-key-04.toml":           diffTableRules,
	"invalid/table/duplicate-key-05.toml":           diffTableRules,
	"invalid/table/redefine-02.toml":                diffTableRules,
	"invalid/table/redefine-03.toml":                diffTableRules,
}

// handwrittenDifferences are the texts of handwrittenTOML and of the
// package's other tests on which the parsers differ, each on purpose.
var handwrittenDifferences = map[string]string{
	"a.b = 1\na = 2":                diffTableRules, // BurntSushi/toml#451: {a: {b: 1}}, the 2 dropped
	"a.b = 1\na = []":               diffTableRules, // {a: []}, the table dropped
	"a.b.c = 1\n[a]":                diffTableRules,
	"a.b.c = 1\n[a.b]":              diffTableRules,
	"[a]\nb.c = 1\n[a.b]":           diffTableRules,
	"[a]\nx.y.z = 1\n[a.x]":         diffTableRules,
	"[a.b]\n[a]\nb.c = 1":           diffTableRules,
	"[a.b]\nc = 1\n[a]\nb.d = 2":    diffTableRules,
	"[a.b.c]\n[a]\nb = 1":           diffTableRules,
	"[a.b.c]\n[a]\nb.c.d = 1":       diffTableRules,
	"[[a]]\nb.c = 1\n[a.b]":         diffTableRules,
	"[[a.b]]\n[a]\nb.c = 1":         diffTableRules,
	"[a]\nb = {c = 1}\n[a.b.d]":     diffTableRules,
	"a = {b = 1}\n[a.c]":            diffTableRules,
	"a = {b = {}}\n[a.b.c]":         diffTableRules,
	"a = {b = 1}\na.c = 2":          diffTableRules,
	"a = {b = {c = 1}, b.d = 2}":    diffTableRules,
	"a = {b.c = 1, b = 2}":          diffTableRules,
	"a = 1979-05-27T07:32:00+24:00": diffOffsetRange,
	"a = 1979-05-27T07:32:00+00:60": diffOffsetRange,
	"x.\"\" = [{k = 1}, 2]":         diffEmptyKeyArray, // {x: {"": [{k: 1}]}}
	"[x]\n\"\" = [1, {}, 2]":        diffEmptyKeyArray, // {x: {"": [{}]}}
}

// TestTOMLDifferential runs both parsers over the toml-test corpus, the
// handwritten cases, the texts of this package's other tests, and
// generated documents and configs. The corpus and the handwritten texts
// must differ exactly where the lists above say; generated ones only
// where knownDifference explains it.
func TestTOMLDifferential(t *testing.T) {
	reasons := map[string]int{}
	check := func(texts map[string]string, listed map[string]string) {
		found := map[string]string{}
		for name, text := range texts {
			if checkLimits(text, FormatTOML) != nil {
				continue // refused before any parser sees it
			}
			if reason := differential(t, text); reason != "" {
				found[name] = reason
				reasons[reason]++
			}
		}
		if listed != nil {
			require.Equal(t, listed, found, "the differences found, against the list")
		}
	}
	check(tomlTestCorpus(t), suiteDifferences)
	check(byText(append(append(handwrittenTOML, seeds...), scanSeeds...)), handwrittenDifferences)
	check(generatedTOML(t, 3000), nil)
	for reason, n := range reasons {
		t.Logf("%4d texts: %s", n, reason)
	}
}

// byText keys texts by themselves.
func byText(texts []string) map[string]string {
	out := make(map[string]string, len(texts))
	for _, s := range texts {
		out[s] = s
	}
	return out
}

// FuzzParseTOMLDifferential: on any text within the limits, the parsers
// agree, or differ only for a reason of knownDifference.
func FuzzParseTOMLDifferential(f *testing.F) {
	for _, s := range append(append(handwrittenTOML, seeds...), scanSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if checkLimits(text, FormatTOML) != nil {
			return
		}
		differential(t, text)
	})
}
