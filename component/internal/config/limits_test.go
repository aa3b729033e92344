package config

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// nested is open n times, then inner, then close n times.
func nested(open, inner, close string, n int) string {
	return strings.Repeat(open, n) + inner + strings.Repeat(close, n)
}

// dotted is the key a.a.….a of n segments.
func dotted(n int) string { return strings.TrimSuffix(strings.Repeat("a.", n), ".") }

// tooDeepMsg is the whole message for a config nested too deeply.
func tooDeepMsg(format, at string) string {
	return "(PY1000): Invalid " + format + "\n" + at + ": nesting deeper than 100 levels; execctx limits a config to 100 levels"
}

// wideTOML is a table named by 100,000 bytes with short keys under it:
// each key's full name repeats the table's.
func wideTOML(keys int) string {
	var b strings.Builder
	b.WriteString("[" + strings.Repeat("a", 100_000) + "]\n")
	for i := range keys {
		fmt.Fprintf(&b, "b%d = 1\n", i)
	}
	return b.String()
}

// filesTOML is a realistic large config: n files entries with URL keys.
func filesTOML(n int) string {
	var b strings.Builder
	b.WriteString("packages = [\"numpy\"]\n[files]\n")
	for i := range n {
		fmt.Fprintf(&b, "\"https://cdn.example.test/project/assets/module_%05d.py\" = \"./lib/module_%05d.py\"\n", i, i)
	}
	return b.String()
}

// TestLimits: every hostile shape of issue 8 gets its stated outcome, and
// configs at the limits still parse. depth, when set, is how deep the
// accepted value must be; otherwise want is the error, exactly.
func TestLimits(t *testing.T) {
	tests := []struct {
		id     string
		text   string
		format Format
		label  string
		depth  int
		want   string
	}{
		// Size, checked before anything else.
		{id: "10 MB of TOML", text: strings.Repeat("# padding\n", 1<<20), format: FormatTOML, label: "./big.toml",
			want: "(PY1000): Invalid TOML @ ./big.toml\nthe config is 10485760 bytes; execctx limits a config to 1048576 bytes: keep large data in files the config lists, not in the config"},
		{id: "10 MB of JSON", text: `{"a": "` + strings.Repeat("x", 10<<20) + `"}`, format: FormatJSON,
			want: "(PY1000): Invalid JSON\nthe config is 10485769 bytes; execctx limits a config to 1048576 bytes: keep large data in files the config lists, not in the config"},
		{id: "one byte over the size limit", text: "#" + strings.Repeat("x", 1<<20), format: FormatTOML,
			want: "(PY1000): Invalid TOML\nthe config is 1048577 bytes; execctx limits a config to 1048576 bytes: keep large data in files the config lists, not in the config"},
		{id: "exactly the size limit", text: "#" + strings.Repeat("x", 1<<20-1), format: FormatTOML, depth: 1},
		{id: "a realistic large config: 5,000 files entries", text: filesTOML(5000), format: FormatTOML, depth: 2},

		// TOML nesting, each shape past the limit and at it.
		{id: "inline tables 2,000 deep (12 KB)", text: "a = " + nested("{a = ", "{}", "}", 1999), format: FormatTOML,
			want: tooDeepMsg("TOML", "line 1, column 500")},
		{id: "inline tables 5,000 deep (30 KB)", text: "a = " + nested("{a = ", "{}", "}", 4999), format: FormatTOML,
			want: tooDeepMsg("TOML", "line 1, column 500")},
		{id: "inline tables 100 deep", text: "a = " + nested("{a = ", "{}", "}", 98), format: FormatTOML, depth: 100},
		{id: "arrays 100,000 deep", text: "a = " + nested("[", "", "]", 100_000), format: FormatTOML,
			want: tooDeepMsg("TOML", "line 1, column 104")},
		{id: "arrays 100 deep", text: "a = " + nested("[", "", "]", 99), format: FormatTOML, depth: 100},
		{id: "dotted key of 100,000 segments", text: dotted(100_000) + " = 1", format: FormatTOML,
			want: tooDeepMsg("TOML", "line 1, column 199")},
		{id: "dotted key 100 deep", text: dotted(100) + " = 1", format: FormatTOML, depth: 100},
		{id: "[a.a…] header 100,000 deep", text: "[" + dotted(100_000) + "]", format: FormatTOML,
			want: tooDeepMsg("TOML", "line 1, column 200")},
		{id: "[a.a…] header 100 deep", text: "[" + dotted(99) + "]", format: FormatTOML, depth: 100},
		{id: "[[a.a…]] header 100,000 deep", text: "[[" + dotted(100_000) + "]]", format: FormatTOML,
			want: tooDeepMsg("TOML", "line 1, column 201")},
		{id: "[[a.a…]] header one past the limit by its array", text: "[[" + dotted(99) + "]]", format: FormatTOML,
			want: tooDeepMsg("TOML", "line 1, column 199")},
		{id: "[[a.a…]] header 100 deep", text: "[[" + dotted(98) + "]]", format: FormatTOML, depth: 100},
		{id: "the position is the source's, with the URL", text: "name = \"x\"\n\n[" + dotted(150) + "]", format: FormatTOML, label: "./deep.toml",
			want: "(PY1000): Invalid TOML @ ./deep.toml\nline 3, column 200: nesting deeper than 100 levels; execctx limits a config to 100 levels"},

		// JSON nesting: encoding/json alone allowed 10,000 levels.
		{id: "JSON arrays 9,999 deep", text: nested("[", "", "]", 9999), format: FormatJSON,
			want: tooDeepMsg("JSON", "line 1, column 101")},
		{id: "JSON objects 9,999 deep", text: nested(`{"a":`, "1", "}", 9999), format: FormatJSON,
			want: tooDeepMsg("JSON", "line 1, column 501")},
		{id: "JSON arrays 100,000 deep", text: nested("[", "", "]", 100_000), format: FormatJSON,
			want: tooDeepMsg("JSON", "line 1, column 101")},
		{id: "JSON 100 deep", text: nested(`{"a":`, "[]", "}", 99), format: FormatJSON, depth: 100},

		// Full names: a 100 KB table name repeated for every key.
		{id: "a 100 KB table name over 100 keys", text: wideTOML(100), format: FormatTOML,
			want: "(PY1000): Invalid TOML\nline 11, column 1: the full names of the config's keys and tables (such as a.b.c) add up to more than 1048576 bytes; execctx limits them to 1048576 bytes: shorten long table names and deep dotted keys"},
		{id: "a 100 KB table name over 9 keys", text: wideTOML(9), format: FormatTOML, depth: 2},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			got, err := Parse(tc.text, tc.format, tc.label)
			if tc.want != "" {
				if err == nil || err.Error() != tc.want {
					t.Fatalf("err = %v\nwant %s", err, tc.want)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if d := depthOf(got); d != tc.depth {
				t.Fatalf("the value is %d deep, want %d", d, tc.depth)
			}
		})
	}
}

