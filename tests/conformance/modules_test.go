package conformance

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/execctx/execctx/api"
	"github.com/execctx/execctx/host/hostmock"
)

const modulesConfig = `{"js_modules": {
	"main": {"./greeting.js": "greeting", "./style.css": "style", "./shadowed.js": "shared"},
	"worker": {"./greeting_worker.js": "greeting_worker", "./shared_worker.js": "shared"}}}`

func TestJSModules(t *testing.T) {
	local, main := api.ModuleRealmLocal, api.ModuleRealmMain
	tests := []struct {
		id    string
		hosts *hostmock.Hosts
		want  map[string]api.JSModule // by name; stylesheets by URL
	}{
		{"C57 C60 main thread", hostmock.MainHosts(hostmock.NewPage(), "micropython"), map[string]api.JSModule{
			"greeting": {Name: "greeting", URL: base + "greeting.js", Realm: local},
			"style":    {Name: "style", URL: base + "style.css", Realm: local, Stylesheet: true},
			"shared":   {Name: "shared", URL: base + "shadowed.js", Realm: local},
		}},
		{"C58 C59 worker", hostmock.WorkerHosts(hostmock.NewPage(), "micropython", true), map[string]api.JSModule{
			"greeting":        {Name: "greeting", URL: base + "greeting.js", Realm: main},
			"style":           {Name: "style", URL: base + "style.css", Realm: main, Stylesheet: true},
			"greeting_worker": {Name: "greeting_worker", URL: base + "greeting_worker.js", Realm: local},
			"shared":          {Name: "shared", URL: base + "shared_worker.js", Realm: local}, // Q12: worker wins
		}},
		// No window proxy, so main's modules cannot reach this worker:
		// they are not offered, and importing one is an ImportError.
		{"C64 worker without SharedArrayBuffer", hostmock.WorkerHosts(hostmock.NewPage(), "micropython", false), map[string]api.JSModule{
			"greeting_worker": {Name: "greeting_worker", URL: base + "greeting_worker.js", Realm: local},
			"shared":          {Name: "shared", URL: base + "shared_worker.js", Realm: local},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			tc.hosts.Env.Sources = []api.ConfigSource{hostmock.ExplicitConfig(modulesConfig, api.ConfigFormatJSON)}
			got, err := newContext(t, tc.hosts).JSModules(ctx)
			require.NoError(t, err)
			byName := map[string]api.JSModule{}
			for _, m := range got {
				byName[m.Name] = m
			}
			assert.Len(t, got, len(byName), "module names repeat: %+v", got)
			assert.Equal(t, tc.want, byName)
		})
	}
}

func TestJSImport(t *testing.T) {
	tests := []struct {
		id      string
		hosts   *hostmock.Hosts
		urls    []string
		want    []string
		wantErr string
	}{
		{id: "C63 main thread, two URLs", hosts: hostmock.MainHosts(hostmock.NewPage(), "pyodide"),
			urls: []string{"./a.js", "https://cdn.test/b.js"}, want: []string{base + "a.js", "https://cdn.test/b.js"}},
		{id: "C44 worker with SharedArrayBuffer", hosts: hostmock.WorkerHosts(hostmock.NewPage(), "pyodide", true),
			urls: []string{"https://cdn.test/m.js"}, want: []string{"https://cdn.test/m.js"}},
		// The original's js_import is None here; execctx says why.
		{id: "C45 worker without SharedArrayBuffer", hosts: hostmock.WorkerHosts(hostmock.NewPage(), "pyodide", false),
			urls: []string{"https://cdn.test/m.js"}, wantErr: sabMessage},
		{id: "hostile URL", hosts: hostmock.MainHosts(hostmock.NewPage(), "pyodide"), urls: []string{"javascript:alert(1)"},
			wantErr: `js_import: URL 1, "javascript:alert(1)": scheme "javascript" is not allowed; use http, https, file, blob`},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			got, err := newContext(t, tc.hosts).JSImport(ctx, tc.urls)
			if tc.wantErr != "" {
				checkErr(t, err, tc.wantErr, false)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got, "js_import")
		})
	}
}
