package conformance

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/execctx/execctx/api"
	"github.com/execctx/execctx/host/hostmock"
)

const base = "https://example.test/app/"

type configCase struct {
	id          string
	interpreter string
	inWorker    bool // a worker with SharedArrayBuffer, else a main thread
	sources     []api.ConfigSource
	files       map[string]string
	down        string         // every fetch fails with this network error
	want        map[string]any // subset of the parsed config that must match
	wantText    string         // the whole config's JSON text, when set
	wantErr     string         // exact error, or its first line when errPrefix
	errPrefix   bool
}

func runConfigCases(t *testing.T, tests []configCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			h := hostmock.MainHosts(hostmock.NewPage(), tc.interpreter)
			if tc.inWorker {
				h = hostmock.WorkerHosts(hostmock.NewPage(), tc.interpreter, true)
			}
			h.Env.Sources = tc.sources
			for url, body := range tc.files {
				h.Fetch.Files[base+url] = body
			}
			h.Fetch.Down = tc.down
			text, err := newContext(t, h).Config(ctx)
			if tc.wantErr != "" {
				checkErr(t, err, tc.wantErr, tc.errPrefix)
				return
			}
			require.NoError(t, err, "Config")
			if tc.wantText != "" {
				require.Equal(t, tc.wantText, text, "the whole config's text")
			}
			var got map[string]json.RawMessage
			require.NoError(t, json.Unmarshal([]byte(text), &got), "config is not a JSON object: %s", text)
			for k, want := range tc.want {
				wantJSON, err := json.Marshal(want)
				require.NoError(t, err)
				if assert.Contains(t, got, k, "config %s", text) {
					assert.JSONEq(t, string(wantJSON), string(got[k]), "config[%q] (config %s)", k, text)
				}
			}
		})
	}
}

// checkErr checks that err is want, or when prefix that its first line is.
func checkErr(t *testing.T, err error, want string, prefix bool) {
	t.Helper()
	require.Error(t, err)
	got := err.Error()
	if prefix {
		got, _, _ = strings.Cut(got, "\n")
	}
	require.Equal(t, want, got, "error (in full: %s)", err)
}

func TestConfigNormalisation(t *testing.T) {
	tag, attr, opt := hostmock.TagConfig, hostmock.AttributeConfig, hostmock.ExplicitConfig
	json, toml, auto := api.ConfigFormatJSON, api.ConfigFormatTOML, api.ConfigFormatAuto
	runConfigCases(t, []configCase{
		{id: "C08 type under MicroPython", interpreter: "micropython", want: map[string]any{"type": "mpy"}},
		{id: "C08 type under Pyodide", interpreter: "pyodide", want: map[string]any{"type": "py"}},
		{id: "C09 JSON file keys survive", interpreter: "pyodide",
			sources: []api.ConfigSource{tag("./settings_py.json", auto)},
			files: map[string]string{"settings_py.json": `{"files": {"{TO}": "./runtime"}, "packages": ["Pillow"],
				"experimental_ffi_timeout": 0, "js_modules": {"main": {"./a.js": "a"}}}`},
			want: map[string]any{"files": map[string]any{"{TO}": "./runtime"}, "packages": []any{"Pillow"},
				"experimental_ffi_timeout": 0, "js_modules": map[string]any{"main": map[string]any{"./a.js": "a"}}}},
		{id: "C10 user type is overwritten", interpreter: "micropython",
			sources: []api.ConfigSource{opt(`{"type": "zzz"}`, auto)}, want: map[string]any{"type": "mpy"}},
		{id: "C12 object config", interpreter: "pyodide",
			sources: []api.ConfigSource{opt(`{"a": 1}`, json)}, want: map[string]any{"a": 1, "type": "py"}},
		{id: "C13 inline TOML js_modules", interpreter: "micropython",
			sources: []api.ConfigSource{tag("[js_modules.main]\n\"./js_modules.js\" = \"random_js\"", auto)},
			want:    map[string]any{"js_modules": map[string]any{"main": map[string]any{"./js_modules.js": "random_js"}}}},
		{id: "C17 identical config attributes", interpreter: "pyodide",
			sources: []api.ConfigSource{attr(`{"name":"OK"}`), attr(`{"name":"OK"}`)}, want: map[string]any{"name": "OK"}},
		// A worker script's config attribute is its worker's explicit
		// config (hosts leave it out of main's sources), so the page's
		// <py-config> and it never conflict: in the worker it wins.
		{id: "C18 worker: its own config beside the page's py-config", interpreter: "pyodide", inWorker: true,
			sources: []api.ConfigSource{tag(`name = "page"`, auto), opt("./w.toml", auto)},
			files:   map[string]string{"w.toml": `name = "worker"`}, wantText: `{"name":"worker","type":"py"}`},
		// Inheriting the page's config is the host's part: it hands the
		// worker the page's source, which the worker's context then loads.
		{id: "C28 worker handed the page's mpy-config src", interpreter: "micropython", inWorker: true,
			sources: []api.ConfigSource{tag("config-url/config.json", auto)},
			files:   map[string]string{"config-url/config.json": `{"files": {"{TO}": "./runtime"}}`},
			want:    map[string]any{"files": map[string]any{"{TO}": "./runtime"}}},
		{id: "C28 worker handed no config source", interpreter: "micropython", inWorker: true, wantText: `{"type":"mpy"}`},
		{id: "C25 inline TOML ending in a float (fixed quirk)", interpreter: "pyodide",
			sources: []api.ConfigSource{tag("a = 1\nb = 2.5", auto)}, want: map[string]any{"a": 1, "b": 2.5}},
		{id: "C33 TOML date-time", interpreter: "pyodide",
			sources: []api.ConfigSource{tag("when = 1979-05-27T07:32:00Z", toml)},
			want:    map[string]any{"when": "1979-05-27T07:32:00.000Z"}},
		{id: "JSON string config becomes {} (spec 3.6)", interpreter: "pyodide",
			sources: []api.ConfigSource{opt(`"just a string"`, json)}, want: map[string]any{"type": "py"}},
		// TOML 1.1 as BurntSushi/toml v1.6.0 reads it: an inline table over
		// lines with comments and a trailing comma, \xHH and \e escapes,
		// a time without seconds.
		{id: "C13 TOML 1.1 forms", interpreter: "pyodide",
			sources: []api.ConfigSource{tag("x = {\n  a = \"\\x41\\e\", # a comment\n  t = 07:32,\n}", toml)},
			want:    map[string]any{"x": map[string]any{"a": "A\x1b", "t": "07:32:00"}}},
		{id: "TOML URL", interpreter: "micropython",
			sources: []api.ConfigSource{tag("./pyscript.toml", auto)},
			files:   map[string]string{"pyscript.toml": "name = \"demo\"\n[files]\n\"a.py\" = \"\"\n"},
			want:    map[string]any{"name": "demo", "files": map[string]any{"a.py": ""}}},
	})
}

