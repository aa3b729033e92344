package toml

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

type obj = map[string]any

// valueTests are TOML texts and the value Parse gives, rule by rule.
var valueTests = []struct {
	name string
	text string
	want obj
}{
	// Documents, blanks, comments, newlines.
	{"empty", "", obj{}},
	{"only blanks and comments", " \t\n# a comment\n\n  # another\r\n", obj{}},
	{"a comment after a value", "a = 1 # one\nb = 2#two", obj{"a": 1.0, "b": 2.0}},
	{"CRLF", "a = 1\r\nb = 2\r\n", obj{"a": 1.0, "b": 2.0}},
	{"byte order mark", "\uFEFFa = 1", obj{"a": 1.0}},
	{"tabs and non-ASCII in comments", "#\tcafé 😀\na = 1", obj{"a": 1.0}},

	// Keys.
	{"bare keys", "A-z_0 = 1\n1234 = 2\n-_- = 3", obj{"A-z_0": 1.0, "1234": 2.0, "-_-": 3.0}},
	{"quoted keys", `"a b" = 1` + "\n'c\"d' = 2\n\"\\u00e9\" = 3", obj{"a b": 1.0, `c"d`: 2.0, "é": 3.0}},
	{"empty quoted keys", `"" = 1` + "\nx.'' = 2", obj{"": 1.0, "x": obj{"": 2.0}}},
	{"dotted keys, spaces around the dots", "a . b\t.c = 1\na.b.d = 2\n3.14 = 'pi'", obj{"a": obj{"b": obj{"c": 1.0, "d": 2.0}}, "3": obj{"14": "pi"}}},
	{"quoted dots are not separators", `"a.b".c = 1`, obj{"a.b": obj{"c": 1.0}}},
	{"keys that look like values", "true = 1\ninf = 2\n1979-05-27 = 3", obj{"true": 1.0, "inf": 2.0, "1979-05-27": 3.0}},
	{"keys are case-sensitive", "a = 1\nA = 2", obj{"a": 1.0, "A": 2.0}},

	// Strings.
	{"basic", `a = "I'm \"quoted\" \\ #not a comment"`, obj{"a": `I'm "quoted" \ #not a comment`}},
	{"escapes", `a = "\b\t\n\f\r\e\"\\"`, obj{"a": "\b\t\n\f\r\x1b\"\\"}},
	{"TOML 1.1 \\xHH is a code point", `a = "\x41\xe9\x00"`, obj{"a": "Aé\x00"}},
	{"\\u and \\U", `a = "\u00E9\U0001F600"`, obj{"a": "é😀"}},
	{"literal", `a = 'C:\path\ "x" \n'`, obj{"a": `C:\path\ "x" \n`}},
	{"tabs and Unicode in strings", "a = \"\t中\"\nb = '\t😀'", obj{"a": "\t中", "b": "\t😀"}},
	{"multi-line: the first newline trimmed", "a = \"\"\"\nx\ny\"\"\"\nb = '''\r\nz'''", obj{"a": "x\ny", "b": "z"}},
	{"multi-line: only the first", "a = \"\"\"\n\nx\"\"\"", obj{"a": "\nx"}},
	{"multi-line: CRLF kept", "a = \"\"\"x\r\ny\"\"\"", obj{"a": "x\r\ny"}},
	{"line-ending backslash", "a = \"\"\"one \\\n   two \\  \t\r\n\n  three\\\n\"\"\"", obj{"a": "one two three"}},
	{"escaped backslash before a newline", "a = \"\"\"x\\\\\ny\"\"\"", obj{"a": "x\\\ny"}},
	{"quotes inside and at the end", `a = """"x" ""y"" """""` + "\nb = '''''x'''''", obj{"a": `"x" ""y"" ""`, "b": "''x''"}},
	{"escaped quotes", `a = """\"""\""""`, obj{"a": `""""`}},
	{"multi-line literal", "a = '''\nC:\\x\n  \"\"\" '''", obj{"a": "C:\\x\n  \"\"\" "}},
	{"empty strings", "a = \"\"\nb = ''\nc = \"\"\"\"\"\"\nd = ''''''", obj{"a": "", "b": "", "c": "", "d": ""}},

	// Integers: JSON.parse's numbers, so float64.
	{"decimal", "a = 0\nb = +99\nc = -17\nd = -0\ne = 1_000_000", obj{"a": 0.0, "b": 99.0, "c": -17.0, "d": 0.0, "e": 1e6}},
	{"hex, octal, binary", "a = 0xDEAD_beef\nb = 0o755\nc = 0b1101\nd = 0x00ff", obj{"a": 3735928559.0, "b": 493.0, "c": 13.0, "d": 255.0}},
	{"the int64 range", "a = 9223372036854775807\nb = -9223372036854775808\nc = 0x7FFFFFFFFFFFFFFF",
		obj{"a": 9223372036854775807.0, "b": -9223372036854775808.0, "c": 9223372036854775807.0}},
	{"past 2^53 rounds, as in JS", "a = 9007199254740993", obj{"a": 9007199254740992.0}},

	// Floats.
	{"fractions and exponents", "a = 3.1415\nb = -0.01\nc = 5e+22\nd = 1E06\ne = -2e-2\nf = 6.626e-34\ng = 224_617.445_991\nh = 1e0_1",
		obj{"a": 3.1415, "b": -0.01, "c": 5e22, "d": 1e6, "e": -0.02, "f": 6.626e-34, "g": 224617.445991, "h": 10.0}},
	{"underflow is zero", "a = 1e-400", obj{"a": 0.0}},
	{"inf and nan are null, as JSON.stringify writes them", "a = inf\nb = +inf\nc = -inf\nd = nan\ne = +nan\nf = -nan",
		obj{"a": nil, "b": nil, "c": nil, "d": nil, "e": nil, "f": nil}},

	// Booleans.
	{"booleans", "a = true\nb = false", obj{"a": true, "b": false}},

	// Date-times.
	{"offset date-time: UTC with milliseconds", "a = 1979-05-27T07:32:00Z\nb = 1979-05-27T00:32:00.999999-07:00\nc = 1979-05-27 07:32:00.5+05:30",
		obj{"a": "1979-05-27T07:32:00.000Z", "b": "1979-05-27T07:32:00.999Z", "c": "1979-05-27T02:02:00.500Z"}},
	{"offset date-time: lower-case t and z, no seconds", "a = 1979-05-27t07:32z\nb = 1979-05-27 07:32-07:00",
		obj{"a": "1979-05-27T07:32:00.000Z", "b": "1979-05-27T14:32:00.000Z"}},
	{"offset date-time: across days, months, years, leap days", "a = 2000-03-01T00:30:00+01:00\nb = 2001-12-31T23:30:00-01:00\nc = 2024-02-28T23:00:00-02:00",
		obj{"a": "2000-02-29T23:30:00.000Z", "b": "2002-01-01T00:30:00.000Z", "c": "2024-02-29T01:00:00.000Z"}},
	{"offset date-time: JS's expanded years", "a = 0000-01-01T00:00:00+00:01\nb = 9999-12-31T23:59:00-00:01",
		obj{"a": "-000001-12-31T23:59:00.000Z", "b": "+010000-01-01T00:00:00.000Z"}},
	{"local date-time", "a = 1979-05-27T07:32:00\nb = 1979-05-27 07:32\nc = 1979-05-27T00:32:00.999999999999",
		obj{"a": "1979-05-27T07:32:00", "b": "1979-05-27T07:32:00", "c": "1979-05-27T00:32:00.999999999"}},
	{"local date", "a = 1979-05-27\nb = 2000-02-29\nc = 0000-01-01", obj{"a": "1979-05-27", "b": "2000-02-29", "c": "0000-01-01"}},
	{"local time", "a = 07:32:00\nb = 07:32\nc = 00:32:00.500\nd = 23:59:59.000", obj{"a": "07:32:00", "b": "07:32:00", "c": "00:32:00.5", "d": "23:59:59"}},
	{"a date before a comment or a comma", "a = 1979-05-27 # c\nb = [1979-05-27 , 07:32]", obj{"a": "1979-05-27", "b": []any{"1979-05-27", "07:32:00"}}},

	// Arrays.
	{"arrays", "a = []\nb = [1, 'x', [2, [3]], {c = 4}]", obj{"a": []any{}, "b": []any{1.0, "x", []any{2.0, []any{3.0}}, obj{"c": 4.0}}}},
	{"arrays over lines, comments, trailing comma", "a = [\n  1, # one\n  2,\n  # end\n]", obj{"a": []any{1.0, 2.0}}},

	// Inline tables, with TOML 1.1's newlines, comments and trailing commas.
	{"inline tables", "a = {}\nb = {c = 1, d.e = 'f', g = {h = [1]}}", obj{"a": obj{}, "b": obj{"c": 1.0, "d": obj{"e": "f"}, "g": obj{"h": []any{1.0}}}}},
	{"TOML 1.1 inline tables", "a = {\n  b = 1, # one\n  c = 2,\n}\nd = {\n}", obj{"a": obj{"b": 1.0, "c": 2.0}, "d": obj{}}},

	// Tables and arrays of tables.
	{"tables", "a = 1\n[t]\nb = 2\n[ t . u ]\nc = 3\n['q r']", obj{"a": 1.0, "t": obj{"b": 2.0, "u": obj{"c": 3.0}}, "q r": obj{}}},
	{"super-tables made implicitly, defined later", "[x.y.z]\n[x]\na = 1\n[x.y]\nb = 2", obj{"x": obj{"a": 1.0, "y": obj{"b": 2.0, "z": obj{}}}}},
	{"dotted keys into implicit tables", "[a.b.c]\n[a]\nb.d = 1", obj{"a": obj{"b": obj{"c": obj{}, "d": 1.0}}}},
	{"sub-tables of dotted-key tables", "[fruit]\napple.color = 'red'\n[fruit.apple.texture]\nsmooth = true",
		obj{"fruit": obj{"apple": obj{"color": "red", "texture": obj{"smooth": true}}}}},
	{"arrays of tables", "[[p]]\na = 1\n[[p]]\n[[p]]\nb = 2", obj{"p": []any{obj{"a": 1.0}, obj{}, obj{"b": 2.0}}}},
	{"headers into the last table of an array", "[[f]]\nn = 'a'\n[f.x]\nc = 1\n[[f.v]]\nn = 1\n[[f.v]]\nn = 2\n[[f]]\nn = 'b'\n[[f.v]]\nn = 3",
		obj{"f": []any{obj{"n": "a", "x": obj{"c": 1.0}, "v": []any{obj{"n": 1.0}, obj{"n": 2.0}}}, obj{"n": "b", "v": []any{obj{"n": 3.0}}}}}},
	{"each table of an array is defined once", "[[a]]\n[a.b]\n[[a]]\n[a.b]", obj{"a": []any{obj{"b": obj{}}, obj{"b": obj{}}}}},
	{"an array of tables under an implicit table", "[[a.b]]\n[a]\nc = 1", obj{"a": obj{"b": []any{obj{}}, "c": 1.0}}},
	{"__proto__ is an ordinary key", "__proto__.x = 1\n[constructor]", obj{"__proto__": obj{"x": 1.0}, "constructor": obj{}}},
}

