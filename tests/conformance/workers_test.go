package conformance

import (
	"testing"

	"github.com/execctx/execctx/host"
	"github.com/execctx/execctx/host/hostmock"
)

// typeMessage is the error for a missing or unknown PyWorker type (Q1).
const typeMessage = `pyscript.PyWorker: type must be either "micropython" or "pyodide" (aliases "mpy", "py"), or "module" for a JS module worker; got `

func TestPyWorker(t *testing.T) {
	py, mpy := host.WorkerTypePyodide, host.WorkerTypeMicropython
	unset := host.WorkerConfig{Kind: host.WorkerConfigUnset}
	json := func(text string) host.WorkerConfig { return host.WorkerConfig{Kind: host.WorkerConfigJSON, JSON: text} }
	tests := []struct {
		id       string
		url      string
		options  string
		inWorker bool
		hostFail string // the Worker host's spawn error
		wantURL  string
		want     host.WorkerOptions
		wantErr  string // exact
	}{
		{id: "C11 config URL", url: "./w.py", options: `{"type": "pyodide", "config": "./config.json"}`, wantURL: base + "w.py",
			want: host.WorkerOptions{Interpreter: py, Config: host.WorkerConfig{Kind: host.WorkerConfigURL, URL: base + "config.json"}}},
		{id: "C12 config object", url: "w.py", options: `{"type": "pyodide", "config": {"a": 1}}`, wantURL: base + "w.py",
			want: host.WorkerOptions{Interpreter: py, Config: json(`{"a":1}`)}},
		{id: "Q1 alias mpy", url: "w.py", options: `{"type": "mpy"}`, wantURL: base + "w.py",
			want: host.WorkerOptions{Interpreter: mpy, Config: unset}},
		{id: "Q2 inline TOML config is parsed now", url: "w.py", options: `{"type": "py", "config": "a = 1"}`, wantURL: base + "w.py",
			want: host.WorkerOptions{Interpreter: py, Config: json(`{"a":1}`)}},
		{id: "C86 id names the worker's script element", url: "w.py", options: `{"type": "mpy", "id": "mpy-w1"}`, wantURL: base + "w.py",
			want: host.WorkerOptions{Interpreter: mpy, Config: unset, ScriptID: host.Some("mpy-w1")}},
		{id: "C70 every option reaches the host", url: "w.py", wantURL: base + "w.py",
			options: `{"type": "micropython", "config": {"sync_main_only": true}, "async": true, "name": "n", "service_worker": "./sw.js", "id": "mpy-w2"}`,
			want: host.WorkerOptions{Interpreter: mpy, Config: json(`{"sync_main_only":true}`), RunAsync: true,
				Name: host.Some("n"), ServiceWorker: host.Some(base + "sw.js"), ScriptID: host.Some("mpy-w2")}},
		{id: "C66 PyWorker in a worker", url: "x.py", options: `{"type": "pyodide"}`, inWorker: true,
			wantErr: "pyscript.PyWorker works only when running in the main thread"},
		{id: "C66 PyWorker in a worker is refused before its options are read", url: "", options: `{"hooks": 1}`, inWorker: true,
			wantErr: "pyscript.PyWorker works only when running in the main thread"},
		{id: "C69 no type", url: "w.py", options: `{}`, wantErr: typeMessage + "nothing"},
		{id: "Q1 unknown type names the allowed ones", url: "w.py", options: `{"type": "zzz"}`, wantErr: typeMessage + `"zzz"`},
		{id: "Q18 async must be a bool", url: "w.py", options: `{"type": "py", "async": "yes"}`,
			wantErr: `pyscript.PyWorker: async must be true or false; got "yes"`},
		{id: "Q18 unknown option", url: "w.py", options: `{"type": "py", "hooks": {}}`,
			wantErr: `pyscript.PyWorker: unknown option "hooks"; the options are type, config, async, name, service_worker, serviceWorker, id`},
		{id: "hostile worker URL", url: "javascript:alert(1)", options: `{"type": "py"}`,
			wantErr: `pyscript.PyWorker: url "javascript:alert(1)": scheme "javascript" is not allowed; use http, https, file`},
		{id: "Q19 the host cannot start it: its error, with context", url: "w.py", options: `{"type": "py"}`, hostFail: "worker script returned 404",
			wantErr: "pyscript.PyWorker: worker script returned 404"},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			h := hostmock.Main(hostmock.NewPage(), "pyodide")
			if tc.inWorker {
				h = hostmock.Worker(hostmock.NewPage(), "pyodide", true)
			}
			h.Workers.Fail = tc.hostFail
			handle, err := newContext(t, h).PyWorker(ctx, tc.url, tc.options)
			if tc.wantErr != "" {
				checkErr(t, err, tc.wantErr, false)
				if n := len(h.Workers.Spawned()); n != 0 {
					t.Fatalf("%d workers started despite the error", n)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			spawned := h.Workers.Spawned()
			if len(spawned) != 1 || handle != 100 {
				t.Fatalf("spawned %d workers, handle %d", len(spawned), handle)
			}
			if s := spawned[0]; s.URL != tc.wantURL || s.Options != tc.want {
				t.Fatalf("spawned %s with %+v\nwant    %s with %+v", s.URL, s.Options, tc.wantURL, tc.want)
			}
		})
	}
}
