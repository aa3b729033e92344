package config

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// depthOf is the nesting of a parsed value as MaxDepth counts it: a table
// or array is one level more than its deepest member.
func depthOf(v any) int {
	deepest := 0
	switch v := v.(type) {
	case map[string]any:
		for _, e := range v {
			deepest = max(deepest, depthOf(e))
		}
	case []any:
		for _, e := range v {
			deepest = max(deepest, depthOf(e))
		}
	default:
		return 0
	}
	return deepest + 1
}

// namesOf adds up the full names of a parsed value's keys as MaxNameBytes
// counts them (each segment and a separator); prefix is the name of v.
func namesOf(v any, prefix int) int {
	total := 0
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			total += prefix + len(k) + 1 + namesOf(e, prefix+len(k)+1)
		}
	case []any:
		for _, e := range v {
			total += namesOf(e, prefix)
		}
	}
	return total
}

// TestScanDepth: the scan's depth is the parsed value's, exactly, through
// every lexical form that could hide or fake a bracket, a dot or a key.
func TestScanDepth(t *testing.T) {
	tests := []struct {
		id     string
		text   string
		format Format
		depth  int
	}{
		{"empty TOML is the root table", "", FormatTOML, 1},
		{"a key", "a = 1", FormatTOML, 1},
		{"a float is not a dotted key", "a = 1.5\nb = -0.5e3", FormatTOML, 1},
		{"dotted key", "a.b.c = 1", FormatTOML, 3},
		{"dotted key with spaces", "a . b\t. c = 1", FormatTOML, 3},
		{"a quoted dot is not a separator", `"a.b" = 1`, FormatTOML, 1},
		{"quoted segments", `'a.b'."c.d".e = 1`, FormatTOML, 3},
		{"empty quoted segment", `"".a = 1`, FormatTOML, 2},
		{"header", "[a.b]\nc = 1", FormatTOML, 3},
		{"header with spaces and a comment", "[ a . b ] # [[[[\nc = 1", FormatTOML, 3},
		{"quoted header", "[\"a.b\"]\nc = 1", FormatTOML, 2},
		{"key under a header", "[a]\nb.c = [1]", FormatTOML, 4},
		{"array of tables", "[[a]]\nb = 1\n[[a]]\nb = 2", FormatTOML, 3},
		{"header through an array of tables", "[[a]]\n[a.b]", FormatTOML, 4},
		{"array of tables in an array of tables", "[[a]]\n[[a.b]]\nc = 1", FormatTOML, 5},
		{"array of tables under a table", "[a]\n[[a.b]]", FormatTOML, 4},
		{"the same table spelt three ways", "[['a']]\n[\"a\".b]\n[a.c]", FormatTOML, 4},
		{"escaped header names", "[[\"\\x61\\u0062\"]]\n[ab.c]", FormatTOML, 4},
		{"inline table", "a = {b = {c = 1}}", FormatTOML, 3},
		{"dotted key in an inline table", "a = {b.c = 1}", FormatTOML, 3},
		{"arrays", "a = [1, [2, [3]]]", FormatTOML, 4},
		{"inline tables in arrays", "x = [{a = [1]}, {}]", FormatTOML, 4},
		{"TOML 1.1 inline table over lines", "x = {\n  a = [1, # ]]\n  2], # }\n  b = {},\n}", FormatTOML, 3},
		{"multi-line array with comments", "a = [\n  [1], # [[[\n  2,\n]", FormatTOML, 3},
		{"brackets in basic strings", `a = "[[{{"` + "\nb = [\"]]\", '}}']", FormatTOML, 2},
		{"escaped quote", `a = "\"[["` + "\nb = 1", FormatTOML, 1},
		{"a backslash does not escape in literal strings", `a = 'C:\'` + "\nb = [[1]]", FormatTOML, 3},
		{"multi-line basic string", "a = \"\"\"\n[[[ \\\"\"\" {{\n\"\"\"\nb = 1", FormatTOML, 1},
		{"multi-line string closed by five quotes", `a = """x"""""` + "\nb = [1]", FormatTOML, 2},
		{"multi-line literal string", "a = '''\n[[[ ''\n'''\nb = 1", FormatTOML, 1},
		{"line-ending backslash", "a = \"\"\"x \\\n  [[\"\"\"\nb = 1", FormatTOML, 1},
		{"comment", "# [[[[ {{{{ a.b.c\na = 1 # [[[", FormatTOML, 1},
		{"date-time with a space", "t = 1979-05-27 07:32:00.5\nx = [1979-05-27 07:32:00, 1]", FormatTOML, 2},
		{"CRLF line ends", "[a]\r\nb = [\r\n  1,\r\n]\r\n", FormatTOML, 3},
		{"byte order mark", "\uFEFFa.b = 1", FormatTOML, 2},
		{"JSON scalar", "1", FormatJSON, 0},
		{"JSON object", "{}", FormatJSON, 1},
		{"JSON nesting", `{"a": [{"b": []}]}`, FormatJSON, 4},
		{"JSON brackets in strings", `{"a": "[{", "b": ["\"]}", "\\"]}`, FormatJSON, 2},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			var depth int
			var err *scanError
			if tc.format == FormatJSON {
				depth, err = scanJSON(tc.text)
			} else {
				depth, _, err = scanTOML(tc.text)
			}
			if err != nil || depth != tc.depth {
				t.Fatalf("scan = %d, %v; want %d", depth, err, tc.depth)
			}
			parsed, perr := Parse(tc.text, tc.format, "")
			if perr != nil {
				t.Fatalf("Parse: %v", perr)
			}
			if got := depthOf(parsed); got != tc.depth {
				t.Fatalf("the parsed value is %d deep, the scan said %d: %#v", got, tc.depth, parsed)
			}
		})
	}
}

