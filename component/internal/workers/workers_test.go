package workers

import "testing"

const base = "https://x.test/app/"

func TestValidate(t *testing.T) {
	py := Options{Interpreter: "pyodide"}
	tests := []struct {
		id      string
		url     string
		options string
		wantURL string
		want    Options
	}{
		{id: "C11 config URL", url: "./w.py", options: `{"type": "pyodide", "config": "./config.json"}`, wantURL: base + "w.py",
			want: Options{Interpreter: "pyodide", Config: base + "config.json", HasConfig: true, ConfigIsURL: true}},
		{id: "C65 TOML config URL with a query", url: "w.py", options: `{"type": "py", "config": "../c.TOML?v=2"}`, wantURL: base + "w.py",
			want: Options{Interpreter: "pyodide", Config: "https://x.test/c.TOML?v=2", HasConfig: true, ConfigIsURL: true}},
		{id: "C12 config object", url: "w.py", options: `{"type": "pyodide", "config": {"a": 1}}`, wantURL: base + "w.py",
			want: Options{Interpreter: "pyodide", Config: `{"a":1}`, HasConfig: true}},
		{id: "C70 C72 object kept compact and sorted", url: "w.py", options: `{"type": "py", "config": {"sync_main_only": true, "packages_cache": "never", "n": 1e999}}`,
			wantURL: base + "w.py", want: Options{Interpreter: "pyodide", Config: `{"n":null,"packages_cache":"never","sync_main_only":true}`, HasConfig: true}},
		{id: "Q2 inline TOML is parsed now", url: "w.py", options: `{"type": "mpy", "config": "a = 1\nb = 2.5"}`, wantURL: base + "w.py",
			want: Options{Interpreter: "micropython", Config: `{"a":1,"b":2.5}`, HasConfig: true}},
		{id: "Q2 inline JSON is parsed now", url: "w.py", options: `{"type": "py", "config": "{\"b\": true}"}`, wantURL: base + "w.py",
			want: Options{Interpreter: "pyodide", Config: `{"b":true}`, HasConfig: true}},
		{id: "empty config string is no config", url: "w.py", options: `{"type": "py", "config": " "}`, wantURL: base + "w.py", want: py},
		{id: "null config is no config", url: "w.py", options: `{"type": "py", "config": null, "name": null, "async": null}`, wantURL: base + "w.py", want: py},
		{id: "Q1 alias mpy", url: "w.py", options: `{"type": "mpy"}`, wantURL: base + "w.py", want: Options{Interpreter: "micropython"}},
		{id: "Q1 alias py", url: "w.py", options: `{"type": "py"}`, wantURL: base + "w.py", want: py},
		{id: "a page's inline worker code, by blob: URL", url: "blob:https://x.test/4b1c", options: `{"type": "py"}`,
			wantURL: "blob:https://x.test/4b1c", want: py},
		{id: "module worker", url: "w.js", options: `{"type": "module"}`, wantURL: base + "w.js", want: Options{Interpreter: "module"}},
		{id: "everything", url: " /w.py ", options: `{"type": "micropython", "async": true, "name": "n", "serviceWorker": "./sw.js"}`,
			wantURL: "https://x.test/w.py",
			want:    Options{Interpreter: "micropython", Async: true, Name: "n", HasName: true, ServiceWorker: base + "sw.js", HasServiceWorker: true}},
		{id: "both service worker spellings agreeing", url: "w.py", options: `{"type": "py", "service_worker": "sw.js", "serviceWorker": "sw.js"}`,
			wantURL: base + "w.py", want: Options{Interpreter: "pyodide", ServiceWorker: base + "sw.js", HasServiceWorker: true}},
		{id: "C86 id binds the worker to its script element", url: "w.py", options: `{"type": "mpy", "id": "mpy-w1"}`,
			wantURL: base + "w.py", want: Options{Interpreter: "micropython", ScriptID: "mpy-w1", HasScriptID: true}},
		{id: "async false", url: "w.py", options: `{"type": "py", "async": false}`, wantURL: base + "w.py", want: py},
		{id: "absolute file URL", url: "file:///srv/w.py", options: `{"type": "py"}`, wantURL: "file:///srv/w.py", want: py},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			url, opts, err := Validate(tc.url, tc.options, base)
			if err != nil || url != tc.wantURL || opts != tc.want {
				t.Fatalf("Validate = %q, %+v, %v\nwant %q, %+v", url, opts, err, tc.wantURL, tc.want)
			}
		})
	}
}

