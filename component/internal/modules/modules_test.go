package modules

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/execctx/execctx/component/internal/detect"
	"github.com/execctx/execctx/component/internal/notsupported"
)

const base = "https://x.test/app/"

// The realms a table is computed for.
var (
	onMain      = detect.Report{HasDocument: true, SyncUsable: true, BaseURL: base}
	workerSAB   = detect.Report{InWorker: true, MainChannel: true, HasDocument: true, SyncUsable: true, BaseURL: base}
	workerNoSAB = detect.Report{InWorker: true, MainChannel: true, HasDocument: true, BaseURL: base}
	// a worker that other code started: no channel to main, though the
	// realm has SharedArrayBuffer
	workerNoChannel = detect.Report{InWorker: true, SyncUsable: true, BaseURL: base}
)

// page is the config of spec §10.5's harness, plus collisions.
var page = map[string]any{"js_modules": map[string]any{
	"main": map[string]any{
		"./greeting.js": "greeting", "./style.css": "style", "./theme.CSS?v=1": "style",
		"./a.js": "dup", "./b.js": "dup", "./shadow.js": "shared",
	},
	"worker": map[string]any{"./greeting_worker.js": "greeting_worker", "./shared.js": "shared", "./w1.js": "w", "./w2.js": "w"},
}}

func TestTable(t *testing.T) {
	tests := []struct {
		id    string
		cfg   map[string]any
		base  string
		realm detect.Report
		want  []Entry
	}{
		{id: "C57 C60 C61 main: main modules only, last of a name wins", cfg: page, base: base, want: []Entry{
			{Name: "dup", URL: base + "b.js"},
			{Name: "greeting", URL: base + "greeting.js"},
			{Name: "shared", URL: base + "shadow.js"},
			{Name: "style", URL: base + "style.css", Stylesheet: true},
			{Name: "style", URL: base + "theme.CSS?v=1", Stylesheet: true},
		}},
		{id: "C58 C59 Q12 worker: worker modules, then main ones it does not shadow", cfg: page, base: base, realm: workerSAB, want: []Entry{
			{Name: "greeting_worker", URL: base + "greeting_worker.js"},
			{Name: "shared", URL: base + "shared.js"},
			{Name: "w", URL: base + "w2.js"},
			{Name: "dup", URL: base + "a.js", Realm: RealmMain},
			{Name: "dup", URL: base + "b.js", Realm: RealmMain},
			{Name: "greeting", URL: base + "greeting.js", Realm: RealmMain},
			{Name: "style", URL: base + "style.css", Realm: RealmMain, Stylesheet: true},
			{Name: "style", URL: base + "theme.CSS?v=1", Realm: RealmMain, Stylesheet: true},
		}},
		{id: "C64 worker without SharedArrayBuffer: no main modules", cfg: page, base: base, realm: workerNoSAB, want: []Entry{
			{Name: "greeting_worker", URL: base + "greeting_worker.js"},
			{Name: "shared", URL: base + "shared.js"},
			{Name: "w", URL: base + "w2.js"},
		}},
		{id: "C64 worker without a channel to main: no main modules", cfg: page, base: base, realm: workerNoChannel, want: []Entry{
			{Name: "greeting_worker", URL: base + "greeting_worker.js"},
			{Name: "shared", URL: base + "shared.js"},
			{Name: "w", URL: base + "w2.js"},
		}},
		{id: "C64 only main modules, worker without SharedArrayBuffer", base: base, realm: workerNoSAB,
			cfg: map[string]any{"js_modules": map[string]any{"main": map[string]any{"./greeting.js": "greeting"}}}, want: nil},
		{id: "C13 relative to the config URL", base: "https://x.test/cfg/config.toml",
			cfg:  map[string]any{"js_modules": map[string]any{"main": map[string]any{"./js_modules.js": "random_js", "https://cdn.test/m.js": "m"}}},
			want: []Entry{{Name: "random_js", URL: "https://x.test/cfg/js_modules.js"}, {Name: "m", URL: "https://cdn.test/m.js"}}},
		{id: "a .css query or fragment is not a stylesheet path", base: base,
			cfg:  map[string]any{"js_modules": map[string]any{"main": map[string]any{"./m.js?x.css": "m", "./n.js#a.css": "n"}}},
			want: []Entry{{Name: "m", URL: base + "m.js?x.css"}, {Name: "n", URL: base + "n.js#a.css"}}},
		{id: "a stylesheet and a script may share a name", base: base,
			cfg:  map[string]any{"js_modules": map[string]any{"main": map[string]any{"./style.css": "ui", "./ui.js": "ui", "./ui2.js": "ui"}}},
			want: []Entry{{Name: "ui", URL: base + "style.css", Stylesheet: true}, {Name: "ui", URL: base + "ui2.js"}}},
		{id: "blob URL", base: base,
			cfg:  map[string]any{"js_modules": map[string]any{"main": map[string]any{"blob:https://x.test/1": "b"}}},
			want: []Entry{{Name: "b", URL: "blob:https://x.test/1"}}},
		{id: "only worker modules, on main", cfg: map[string]any{"js_modules": map[string]any{"worker": map[string]any{"w.js": "w"}}}, base: base, want: nil},
		{id: "C62 no js_modules", cfg: map[string]any{"type": "py"}, base: base, want: nil},
		{id: "null js_modules", cfg: map[string]any{"js_modules": nil}, base: base, want: nil},
		{id: "null main table", cfg: map[string]any{"js_modules": map[string]any{"main": nil}}, base: base, want: nil},
		{id: "nil config", cfg: nil, base: base, want: nil},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			got, err := Table(tc.cfg, tc.base, tc.realm)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
			again, _ := Table(tc.cfg, tc.base, tc.realm)
			assert.Equal(t, got, again, "a second call")
		})
	}
}

