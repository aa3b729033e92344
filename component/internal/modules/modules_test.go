package modules

import (
	"reflect"
	"strings"
	"testing"
)

const base = "https://x.test/app/"

func TestTable(t *testing.T) {
	cfg := map[string]any{"js_modules": map[string]any{
		"main":   map[string]any{"./greeting.js": "greeting", "./style.css": "style", "./a.js": "dup", "./b.js": "dup", "./shadow.js": "shared"},
		"worker": map[string]any{"./greeting_worker.js": "greeting_worker", "./shared.js": "shared"},
	}}
	tests := []struct {
		id       string
		inWorker bool
		want     []Entry
	}{
		{id: "C57 C60 main", want: []Entry{
			{Name: "dup", URL: base + "b.js"},
			{Name: "greeting", URL: base + "greeting.js"},
			{Name: "shared", URL: base + "shadow.js"},
			{Name: "style", URL: base + "style.css", Stylesheet: true},
		}},
		{id: "C58 C59 Q12 worker", inWorker: true, want: []Entry{
			{Name: "greeting_worker", URL: base + "greeting_worker.js"},
			{Name: "shared", URL: base + "shared.js"},
			{Name: "dup", URL: base + "a.js", Realm: RealmMain},
			{Name: "dup", URL: base + "b.js", Realm: RealmMain},
			{Name: "greeting", URL: base + "greeting.js", Realm: RealmMain},
			{Name: "style", URL: base + "style.css", Realm: RealmMain, Stylesheet: true},
		}},
	}
	for _, tc := range tests {
		got, err := Table(cfg, base, tc.inWorker)
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Table =\n%+v, %v\nwant\n%+v", tc.id, got, err, tc.want)
		}
	}
}

func TestTableErrors(t *testing.T) {
	tests := []struct {
		id       string
		cfg      map[string]any
		inWorker bool
		want     string
	}{
		{"not a table", map[string]any{"js_modules": "x"}, false, "js_modules must be a table"},
		{"main not a table", map[string]any{"js_modules": map[string]any{"main": []any{}}}, false, "js_modules.main must be a table"},
		{"name not a string", map[string]any{"js_modules": map[string]any{"main": map[string]any{"a.js": 1.0}}}, false, `js_modules.main["a.js"] must be a module name string`},
		{"hostile URL", map[string]any{"js_modules": map[string]any{"main": map[string]any{"javascript:x": "x"}}}, false, `scheme "javascript" is not allowed`},
		{"CSS in a worker", map[string]any{"js_modules": map[string]any{"worker": map[string]any{"a.CSS": "a"}}}, true, "js_modules.worker cannot load stylesheets"},
	}
	for _, tc := range tests {
		_, err := Table(tc.cfg, base, tc.inWorker)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.id, err, tc.want)
		}
	}
	if got, err := Table(map[string]any{}, base, false); err != nil || got != nil {
		t.Errorf("no js_modules: %v, %v", got, err)
	}
}

func TestResolveImports(t *testing.T) {
	got, err := ResolveImports([]string{"./a.js", "https://cdn.test/b.js", "blob:https://x.test/1"}, base)
	want := []string{base + "a.js", "https://cdn.test/b.js", "blob:https://x.test/1"}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("C63 ResolveImports = %q, %v", got, err)
	}
	for _, bad := range []string{"", "javascript:alert(1)", "data:text/javascript,1"} {
		if _, err := ResolveImports([]string{bad}, base); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
