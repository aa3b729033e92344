package config

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		id     string
		text   string
		format Format
		label  string
		want   string // the whole message, or its prefix when prefix is set
		prefix bool
	}{
		{id: "C19", text: "files = [", format: FormatTOML, want: "(PY1000): Invalid TOML\nline 1, column 9: the array that starts here is not closed: end it with ']' (last key \"files\")"},
		{id: "C19 with a URL", text: "files = [", format: FormatTOML, label: "./main.toml", want: "(PY1000): Invalid TOML @ ./main.toml\nline 1, column 9: ", prefix: true},
		{id: "C20", text: `{"a":}`, format: FormatJSON, want: "(PY1000): Invalid JSON\nline 1, column 6: invalid character '}' looking for beginning of value"},
		{id: "C23", text: "{", format: FormatJSON, label: "./bad.json", want: "(PY1000): Invalid JSON @ ./bad.json\nline 1, column 2: unexpected end of JSON input"},
		{id: "C27 bare word", text: "name = first", format: FormatTOML, want: "(PY1000): Invalid TOML\nline 1, column 8: ", prefix: true},
		{id: "C29", text: "name = \"x\"\nthis is invalid syntax", format: FormatTOML, want: "(PY1000): Invalid TOML\nline 2, column 6: ", prefix: true},
		{id: "C30 duplicate key", text: "a = 1\na = 2", format: FormatTOML, want: "(PY1000): Invalid TOML\nline 2, column ", prefix: true},
		{id: "C30 duplicate files key", text: "[files]\n\"./f.py\" = \"a\"\n\"./f.py\" = \"b\"", format: FormatTOML, want: "(PY1000): Invalid TOML\nline 3, column ", prefix: true},
		{id: "duplicate table", text: "[a]\n[a]", format: FormatTOML, want: "(PY1000): Invalid TOML\nline 2, column ", prefix: true},
		{id: "[1,2] line", text: "[1,2]", format: FormatTOML, want: "(PY1000): Invalid TOML\nline 1, column 3: ", prefix: true},
		{id: "extension-less path", text: "./pyscript", format: FormatTOML, want: "(PY1000): Invalid TOML\nline 1, column 1: ", prefix: true},
		{id: "invalid UTF-8", text: "a = \"\xff\"", format: FormatTOML, want: "(PY1000): Invalid TOML\nline 1, column ", prefix: true},
		{id: "TOML 1.1 refused: \\x needs two hex digits", text: `a = "\x4"`, format: FormatTOML,
			want: "(PY1000): Invalid TOML\nline 1, column 6: \\x needs two hexadecimal digits, as in \\x41 (last key \"a\")"},
		{id: "TOML 1.1 refused: an unknown escape", text: `a = "\q"`, format: FormatTOML, want: "(PY1000): Invalid TOML\nline 1, column 6: ", prefix: true},
		{id: "TOML 1.1 refused: a comma alone in an inline table", text: "x = {,}", format: FormatTOML,
			want: "(PY1000): Invalid TOML\nline 1, column 6: a key = value pair is missing before ',' (last key \"x\")"},
		{id: "TOML 1.1 refused: two commas in an inline table", text: "x = {a = 1,,}", format: FormatTOML,
			want: "(PY1000): Invalid TOML\nline 1, column 12: a key = value pair is missing before ',' (last key \"x\")"},
		{id: "TOML 1.1 refused: a newline is not a comma", text: "x = {a = 1\n b = 2}", format: FormatTOML,
			want: "(PY1000): Invalid TOML\nline 2, column 2: expected ',' or '}' after a key = value pair of the inline table, found 'b' (last key \"x\")"},
		{id: "TOML 1.1 refused: 60 seconds", text: "t = 07:32:60", format: FormatTOML,
			want: "(PY1000): Invalid TOML\nline 1, column 5: invalid date-time 07:32:60: the seconds must be 00 to 59 (TOML has no leap seconds) (last key \"t\")"},
		{id: "TOML 1.1 refused: a one-digit hour", text: "t = 7:32", format: FormatTOML,
			want: "(PY1000): Invalid TOML\nline 1, column 5: invalid date-time 7:32: write a date as 1979-05-27, ", prefix: true},
		// BurntSushi/toml merged this into {"a": {"b": {"c": 1, "d": 2}}}; TOML forbids a header for a
		// table that dotted keys defined (toml-test invalid/table/duplicate-key-04).
		{id: "a table re-opened after dotted keys defined it", text: "[a]\nb.c = 1\n[a.b]\nd = 2", format: FormatTOML,
			want: "(PY1000): Invalid TOML\nline 3, column 4: table [a.b] was already defined by dotted keys at line 2, " +
				"and TOML does not let a header define it again: write all its keys under [a.b], or all as dotted keys"},
		{id: "multi-line JSON", text: "{\n  \"a\": 1,\n}", format: FormatJSON, want: "(PY1000): Invalid JSON\nline 3, column 1: ", prefix: true},
		{id: "trailing JSON", text: `{"a": 1} x`, format: FormatJSON, want: "(PY1000): Invalid JSON\nline 1, column 10: unexpected content after the JSON value"},
		{id: "trailing JSON: a closing brace", text: `{"a": 1}}`, format: FormatJSON, want: "(PY1000): Invalid JSON\nline 1, column 9: unexpected content after the JSON value"},
		{id: "trailing JSON: a closing bracket and more", text: `{"a": 1}] anything {"b": 2`, format: FormatJSON, label: "./c.json",
			want: "(PY1000): Invalid JSON @ ./c.json\nline 1, column 9: unexpected content after the JSON value"},
		{id: "trailing JSON: after whitespace and a newline", text: "{\"a\": 1}\n ]", format: FormatJSON, want: "(PY1000): Invalid JSON\nline 2, column 2: unexpected content after the JSON value"},
		{id: "empty JSON", text: "", format: FormatJSON, want: "(PY1000): Invalid JSON\nline 1, column 1: unexpected end of JSON input"},
		{id: "forced JSON on TOML", text: "a = 1", format: FormatJSON, want: "(PY1000): Invalid JSON\nline 1, column 1: ", prefix: true},
		{id: "auto TOML", text: "a =", format: FormatAuto, want: "(PY1000): Invalid TOML\n", prefix: true},
		{id: "auto JSON", text: " {\"a\" 1} ", format: FormatAuto, want: "(PY1000): Invalid JSON\nline 1, column 7: invalid character '1' after object key"},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			_, err := Parse(tc.text, tc.format, tc.label)
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			if got := err.Error(); tc.prefix && !strings.HasPrefix(got, tc.want) || !tc.prefix && got != tc.want {
				t.Fatalf("err = %q\nwant %q (prefix %v)", got, tc.want, tc.prefix)
			}
		})
	}
}