func TestConfigErrors(t *testing.T) {
	tag, attr, opt := hostmock.TagConfig, hostmock.AttributeConfig, hostmock.ExplicitConfig
	json, toml, auto := api.ConfigFormatJSON, api.ConfigFormatTOML, api.ConfigFormatAuto
	runConfigCases(t, []configCase{
		{id: "C14 two py-config", interpreter: "pyodide",
			sources: []api.ConfigSource{tag("a = 1", auto), tag("b = 1", auto)}, wantErr: "(PY0409): Too many py-config"},
		{id: "C14 two mpy-config", interpreter: "micropython",
			sources: []api.ConfigSource{tag("a = 1", auto), tag("b = 1", auto)}, wantErr: "(PY0409): Too many mpy-config"},
		{id: "C15 tag and attribute", interpreter: "pyodide",
			sources: []api.ConfigSource{tag("a = 1", auto), attr("x.toml")}, wantErr: "(PY0409): Ambiguous py-config VS config attribute"},
		{id: "C16 different attributes", interpreter: "pyodide",
			sources: []api.ConfigSource{attr("first.toml"), attr("second.toml")}, wantErr: "(PY0409): Unable to use different configs on main"},
		{id: "C19 unterminated TOML array, with line and column", interpreter: "pyodide",
			sources: []api.ConfigSource{tag("files = [", auto)},
			wantErr: "(PY1000): Invalid TOML\nline 1, column 9: the array that starts here is not closed: end it with ']' (last key \"files\")"},
		{id: "C19 the error's line is the source's", interpreter: "pyodide",
			sources: []api.ConfigSource{tag("name = \"ok\"\nfiles = [\n", toml)},
			wantErr: "(PY1000): Invalid TOML\nline 2, column 9: the array that starts here is not closed: end it with ']' (last key \"files\")"},
		{id: "C19 C23 a TOML file names its URL", interpreter: "pyodide",
			sources: []api.ConfigSource{attr("./bad.toml")}, files: map[string]string{"bad.toml": "name = \"x\"\npackages = [\"numpy\"\n"},
			wantErr: "(PY1000): Invalid TOML @ ./bad.toml\nline 2, column 12: the array that starts here is not closed: end it with ']' (last key \"packages\")"},
		{id: "C20 bad inline JSON", interpreter: "pyodide",
			sources: []api.ConfigSource{attr(`{"a":}`)}, wantErr: "(PY1000): Invalid JSON", errPrefix: true},
		// JSON.parse refuses any content after the value; a "]" or "}"
		// there used to be ignored.
		{id: "C20 content after the JSON value", interpreter: "pyodide",
			sources: []api.ConfigSource{attr(`{"a": 1}}`)},
			wantErr: "(PY1000): Invalid JSON\nline 1, column 9: unexpected content after the JSON value"},
		{id: "C20 a bracket and more after the JSON value", interpreter: "pyodide",
			sources: []api.ConfigSource{opt(`{"a": 1}] anything {"b": 2`, json)},
			wantErr: "(PY1000): Invalid JSON\nline 1, column 9: unexpected content after the JSON value"},
		{id: "C21 unknown extension", interpreter: "pyodide",
			sources: []api.ConfigSource{attr("./cfg.txt")}, wantErr: "(PY1000): Invalid URL: ./cfg.txt"},
		{id: "C22 forced JSON on a TOML URL", interpreter: "pyodide",
			sources: []api.ConfigSource{tag("x.toml", json)}, wantErr: "(PY1000): Invalid URL: x.toml\nexpected json content"},
		{id: "C23 bad JSON file", interpreter: "pyodide",
			sources: []api.ConfigSource{attr("./bad.json")}, files: map[string]string{"bad.json": "{"},
			wantErr: "(PY1000): Invalid JSON @ ./bad.json", errPrefix: true},
		{id: "C24 missing file", interpreter: "pyodide",
			sources: []api.ConfigSource{attr("./missing.toml")},
			wantErr: "(PY0404): Fetching from URL ./missing.toml failed with error 404 (Not Found). Are your filename and path correct?"},
		{id: "C24 no response at all", interpreter: "pyodide", sources: []api.ConfigSource{attr("./c.json")}, down: "connection refused",
			wantErr: "(PY0001): Fetching from URL ./c.json failed with error 'connection refused'. Are your filename and path correct?"},
		{id: "C29 invalid TOML is an error, not {} (fixed)", interpreter: "pyodide",
			sources: []api.ConfigSource{tag("this is invalid syntax", auto)},
			wantErr: "(PY1000): Invalid TOML\nline 1, column 6: expected '=' after the key this, found 'i': write key = value, and quote a key that has spaces or other characters"},
		{id: "C30 duplicate TOML keys are an error (fixed)", interpreter: "pyodide",
			sources: []api.ConfigSource{tag("[files]\n\"./f.py\" = \"a\"\n\"./f.py\" = \"b\"", auto)},
			wantErr: "(PY1000): Invalid TOML", errPrefix: true},
		// Limits checked before parsing (issue 8): depth, then size.
		{id: "TOML nested past the limit (2,000 inline tables)", interpreter: "pyodide",
			sources: []api.ConfigSource{tag("a = "+strings.Repeat("{a = ", 1999)+"{}"+strings.Repeat("}", 1999), auto)},
			wantErr: "(PY1000): Invalid TOML\nline 1, column 500: nesting deeper than 100 levels; execctx limits a config to 100 levels"},
		{id: "TOML header nested past the limit, in a file", interpreter: "pyodide",
			sources: []api.ConfigSource{attr("./deep.toml")},
			files:   map[string]string{"deep.toml": "name = \"x\"\n[" + strings.Repeat("a.", 150) + "a]"},
			wantErr: "(PY1000): Invalid TOML @ ./deep.toml\nline 2, column 200: nesting deeper than 100 levels; execctx limits a config to 100 levels"},
		{id: "JSON nested past the limit (9,999 objects)", interpreter: "micropython", inWorker: true,
			sources: []api.ConfigSource{opt(strings.Repeat(`{"a":`, 9999)+"1"+strings.Repeat("}", 9999), auto)},
			wantErr: "(PY1000): Invalid JSON\nline 1, column 501: nesting deeper than 100 levels; execctx limits a config to 100 levels"},
		{id: "a config file over the size limit", interpreter: "pyodide",
			sources: []api.ConfigSource{attr("./big.json")},
			files:   map[string]string{"big.json": `{"a": "` + strings.Repeat("x", 2<<20) + `"}`},
			wantErr: "(PY1000): Invalid JSON @ ./big.json\nthe config is 2097161 bytes; execctx limits a config to 1048576 bytes: keep large data in files the config lists, not in the config"},
		{id: "hostile URL scheme", interpreter: "pyodide",
			sources: []api.ConfigSource{opt("javascript:alert(1)//x.json", auto)},
			wantErr: "(PY1000): Invalid URL: javascript:alert(1)//x.json", errPrefix: true},
	})
}

// TestConfigURL: what a host with an asynchronous fetch must fetch first.
func TestConfigURL(t *testing.T) {
	tests := []struct {
		id, source, want string
		wantErr          string
	}{
		{id: "C24 a URL: what to fetch first", source: "./c.toml", want: base + "c.toml"},
		{id: "C17 inline: nothing to fetch", source: "a = 1", want: ""},
		{id: "C21", source: "./c.txt", wantErr: "(PY1000): Invalid URL: ./c.txt"},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			h := hostmock.MainHosts(hostmock.NewPage(), "pyodide")
			h.Env.Sources = []api.ConfigSource{hostmock.AttributeConfig(tc.source)}
			got, err := newContext(t, h).ConfigURL(ctx)
			if tc.wantErr != "" {
				checkErr(t, err, tc.wantErr, false)
				return
			}
			if err != nil || got.Some != (tc.want != "") || got.Value != tc.want {
				t.Fatalf("ConfigURL = %+v, %v; want %q", got, err, tc.want)
			}
		})
	}
}