// TestScanNames: the scan counts each full name BurntSushi builds, at
// least once for every key of the parsed value.
func TestScanNames(t *testing.T) {
	tests := []struct {
		id    string
		text  string
		names int
	}{
		{"a key", "a = 1", 2},
		{"a table and its key", "[files]\n\"a.py\" = \"\"", 6 + 6 + 7},
		{"every prefix of a header", "[a.b.c]", 2 + 4 + 6},
		{"every prefix of a dotted key", "[t]\na.b = 1", 2 + 4 + 6},
		{"arrays and inline tables name their key again", "k = [[{a = 1}]]", 2 + 2 + 2 + 2 + 4},
		{"repeated arrays of tables", "[[f]]\nx = 1\n[[f]]\nx = 2", 2 + 4 + 2 + 4},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			_, names, err := scanTOML(tc.text)
			if err != nil || names != tc.names {
				t.Fatalf("scan = %d, %v; want %d", names, err, tc.names)
			}
			parsed, perr := Parse(tc.text, FormatTOML, "")
			if perr != nil {
				t.Fatalf("Parse: %v", perr)
			}
			if got := namesOf(parsed, 0); got > names {
				t.Fatalf("the parsed value's names are %d bytes, more than the %d the scan counted", got, names)
			}
		})
	}
}

