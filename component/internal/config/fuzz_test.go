package config

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// seeds are the config texts of the spec (the cases named, and §3.2, §3.3
// and §3.7), plus texts that once broke this package. Every fuzz target
// runs all of them as plain tests.
var seeds = []string{
	// C09, C28: the upstream settings files, and the config-url test.
	`{"files": {"{TO}": "./runtime", "https://x.test/a.py": "{TO}/a.py"}, "js_modules": {"main": {"./a.js": "a"}}, "packages": ["Pillow"], "experimental_ffi_timeout": 0}`,
	"[files]\n\"{TO}\" = \"./runtime\"\n\"./a.py\" = \"{TO}/a.py\"\n[js_modules.main]\n\"./a.js\" = \"a\"\npackages = [\"Pillow\"]",
	`{"type": "zzz"}`, // C10
	`{"a": 1}`,        // C12
	"[js_modules.main]\n\"./js_modules.js\" = \"random_js\"", // C13
	`{"name":"OK"}`,             // C17
	"files = [",                 // C19
	`{"a":}`,                    // C20
	"{",                         // C23
	"a = 1\nb = 2.5",            // C25
	"[files]\n'file.py' = \"\"", // C26
	"name = first",              // C27
	"this is invalid syntax",    // C29
	"[files]\n\"./f.py\" = \"a\"\n\"./f.py\" = \"b\"", // C30
	"plugins = [\"!error\"]",                          // C31
	"experimental_ffi_timeout = 0",                    // C32
	"when = 1979-05-27T07:32:00Z",                     // C33
	`{"sync_main_only": true}`,                        // C41
	"sync_main_only = \"false\"",                      // C41, Python truthiness
	`{"packages_cache": "never"}`,                     // C72
	// §3.2 quirks.
	"version = 0.23", "./cfg.toml#v1", "./pyscript", "./config.txt", "https://x/cfg.JSON", `"abc"`, "123",
	// §3.3 basic-toml behaviours.
	"\"\" = \"\"", "x = {a = 1, b = \"c\"}", "[1,2]",
	// §3.7 known keys.
	"packages = [\"numpy==1.26\", \"./wheels/x-1.0-py3-none-any.whl\", \"./pkg.toml\"]\npackages_cache = \"all\"\nindex_urls = [\"https://pypi.org/simple\"]",
	"[files]\n\"{DOMAIN}\" = \"https://x.test\"\n\"{DOMAIN}/data.zip\" = \"./data/*\"\n\"./b.py\" = \"\"",
	"[[fetch]]\nfrom = \"https://x.test/\"\nfiles = [\"a.py\"]\nto_folder = \"./lib\"",
	"[js_modules.main]\n\"./style.css\" = \"style\"\n[js_modules.worker]\n\"./w.js\" = \"w\"",
	"interpreter = \"./pyodide/pyodide.mjs\"\nversion = \"0.27.0\"\ndebug = true\nexperimental_create_proxy = \"auto\"",
	// Values at the edges of JSON and JS.
	`{"a": 1e999, "b": -0, "c": 1.7976931348623157e308, "d": "\ud800"}`,
	"n = nan\ni = +inf\nz = -0.0\nbig = 9223372036854775807",
	"d = 1979-05-27\nl = 1979-05-27T07:32:00.999999\nt = 00:00:00\no = 1979-05-27T00:32:00-07:00",
	"", "[]", "null", "1e999", "\uFEFFa = 1",
}

// fuzzParse checks the property: Parse never panics, and whatever it
// accepts, once normalised, marshals to JSON that decodes back to the same
// value.
func fuzzParse(t *testing.T, text string, format Format) {
	parsed, err := Parse(text, format, "fuzz")
	if err != nil {
		return
	}
	cfg, err := Normalize(parsed, "micropython")
	if err != nil {
		return
	}
	out := Marshal(cfg)
	var back map[string]any
	if err := json.Unmarshal([]byte(out), &back); err != nil {
		t.Fatalf("Marshal gave invalid JSON for %q: %v\n%s", text, err, out)
	}
	require.Equal(t, cfg, back, "round trip of the config of %q", text)
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

// scanSeeds are texts at the edges of the limit scan: every form that can
// hide a bracket, a dot or a key from it, and nesting near MaxDepth.
var scanSeeds = []string{
	"a.b.c = 1", "a . b = 1.5", `"a.b".'c' = 1`, "[a.b]\nc.d = [1]", "[[a]]\n[a.b]\n[[a.b.c]]",
	"[['a']]\n[\"\\x61\".b]", "x = [{a = [1]}, {b.c = {}}]", "x = {\n  a = [1, # ]]\n  2],\n}",
	`a = """x"""""` + "\nb = [1]", "a = '''\n[[[ ''\n'''", `a = 'C:\'` + "\nb = [[1]]", "t = 1979-05-27 07:32:00\nx = [1979-05-27 07:32:00]",
	"\uFEFF[a]", "a = [1 [2]]", "a = {]", "x = {,}", `{"a": "[{", "b": ["\"]}"]}`,
	"a = " + strings.Repeat("[", MaxDepth-1) + strings.Repeat("]", MaxDepth-1),
	"a = " + strings.Repeat("{b = ", MaxDepth) + "1" + strings.Repeat("}", MaxDepth),
	"[" + strings.TrimSuffix(strings.Repeat("a.", MaxDepth-1), ".") + "]",
	strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth),
}

// fuzzScan checks the limit scan's properties: it never panics and always
// ends; an error's offset is in the text; and when the scan passes and the
// parser accepts the text, the value is no deeper than the scan said (so
// within MaxDepth) and its keys' full names are no longer than the scan
// counted, so the parser's work stayed in bounds. (The scan is exact on
// valid TOML, see TestScanMatchesParser, but BurntSushi drops values in a
// few invalid-looking corners, which only makes the value shallower.)
func fuzzScan(t *testing.T, text string, format Format) {
	var depth, names int
	var serr *scanError
	if format == FormatJSON {
		depth, serr = scanJSON(text)
	} else {
		depth, names, serr = scanTOML(text)
	}
	if serr != nil {
		if serr.offset < 0 || serr.offset > len(text) {
			t.Fatalf("scan error at offset %d of a %d-byte text", serr.offset, len(text))
		}
		return
	}
	parsed, err := Parse(text, format, "")
	if err != nil {
		return
	}
	if got := depthOf(parsed); got > depth {
		t.Fatalf("%q: the value is %d deep, the scan said %d", text, got, depth)
	}
	if got := namesOf(parsed, 0); format == FormatTOML && got > names {
		t.Fatalf("%q: the value's full names are %d bytes, the scan counted %d", text, got, names)
	}
}

func FuzzScanTOML(f *testing.F) {
	for _, s := range append(seeds, scanSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) { fuzzScan(t, text, FormatTOML) })
}

func FuzzScanJSON(f *testing.F) {
	for _, s := range append(seeds, scanSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) { fuzzScan(t, text, FormatJSON) })
}