func TestValidateErrors(t *testing.T) {
	const types = `pyscript.PyWorker: type must be either "micropython" or "pyodide" (aliases "mpy", "py"), or "module" for a JS module worker; got `
	tests := []struct {
		id      string
		url     string
		options string
		base    string
		want    string // the whole message
	}{
		{id: "C69 no type", url: "w.py", options: "", want: types + "nothing"},
		{id: "C69 empty options", url: "w.py", options: "{}", want: types + "nothing"},
		{id: "Q1 unknown type", url: "w.py", options: `{"type": "zzz"}`, want: types + `"zzz"`},
		{id: "Q1 type case matters", url: "w.py", options: `{"type": "Pyodide"}`, want: types + `"Pyodide"`},
		{id: "type not a string", url: "w.py", options: `{"type": 3}`, want: types + "3"},
		{id: "type null", url: "w.py", options: `{"type": null}`, want: types + "null"},
		{id: "Q18 unknown option", url: "w.py", options: `{"type": "py", "hooks": 1}`,
			want: `pyscript.PyWorker: unknown option "hooks"; the options are type, config, async, name, service_worker, serviceWorker, id`},
		{id: "Q18 unknown options sorted", url: "w.py", options: `{"type": "py", "parser": 1, "hooks": "x", "async_": true}`,
			want: `pyscript.PyWorker: unknown options "async_", "hooks", "parser"; the options are type, config, async, name, service_worker, serviceWorker, id`},
		{id: "id must be text", url: "w.py", options: `{"type": "py", "id": 3}`,
			want: `pyscript.PyWorker: id must be the id of a <script> element on the page (text without spaces); got 3`},
		{id: "id without spaces", url: "w.py", options: `{"type": "py", "id": "a b"}`,
			want: `pyscript.PyWorker: id must be the id of a <script> element on the page (text without spaces); got "a b"`},
		{id: "async must be a bool", url: "w.py", options: `{"type": "py", "async": "yes"}`, want: `pyscript.PyWorker: async must be true or false; got "yes"`},
		{id: "async 1 is not a bool", url: "w.py", options: `{"type": "py", "async": 1}`, want: `pyscript.PyWorker: async must be true or false; got 1`},
		{id: "name must be a string", url: "w.py", options: `{"type": "py", "name": 7}`, want: `pyscript.PyWorker: name must be a string; got 7`},
		{id: "service worker must be a string", url: "w.py", options: `{"type": "py", "service_worker": true}`, want: `pyscript.PyWorker: service_worker must be a URL string; got true`},
		{id: "service workers disagree", url: "w.py", options: `{"type": "py", "service_worker": "a", "serviceWorker": "b"}`,
			want: `pyscript.PyWorker: service_worker "https://x.test/app/a" and serviceWorker "https://x.test/app/b" disagree; give one`},
		{id: "C19 bad inline TOML", url: "w.py", options: `{"type": "py", "config": "files = ["}`,
			want: "pyscript.PyWorker: config: (PY1000): Invalid TOML\nline 1, column 9: the array that starts here is not closed: end it with ']' (last key \"files\")"},
		{id: "C20 bad inline JSON", url: "w.py", options: `{"type": "py", "config": "{\"a\":}"}`,
			want: "pyscript.PyWorker: config: (PY1000): Invalid JSON\nline 1, column 6: invalid character '}' looking for beginning of value"},
		{id: "C21 config with another extension", url: "w.py", options: `{"type": "py", "config": "./c.txt"}`, want: "pyscript.PyWorker: config: (PY1000): Invalid URL: ./c.txt"},
		{id: "hostile config URL", url: "w.py", options: `{"type": "py", "config": "javascript:x.json"}`,
			want: "pyscript.PyWorker: config: (PY1000): Invalid URL: javascript:x.json\nonly http, https and file URLs can be fetched"},
		{id: "config list", url: "w.py", options: `{"type": "py", "config": [1]}`,
			want: "pyscript.PyWorker: config must be an object, a config URL or inline JSON/TOML text; got [1]"},
		{id: "config number", url: "w.py", options: `{"type": "py", "config": 2}`,
			want: "pyscript.PyWorker: config must be an object, a config URL or inline JSON/TOML text; got 2"},
		{id: "empty url", url: " ", options: `{"type": "py"}`, want: `pyscript.PyWorker: url must name the file the worker runs; got " "`},
		{id: "hostile url", url: "javascript:alert(1)", options: `{"type": "py"}`,
			want: `pyscript.PyWorker: url "javascript:alert(1)": scheme "javascript" is not allowed; use http, https, file, blob`},
		{id: "hostile service worker URL", url: "w.py", options: `{"type": "py", "service_worker": "javascript:alert(1)"}`,
			want: `pyscript.PyWorker: service_worker "javascript:alert(1)": scheme "javascript" is not allowed; use http, https, file`},
		{id: "data url", url: "data:text/javascript,1", options: `{"type": "module"}`,
			want: `pyscript.PyWorker: url "data:text/javascript,1": scheme "data" is not allowed; use http, https, file, blob`},
		{id: "relative url without a base", url: "w.py", options: `{"type": "py"}`, base: "-",
			want: `pyscript.PyWorker: url "w.py": relative URL "w.py" needs an absolute base URL, got ""`},
		{id: "options not an object", url: "w.py", options: `[1]`,
			want: "pyscript.PyWorker: options must be a JSON object: json: cannot unmarshal array into Go value of type map[string]json.RawMessage"},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			b := base
			if tc.base == "-" {
				b = ""
			}
			url, opts, err := Validate(tc.url, tc.options, b)
			if err == nil || err.Error() != tc.want {
				t.Fatalf("err = %v\nwant %s", err, tc.want)
			}
			if url != "" || opts != (Options{}) {
				t.Fatalf("a failed call returned %q, %+v", url, opts)
			}
		})
	}
}