func TestValues(t *testing.T) {
	for _, tc := range valueTests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse(tc.text)
			require.NoError(t, err)
			requireSame(t, tc.want, got, tc.text)
		})
	}
}

// TestNegativeZero: -0.0 stays negative, as in JSON.parse("-0.0"); the
// integer -0 is 0.
func TestNegativeZero(t *testing.T) {
	got, err := Parse("f = -0.0\ni = -0")
	require.NoError(t, err)
	require.True(t, math.Signbit(got["f"].(float64)))
	require.False(t, math.Signbit(got["i"].(float64)))
}

// TestStringsShareTheText: strings written without escapes are not
// copied, so a big config costs little more than its text.
func TestStringsShareTheText(t *testing.T) {
	text := "a = '" + strings.Repeat("x", 1000) + "'\nb = \"" + strings.Repeat("y", 1000) + "\""
	allocs := testing.AllocsPerRun(10, func() { _, _ = Parse(text) })
	require.Less(t, allocs, 10.0)
}

// TestNesting: arrays and inline tables nest to MaxNesting levels, and
// no deeper.
func TestNesting(t *testing.T) {
	deep := func(n int) string { return "a = " + strings.Repeat("[", n) + strings.Repeat("]", n) }
	_, err := Parse(deep(MaxNesting))
	require.NoError(t, err)
	_, err = Parse(deep(MaxNesting + 1))
	require.ErrorContains(t, err, "nest deeper than 128 levels")
	_, err = Parse("a = " + strings.Repeat("{b = ", MaxNesting+1) + "1" + strings.Repeat("}", MaxNesting+1))
	require.ErrorContains(t, err, "nest deeper than 128 levels")
}
