package conformance

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/execctx/execctx/api"
	"github.com/execctx/execctx/host/hostmock"
)

// typeMessage is the error for a missing or unknown PyWorker type (Q1).
const typeMessage = `pyscript.PyWorker: type must be either "micropython" or "pyodide" (aliases "mpy", "py"), or "module" for a JS module worker; got `

func TestPyWorker(t *testing.T) {
	py, mpy := api.WorkerTypePyodide, api.WorkerTypeMicropython
	unset := api.WorkerConfig{Kind: api.WorkerConfigUnset}
	json := func(text string) api.WorkerConfig { return api.WorkerConfig{Kind: api.WorkerConfigJSON, JSON: text} }
	tests := []struct {
		id       string
		url      string
		options  string
		inWorker bool
		hostFail string // the Worker host's spawn error
		wantURL  string
		want     api.WorkerOptions
		wantErr  string // exact
	}{
		{id: "C11 config URL", url: "./w.py", options: `{"type": "pyodide", "config": "./config.json"}`, wantURL: base + "w.py",
			want: api.WorkerOptions{Interpreter: py, Config: api.WorkerConfig{Kind: api.WorkerConfigURL, URL: base + "config.json"}}},
		{id: "C12 config object", url: "w.py", options: `{"type": "pyodide", "config": {"a": 1}}`, wantURL: base + "w.py",
			want: api.WorkerOptions{Interpreter: py, Config: json(`{"a":1}`)}},
		{id: "Q1 alias mpy", url: "w.py", options: `{"type": "mpy"}`, wantURL: base + "w.py",
			want: api.WorkerOptions{Interpreter: mpy, Config: unset}},
		{id: "Q2 inline TOML config is parsed now", url: "w.py", options: `{"type": "py", "config": "a = 1"}`, wantURL: base + "w.py",
			want: api.WorkerOptions{Interpreter: py, Config: json(`{"a":1}`)}},
		{id: "C86 id names the worker's script element", url: "w.py", options: `{"type": "mpy", "id": "mpy-w1"}`, wantURL: base + "w.py",
			want: api.WorkerOptions{Interpreter: mpy, Config: unset, ScriptID: api.Some("mpy-w1")}},
		{id: "C70 every option reaches the host", url: "w.py", wantURL: base + "w.py",
			options: `{"type": "micropython", "config": {"sync_main_only": true}, "async": true, "name": "n", "service_worker": "./sw.js", "id": "mpy-w2"}`,
			want: api.WorkerOptions{Interpreter: mpy, Config: json(`{"sync_main_only":true}`), RunAsync: true,
				Name: api.Some("n"), ServiceWorker: api.Some(base + "sw.js"), ScriptID: api.Some("mpy-w2")}},
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
			wantErr: `pyscript.PyWorker: url "javascript:alert(1)": scheme "javascript" is not allowed; use http, https, file, blob`},
		{id: "Q19 the host cannot start it: its error, with context", url: "w.py", options: `{"type": "py"}`, hostFail: "worker script returned 404",
			wantErr: "pyscript.PyWorker: worker script returned 404"},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			h := hostmock.MainHosts(hostmock.NewPage(), "pyodide")
			if tc.inWorker {
				h = hostmock.WorkerHosts(hostmock.NewPage(), "pyodide", true)
			}
			h.Spawner.Fail = tc.hostFail
			handle, err := newContext(t, h).PyWorker(ctx, tc.url, tc.options)
			if tc.wantErr != "" {
				checkErr(t, err, tc.wantErr, false)
				assert.Empty(t, h.Spawner.Spawned(), "workers started despite the error")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, uint32(100), handle, "the host's handle")
			assert.Equal(t, []hostmock.Spawned{{URL: tc.wantURL, Options: tc.want}}, h.Spawner.Spawned())
		})
	}
}