func TestParseValues(t *testing.T) {
	tests := []struct {
		id     string
		text   string
		format Format
		want   any
	}{
		{id: "C13", text: "[js_modules.main]\n\"./js_modules.js\" = \"random_js\"", format: FormatTOML,
			want: map[string]any{"js_modules": map[string]any{"main": map[string]any{"./js_modules.js": "random_js"}}}},
		{id: "C26 single-quoted key", text: "[files]\n'file.py' = \"\"", format: FormatTOML,
			want: map[string]any{"files": map[string]any{"file.py": ""}}},
		{id: "C32", text: "experimental_ffi_timeout = 0", format: FormatTOML, want: map[string]any{"experimental_ffi_timeout": 0.0}},
		{id: "C33", text: "when = 1979-05-27T07:32:00Z", format: FormatTOML, want: map[string]any{"when": "1979-05-27T07:32:00.000Z"}},
		{id: "C33 offset to UTC, milliseconds truncated", text: "t = 1979-05-27T00:32:00.5999-07:00", format: FormatTOML,
			want: map[string]any{"t": "1979-05-27T07:32:00.599Z"}},
		{id: "local date", text: "d = 1979-05-27", format: FormatTOML, want: map[string]any{"d": "1979-05-27"}},
		{id: "local date-time with a space", text: "l = 1979-05-27 07:32:00", format: FormatTOML, want: map[string]any{"l": "1979-05-27T07:32:00"}},
		{id: "local time", text: "t = 07:32:00.50", format: FormatTOML, want: map[string]any{"t": "07:32:00.5"}},
		{id: "inline table", text: `x = {a = 1, b = "c"}`, format: FormatTOML, want: map[string]any{"x": map[string]any{"a": 1.0, "b": "c"}}},
		{id: "empty key", text: `"" = ""`, format: FormatTOML, want: map[string]any{"": ""}},
		{id: "C25", text: "a = 1\nb = 2.5", format: FormatTOML, want: map[string]any{"a": 1.0, "b": 2.5}},
		{id: "integers beyond 2^53 round as in JS", text: "big = 9007199254740993", format: FormatTOML, want: map[string]any{"big": 9007199254740992.0}},
		{id: "nan and inf become null", text: "n = nan\ni = -inf", format: FormatTOML, want: map[string]any{"n": nil, "i": nil}},
		{id: "arrays of tables", text: "[[fetch]]\nfrom = \"a\"\n[[fetch]]\nfiles = [\"b\", \"c\"]", format: FormatTOML,
			want: map[string]any{"fetch": []any{map[string]any{"from": "a"}, map[string]any{"files": []any{"b", "c"}}}}},
		{id: "inline array of tables", text: "a = [{x = 1}, 2]", format: FormatTOML, want: map[string]any{"a": []any{map[string]any{"x": 1.0}, 2.0}}},
		{id: "TOML 1.1: multi-line inline table", text: "x = {\n  a = 1,\n}", format: FormatTOML, want: map[string]any{"x": map[string]any{"a": 1.0}}},
		{id: "TOML 1.1: time without seconds", text: "t = 07:32", format: FormatTOML, want: map[string]any{"t": "07:32:00"}},
		{id: "TOML 1.1: date-times without seconds", text: "o = 1979-05-27T07:32Z\nl = 1979-05-27 07:32", format: FormatTOML,
			want: map[string]any{"o": "1979-05-27T07:32:00.000Z", "l": "1979-05-27T07:32:00"}},
		{id: "TOML 1.1: inline table with comments and a trailing comma", text: "x = {\n  a = 1, # one\n  b = [2,],\n}", format: FormatTOML,
			want: map[string]any{"x": map[string]any{"a": 1.0, "b": []any{2.0}}}},
		{id: "TOML 1.1: \\xHH and \\e escapes", text: `a = "\x41\xe9\e"`, format: FormatTOML, want: map[string]any{"a": "A\u00e9\x1b"}},
		{id: "TOML 1.1 escapes are text in literal strings", text: `a = '\x41\e'`, format: FormatTOML, want: map[string]any{"a": `\x41\e`}},
		{id: "C29 empty document", text: "", format: FormatTOML, want: map[string]any{}},
		{id: "comments only", text: "# nothing\n", format: FormatTOML, want: map[string]any{}},
		{id: "C09", text: `{"files": {"{TO}": "./runtime"}, "packages": ["Pillow"], "experimental_ffi_timeout": 0}`, format: FormatJSON,
			want: map[string]any{"files": map[string]any{"{TO}": "./runtime"}, "packages": []any{"Pillow"}, "experimental_ffi_timeout": 0.0}},
		{id: "C41", text: `{"sync_main_only": true}`, format: FormatJSON, want: map[string]any{"sync_main_only": true}},
		{id: "JSON 1e999 becomes null", text: `{"a": 1e999, "b": [-1e999]}`, format: FormatJSON, want: map[string]any{"a": nil, "b": []any{nil}}},
		{id: "JSON null", text: `{"a": null}`, format: FormatJSON, want: map[string]any{"a": nil}},
		{id: "JSON scalar", text: "123", format: FormatJSON, want: 123.0},
		{id: "JSON string", text: `"abc"`, format: FormatJSON, want: "abc"},
		{id: "JSON duplicate keys: last wins as in JSON.parse", text: `{"a": 1, "a": 2}`, format: FormatJSON, want: map[string]any{"a": 2.0}},
		{id: "auto picks JSON for an object literal", text: "\n{\"a\": 1}\n", format: FormatAuto, want: map[string]any{"a": 1.0}},
		{id: "auto picks TOML otherwise", text: "a = 1", format: FormatAuto, want: map[string]any{"a": 1.0}},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			got, err := Parse(tc.text, tc.format, "")
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}