func TestTableErrors(t *testing.T) {
	mods := func(tables map[string]any) map[string]any { return map[string]any{"js_modules": tables} }
	tests := []struct {
		id    string
		cfg   map[string]any
		base  string
		realm detect.Report
		want  string
	}{
		{id: "not a table", cfg: map[string]any{"js_modules": "x"},
			want: "(PY1000): Invalid config: js_modules must be a table with main and/or worker tables"},
		{id: "unknown table", cfg: mods(map[string]any{"workers": map[string]any{}}),
			want: `(PY1000): Invalid config: js_modules has an unknown table "workers"; use main and/or worker`},
		{id: "main not a table", cfg: mods(map[string]any{"main": []any{}}),
			want: "(PY1000): Invalid config: js_modules.main must be a table of URL = module name"},
		{id: "name not a string", cfg: mods(map[string]any{"main": map[string]any{"a.js": 1.0}}),
			want: `(PY1000): Invalid config: js_modules.main["a.js"] must be a module name string`},
		{id: "empty name", cfg: mods(map[string]any{"main": map[string]any{"a.js": ""}}),
			want: `(PY1000): Invalid config: js_modules.main["a.js"] must be a module name string`},
		{id: "worker table checked on main", cfg: mods(map[string]any{"worker": map[string]any{"w.js": true}}),
			want: `(PY1000): Invalid config: js_modules.worker["w.js"] must be a module name string`},
		{id: "hostile URL", cfg: mods(map[string]any{"main": map[string]any{"javascript:alert(1)": "x"}}),
			want: `(PY1000): Invalid config: js_modules.main["javascript:alert(1)"]: scheme "javascript" is not allowed; use http, https, file, blob`},
		{id: "data URL in a worker", realm: workerSAB, cfg: mods(map[string]any{"worker": map[string]any{"data:text/javascript,1": "x"}}),
			want: `(PY1000): Invalid config: js_modules.worker["data:text/javascript,1"]: scheme "data" is not allowed; use http, https, file, blob`},
		{id: "empty URL", cfg: mods(map[string]any{"main": map[string]any{"": "x"}}),
			want: `(PY1000): Invalid config: js_modules.main[""]: the URL is empty`},
		{id: "relative URL without a base", base: "-", cfg: mods(map[string]any{"main": map[string]any{"a.js": "a"}}),
			want: `(PY1000): Invalid config: js_modules.main["a.js"]: relative URL "a.js" needs an absolute base URL, got ""`},
		{id: "a stylesheet in a worker", realm: workerSAB, cfg: mods(map[string]any{"worker": map[string]any{"a.CSS": "a"}}),
			want: "(PY1000): Invalid config: js_modules.worker cannot load stylesheets: " + base + "a.CSS"},
		{id: "C64 main table still checked in a worker without SharedArrayBuffer", realm: workerNoSAB,
			cfg:  mods(map[string]any{"main": map[string]any{"a.js": 2.0}}),
			want: `(PY1000): Invalid config: js_modules.main["a.js"] must be a module name string`},
		{id: "a worker stylesheet fails on main too", cfg: mods(map[string]any{"worker": map[string]any{"a.css": "a"}}),
			want: "(PY1000): Invalid config: js_modules.worker cannot load stylesheets: " + base + "a.css"},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			b := base
			if tc.base == "-" {
				b = ""
			}
			got, err := Table(tc.cfg, b, tc.realm)
			if err == nil || err.Error() != tc.want || got != nil {
				t.Fatalf("Table = %+v, %v\nwant error %s", got, err, tc.want)
			}
		})
	}
}

