package conformance

import (
	"testing"

	"github.com/execctx/execctx/host"
	"github.com/execctx/execctx/host/hostmock"
)

const modulesConfig = `{"js_modules": {
	"main": {"./greeting.js": "greeting", "./style.css": "style", "./shadowed.js": "shared"},
	"worker": {"./greeting_worker.js": "greeting_worker", "./shared_worker.js": "shared"}}}`

func TestJSModules(t *testing.T) {
	local, main := host.ModuleRealmLocal, host.ModuleRealmMain
	tests := []struct {
		id    string
		hosts *hostmock.Hosts
		want  map[string]host.JSModule // by name; stylesheets by URL
	}{
		{"C57 C60 main thread", hostmock.Main(hostmock.NewPage(), "micropython"), map[string]host.JSModule{
			"greeting": {Name: "greeting", URL: base + "greeting.js", Realm: local},
			"style":    {Name: "style", URL: base + "style.css", Realm: local, Stylesheet: true},
			"shared":   {Name: "shared", URL: base + "shadowed.js", Realm: local},
		}},
		{"C58 C59 worker", hostmock.Worker(hostmock.NewPage(), "micropython", true), map[string]host.JSModule{
			"greeting":        {Name: "greeting", URL: base + "greeting.js", Realm: main},
			"style":           {Name: "style", URL: base + "style.css", Realm: main, Stylesheet: true},
			"greeting_worker": {Name: "greeting_worker", URL: base + "greeting_worker.js", Realm: local},
			"shared":          {Name: "shared", URL: base + "shared_worker.js", Realm: local}, // Q12: worker wins
		}},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			tc.hosts.Env.Sources = []host.ConfigSource{hostmock.InlineConfig(modulesConfig, host.ConfigFormatJSON)}
			got, err := newContext(t, tc.hosts).JSModules(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d modules %+v, want %d", len(got), got, len(tc.want))
			}
			for _, m := range got {
				if want, ok := tc.want[m.Name]; !ok || m != want {
					t.Errorf("module %+v, want %+v", m, want)
				}
			}
		})
	}
}

func TestJSImport(t *testing.T) {
	c := newContext(t, hostmock.Main(hostmock.NewPage(), "pyodide"))
	got, err := c.JSImport(ctx, []string{"./a.js", "https://cdn.test/b.js"})
	if err != nil || len(got) != 2 || got[0] != base+"a.js" || got[1] != "https://cdn.test/b.js" {
		t.Fatalf("C63 js_import = %q, %v", got, err)
	}
	if _, err := c.JSImport(ctx, []string{"javascript:alert(1)"}); err == nil {
		t.Fatal("a javascript: URL was accepted")
	}
}
