package workers

import (
	"strings"
	"testing"
)

const base = "https://x.test/app/"

func TestValidate(t *testing.T) {
	tests := []struct {
		id       string
		url      string
		options  string
		inWorker bool
		wantURL  string
		want     Options
		wantErr  string
	}{
		{id: "C11", url: "./w.py", options: `{"type": "pyodide", "config": "./config.json"}`, wantURL: base + "w.py",
			want: Options{Interpreter: "pyodide", Config: base + "config.json", HasConfig: true, ConfigIsURL: true}},
		{id: "C12", url: "w.py", options: `{"type": "pyodide", "config": {"a": 1}}`, wantURL: base + "w.py",
			want: Options{Interpreter: "pyodide", Config: `{"a":1}`, HasConfig: true}},
		{id: "Q2 inline TOML", url: "w.py", options: `{"type": "mpy", "config": "a = 1"}`, wantURL: base + "w.py",
			want: Options{Interpreter: "micropython", Config: `{"a":1}`, HasConfig: true}},
		{id: "Q2 inline JSON", url: "w.py", options: `{"type": "py", "config": "{\"b\": true}"}`, wantURL: base + "w.py",
			want: Options{Interpreter: "pyodide", Config: `{"b":true}`, HasConfig: true}},
		{id: "everything", url: "/w.py", options: `{"type": "micropython", "async": true, "name": "n", "serviceWorker": "./sw.js"}`,
			wantURL: "https://x.test/w.py",
			want:    Options{Interpreter: "micropython", Async: true, Name: "n", HasName: true, ServiceWorker: "./sw.js", HasServiceWorker: true}},
		{id: "C66", url: "x.py", options: `{"type": "pyodide"}`, inWorker: true, wantErr: "pyscript.PyWorker works only when running in the main thread"},
		{id: "C69 no type", url: "w.py", options: "", wantErr: `pyscript.PyWorker: type must be either "micropython" or "pyodide" (aliases "mpy", "py"), or "module" for a JS module worker; got nothing`},
		{id: "module extension", url: "w.js", options: `{"type": "module"}`, wantURL: base + "w.js", want: Options{Interpreter: "module"}},
		{id: "Q1 bad type", url: "w.py", options: `{"type": "zzz"}`, wantErr: `got "zzz"`},
		{id: "type not a string", url: "w.py", options: `{"type": 3}`, wantErr: "got 3"},
		{id: "unknown option", url: "w.py", options: `{"type": "py", "hooks": 1}`, wantErr: `unknown option "hooks"; the options are type, config, async, name, service_worker, serviceWorker`},
		{id: "async", url: "w.py", options: `{"type": "py", "async": "yes"}`, wantErr: `async must be true or false; got "yes"`},
		{id: "service workers disagree", url: "w.py", options: `{"type": "py", "service_worker": "a", "serviceWorker": "b"}`, wantErr: "disagree"},
		{id: "bad config", url: "w.py", options: `{"type": "py", "config": "a = "}`, wantErr: "pyscript.PyWorker: config: (PY1000): Invalid TOML"},
		{id: "config list", url: "w.py", options: `{"type": "py", "config": [1]}`, wantErr: "config must be an object"},
		{id: "empty url", url: " ", options: `{"type": "py"}`, wantErr: "url must name"},
		{id: "hostile url", url: "javascript:alert(1)", options: `{"type": "py"}`, wantErr: `url "javascript:alert(1)": scheme "javascript" is not allowed`},
		{id: "options not an object", url: "w.py", options: `[1]`, wantErr: "options must be an object"},
	}
	for _, tc := range tests {
		url, opts, err := Validate(tc.url, tc.options, base, tc.inWorker)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%s: err = %v\nwant %q", tc.id, err, tc.wantErr)
			}
			continue
		}
		if err != nil || url != tc.wantURL || opts != tc.want {
			t.Errorf("%s: Validate = %q, %+v, %v", tc.id, url, opts, err)
		}
	}
}
