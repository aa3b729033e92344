package config

import (
	"encoding/json"
	"testing"
)

// seeds are the config texts of the spec and of this package's tests.
var seeds = []string{
	"", "a = 1", "files = [", "this is invalid syntax", "a = 1\nb = 2.5", "version = 0.23",
	"[js_modules.main]\n\"./js_modules.js\" = \"random_js\"", "[files]\n'file.py' = \"\"",
	"x = {a = 1, b = \"c\"}", "name = first", "when = 1979-05-27T07:32:00Z", "[1,2]",
	"\"\" = \"\"", "[files]\n\"./f.py\" = \"a\"\n\"./f.py\" = \"b\"", `{"a":}`, `{"type": "zzz"}`,
	`{"files": {"{TO}": "./runtime"}, "packages": ["Pillow"], "experimental_ffi_timeout": 0}`, `"s"`, "[]", "1e999",
}

func fuzzParse(t *testing.T, text string, format Format) {
	parsed, err := Parse(text, format, "fuzz")
	if err != nil {
		return
	}
	cfg, err := Normalize(parsed, "micropython")
	if err != nil {
		return
	}
	var back map[string]any
	if err := json.Unmarshal([]byte(Marshal(cfg)), &back); err != nil {
		t.Fatalf("Marshal gave invalid JSON for %q: %v", text, err)
	}
	if back["type"] != "mpy" {
		t.Fatalf("type lost for %q: %v", text, back)
	}
}

func FuzzParseTOML(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) { fuzzParse(t, text, FormatTOML) })
}

func FuzzParseJSON(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) { fuzzParse(t, text, FormatJSON) })
}