func TestResolveImports(t *testing.T) {
	tests := []struct {
		id      string
		urls    []string
		want    []string
		wantErr string
	}{
		{id: "C63", urls: []string{"https://cdn.test/a.js", "https://cdn.test/b.js"}, want: []string{"https://cdn.test/a.js", "https://cdn.test/b.js"}},
		{id: "C44 relative resolves against the page (Q10)", urls: []string{"./a.js", "../b.mjs"}, want: []string{base + "a.js", "https://x.test/b.mjs"}},
		{id: "blob and file", urls: []string{"blob:https://x.test/1", "file:///srv/m.js"}, want: []string{"blob:https://x.test/1", "file:///srv/m.js"}},
		{id: "none", urls: nil, want: []string{}},
		{id: "empty", urls: []string{"a.js", ""}, wantErr: `js_import: URL 2, "": the URL is empty`},
		{id: "blank", urls: []string{"  "}, wantErr: `js_import: URL 1, "  ": the URL is empty`},
		{id: "javascript", urls: []string{"javascript:alert(1)"}, wantErr: `js_import: URL 1, "javascript:alert(1)": scheme "javascript" is not allowed; use http, https, file, blob`},
		{id: "data", urls: []string{"data:text/javascript,1"}, wantErr: `js_import: URL 1, "data:text/javascript,1": scheme "data" is not allowed; use http, https, file, blob`},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			got, err := ResolveImports(tc.urls, base)
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr || got != nil {
					t.Fatalf("ResolveImports = %q, %v\nwant error %s", got, err, tc.wantErr)
				}
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestJSImport(t *testing.T) {
	sabErr := notsupported.JSImport(notsupported.SABMessage)
	noChannelErr := notsupported.JSImport(notsupported.NoChannelMessage("`js_import`"))
	tests := []struct {
		id      string
		realm   detect.Report
		urls    []string
		want    []string
		wantErr error
	}{
		{id: "C63 main thread", realm: onMain, urls: []string{"./a.js", "https://cdn.test/b.js"},
			want: []string{base + "a.js", "https://cdn.test/b.js"}},
		{id: "C44 worker with SharedArrayBuffer", realm: workerSAB, urls: []string{"./a.js"}, want: []string{base + "a.js"}},
		{id: "C45 worker without SharedArrayBuffer", realm: workerNoSAB, urls: []string{"./a.js"}, wantErr: sabErr},
		{id: "C45 refused before the URLs are checked", realm: workerNoSAB, urls: []string{"javascript:x"}, wantErr: sabErr},
		{id: "worker without a channel to main", realm: workerNoChannel, urls: []string{"./a.js"}, wantErr: noChannelErr},
		{id: "node main thread without a DOM imports locally", realm: detect.Report{Runtime: detect.RuntimeNode, BaseURL: base},
			urls: []string{"./a.js"}, want: []string{base + "a.js"}},
		{id: "bad URL on main", realm: onMain, urls: []string{"data:text/javascript,1"},
			wantErr: errors.New(`js_import: URL 1, "data:text/javascript,1": scheme "data" is not allowed; use http, https, file, blob`)},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			got, err := JSImport(tc.urls, tc.realm)
			if tc.wantErr != nil {
				var ns notsupported.Value
				wantNS := errors.As(tc.wantErr, &ns)
				if err == nil || err.Error() != tc.wantErr.Error() || errors.As(err, &ns) != wantNS || got != nil {
					t.Fatalf("JSImport = %q, %v; want error %v", got, err, tc.wantErr)
				}
				if wantNS && ns != tc.wantErr {
					t.Fatalf("NotSupported = %+v, want %+v", ns, tc.wantErr)
				}
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}