// TestHostileValues: bytes and values a Go embedder can pass, each with
// its outcome: a value, or exactly this error.
func TestHostileValues(t *testing.T) {
	tests := []struct {
		id      string
		text    string
		format  Format
		want    any
		wantErr string
	}{
		// Invalid UTF-8: an error at the byte, never a silent U+FFFD.
		{id: "invalid UTF-8 in a JSON string", text: "{\"a\": \"\xff\"}", format: FormatJSON,
			wantErr: "(PY1000): Invalid JSON\nline 1, column 8: invalid UTF-8 byte 0xff; a config must be UTF-8 text"},
		{id: "invalid UTF-8 in a JSON key", text: "{\"\xfe\": 1}", format: FormatJSON,
			wantErr: "(PY1000): Invalid JSON\nline 1, column 3: invalid UTF-8 byte 0xfe; a config must be UTF-8 text"},
		{id: "a UTF-16 file", text: "\xff\xfe{\x00}\x00", format: FormatJSON,
			wantErr: "(PY1000): Invalid JSON\nline 1, column 1: invalid UTF-8 byte 0xff; a config must be UTF-8 text"},
		{id: "invalid UTF-8 in a TOML string", text: "a = 1\nb = \"\xc3\x28\"", format: FormatTOML,
			wantErr: "(PY1000): Invalid TOML\nline 2, column 6: invalid UTF-8 byte 0xc3; a config must be UTF-8 text"},
		{id: "invalid UTF-8 in a TOML comment", text: "# caf\xe9", format: FormatTOML,
			wantErr: "(PY1000): Invalid TOML\nline 1, column 6: invalid UTF-8 byte 0xe9; a config must be UTF-8 text"},

		// NUL bytes: refused by both parsers; an escaped NUL is a value.
		{id: "NUL in a JSON string", text: "{\"a\": \"x\x00\"}", format: FormatJSON,
			wantErr: "(PY1000): Invalid JSON\nline 1, column 9: invalid character '\\x00' in string literal"},
		{id: "NUL after a JSON value", text: "{\"a\": 1}\x00", format: FormatJSON,
			wantErr: "(PY1000): Invalid JSON\nline 1, column 9: unexpected content after the JSON value"},
		{id: "NUL in the first bytes of TOML", text: "a\x00 = 1", format: FormatTOML,
			wantErr: "(PY1000): Invalid TOML\nline 1, column 2: control character U+0000 is not allowed outside strings; " +
				"a NUL byte usually means the text is UTF-16: save it as UTF-8"},
		{id: "NUL in a TOML string", text: "a = \"x\x00y\"", format: FormatTOML,
			wantErr: "(PY1000): Invalid TOML\nline 1, column 7: control character U+0000 is not allowed in a string: write it as the escape \\u0000 " +
				"in a \"basic string\"; a NUL byte usually means the text is UTF-16: save it as UTF-8 (last key \"a\")"},
		{id: "escaped NUL in JSON", text: `{"a": "\u0000"}`, format: FormatJSON, want: map[string]any{"a": "\x00"}},
		{id: "escaped NUL in TOML", text: `a = "\u0000"`, format: FormatTOML, want: map[string]any{"a": "\x00"}},

		// Keys that are special in JavaScript are ordinary keys.
		{id: "__proto__ and constructor in JSON", text: `{"__proto__": {"x": 1}, "constructor": {"prototype": 2}}`, format: FormatJSON,
			want: map[string]any{"__proto__": map[string]any{"x": 1.0}, "constructor": map[string]any{"prototype": 2.0}}},
		{id: "__proto__ and constructor in TOML", text: "__proto__ = 1\nconstructor.prototype = 2\n[toString]\nvalueOf = 3", format: FormatTOML,
			want: map[string]any{"__proto__": 1.0, "constructor": map[string]any{"prototype": 2.0}, "toString": map[string]any{"valueOf": 3.0}}},

		// Numbers as JSON.parse reads them; TOML refuses what it cannot hold.
		{id: "JSON 1e400 is Infinity, so null", text: `{"a": 1e400, "b": -1e400}`, format: FormatJSON, want: map[string]any{"a": nil, "b": nil}},
		{id: "JSON 2^64 rounds", text: `{"a": 18446744073709551616}`, format: FormatJSON, want: map[string]any{"a": 18446744073709551616.0}},
		{id: "JSON 300 digits", text: `{"a": ` + strings.Repeat("1", 300) + `}`, format: FormatJSON, want: map[string]any{"a": 1.1111111111111112e+299}},
		{id: "JSON 400 digits overflow to null", text: `{"a": ` + strings.Repeat("1", 400) + `}`, format: FormatJSON, want: map[string]any{"a": nil}},
		{id: "JSON a 1,000-digit fraction underflows to 0", text: `{"a": 0.` + strings.Repeat("0", 1000) + `1}`, format: FormatJSON, want: map[string]any{"a": 0.0}},
		{id: "JSON a number of 1 MB", text: `{"a": ` + strings.Repeat("9", 1<<20-7) + `}`, format: FormatJSON, want: map[string]any{"a": nil}},
		{id: "TOML the largest int64", text: "a = 9223372036854775807", format: FormatTOML, want: map[string]any{"a": 9223372036854775807.0}},
		{id: "TOML an integer past int64", text: "a = 9223372036854775808", format: FormatTOML,
			wantErr: "(PY1000): Invalid TOML\nline 1, column 5: the integer 9223372036854775808 is out of range: TOML integers are 64-bit, from " +
				"-9223372036854775808 to 9223372036854775807; write a larger number as a float, such as 9223372036854775808.0 (last key \"a\")"},
		{id: "TOML an integer below int64", text: "a = -9223372036854775809", format: FormatTOML,
			wantErr: "(PY1000): Invalid TOML\nline 1, column 5: the integer -9223372036854775809 is out of range: TOML integers are 64-bit, from " +
				"-9223372036854775808 to 9223372036854775807; write a larger number as a float, such as -9223372036854775809.0 (last key \"a\")"},
		{id: "TOML a hex integer past int64", text: "a = 0xFFFFFFFFFFFFFFFF", format: FormatTOML,
			wantErr: "(PY1000): Invalid TOML\nline 1, column 5: the integer 0xFFFFFFFFFFFFFFFF is out of range: TOML integers are 64-bit, from " +
				"-9223372036854775808 to 9223372036854775807 (last key \"a\")"},
		{id: "TOML 1e400", text: "a = 1e400", format: FormatTOML,
			wantErr: "(PY1000): Invalid TOML\nline 1, column 5: the float 1e400 is out of range: the largest is about 1.8e308 (use inf for infinity) (last key \"a\")"},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			got, err := Parse(tc.text, tc.format, "")
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("Parse = %#v, %v\nwant error %q", got, err, tc.wantErr)
				}
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}