// TestScanNeverStalls: on text that is not TOML the scan still ends, at
// the end of the text, without an error of its own.
func TestScanNeverStalls(t *testing.T) {
	for _, text := range []string{
		"]", "}", ",", "=", "[", "[[", "a", "a.", "a =", "a = [", "a = {", "a = {]", "a = [}", "a = {,,}", "x = [1 [2]]",
		"\"", "'", `"""`, "'''", `a = "\`, "a = \"x\ny\"", "[a\n]", ". = .", strings.Repeat("]}", 50),
	} {
		if _, _, err := scanTOML(text); err != nil {
			t.Errorf("scanTOML(%q) = %v; want no error", text, err)
		}
	}
}

// tomlGen writes random valid TOML that mixes every form the scan must
// tell apart: quoted and dotted keys, [headers] and [[headers]] over
// earlier arrays of tables, nested arrays and inline tables, and strings
// and comments full of brackets, dots and quotes.
type tomlGen struct {
	r *rand.Rand
	b strings.Builder
	n int // keys written
}

// genKeys leave out the empty key "": BurntSushi/toml v1.6.0 drops
// values after it (x."" = [{k = 1}, 2] gives {"x": {"": [{"k": 1}]}}),
// which would make the value shallower than the text.
var genKeys = []string{"a", "b", `"a"`, `'b'`, `"x.y"`, `"\u0061"`, `"[["`, `'}'`, "c-d"}
var genScalars = []string{"1", "-2.5e3", "true", "1979-05-27 07:32:00", "07:32", "inf",
	`"[[{."`, `'"]]'`, `"\"}"`, `'''a ]] '' '''`, "\"\"\"\n[[ \\\"\"\" {\n\"\"\"", `"\x41\e"`}

func (g *tomlGen) key(segments int) {
	for i := range segments {
		if i > 0 {
			g.b.WriteString([]string{".", " . ", "\t."}[g.r.Intn(3)])
		}
		g.b.WriteString(genKeys[g.r.Intn(len(genKeys))])
	}
}

func (g *tomlGen) value(depth int) {
	switch n := g.r.Intn(6); {
	case depth > 6 || n < 3:
		g.b.WriteString(genScalars[g.r.Intn(len(genScalars))])
	case n == 3:
		g.b.WriteString("[ # [[\n")
		for i := range g.r.Intn(3) {
			if i > 0 {
				g.b.WriteString(",\n ")
			}
			g.value(depth + 1)
		}
		g.b.WriteString("]")
	default:
		g.b.WriteString("{")
		for i := range g.r.Intn(3) {
			if i > 0 {
				g.b.WriteString(", # {{\n ")
			}
			g.b.WriteString(fmt.Sprintf("k%d", i))
			if g.r.Intn(2) == 0 {
				g.b.WriteString(".sub")
			}
			g.b.WriteString(" = ")
			g.value(depth + 1)
		}
		g.b.WriteString("}")
	}
}

func (g *tomlGen) document() string {
	for range 1 + g.r.Intn(6) {
		switch g.r.Intn(4) {
		case 0:
			g.b.WriteString("[")
			g.key(1 + g.r.Intn(3))
			g.b.WriteString("] # [[a]]\n")
		case 1:
			g.b.WriteString("[[")
			g.key(1 + g.r.Intn(3))
			g.b.WriteString("]]\n")
		}
		// Each key starts with a name of its own: BurntSushi/toml v1.6.0
		// lets a = [] replace the table a.b = 1 made (BurntSushi/toml#451),
		// which would make the value shallower than the text.
		for range g.r.Intn(3) {
			g.n++
			fmt.Fprintf(&g.b, "kv%d", g.n)
			if more := g.r.Intn(3); more > 0 {
				g.b.WriteString(".")
				g.key(more)
			}
			g.b.WriteString(" = ")
			g.value(0)
			g.b.WriteString(" # ]]}\n")
		}
	}
	return g.b.String()
}

// TestScanMatchesParser: on thousands of random valid documents the
// scan's depth is the parsed value's, and its names cover the value's.
func TestScanMatchesParser(t *testing.T) {
	r := rand.New(rand.NewSource(8))
	parsed, deepest := 0, 0
	for range 20_000 {
		g := &tomlGen{r: r}
		text := g.document()
		v, err := Parse(text, FormatTOML, "")
		if err != nil {
			continue // a duplicate key or table: not TOML
		}
		parsed++
		deepest = max(deepest, depthOf(v))
		depth, names, serr := scanTOML(text)
		if serr != nil || depth != depthOf(v) || names < namesOf(v, 0) {
			t.Fatalf("scan = depth %d, names %d, %v; the value is %d deep with %d name bytes\n%s",
				depth, names, serr, depthOf(v), namesOf(v, 0), text)
		}
	}
	t.Logf("%d of the documents parsed, as deep as %d", parsed, deepest)
	if parsed < 5_000 {
		t.Fatalf("only %d of the generated documents parsed; the generator is broken", parsed)
	}
}
