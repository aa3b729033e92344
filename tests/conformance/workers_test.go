package conformance

import (
	"strings"
	"testing"

	"github.com/execctx/execctx/host"
	"github.com/execctx/execctx/host/hostmock"
)

func TestPyWorker(t *testing.T) {
	tests := []struct {
		id          string
		url         string
		options     string
		inWorker    bool
		wantURL     string
		interpreter host.WorkerType
		config      string // JSON, or URL when configIsURL
		configIsURL bool
		scriptID    string
		wantErr     string // substring
	}{
		{id: "C11 config URL", url: "./w.py", options: `{"type": "pyodide", "config": "./config.json"}`,
			wantURL: base + "w.py", interpreter: host.WorkerTypePyodide, config: base + "config.json", configIsURL: true},
		{id: "C12 config object", url: "w.py", options: `{"type": "pyodide", "config": {"a": 1}}`,
			wantURL: base + "w.py", interpreter: host.WorkerTypePyodide, config: `{"a":1}`},
		{id: "Q1 alias mpy", url: "w.py", options: `{"type": "mpy"}`, wantURL: base + "w.py", interpreter: host.WorkerTypeMicropython},
		{id: "Q2 inline TOML config is parsed now", url: "w.py", options: `{"type": "py", "config": "a = 1"}`,
			wantURL: base + "w.py", interpreter: host.WorkerTypePyodide, config: `{"a":1}`},
		{id: "C86 id names the worker's script element", url: "w.py", options: `{"type": "mpy", "id": "mpy-w1"}`,
			wantURL: base + "w.py", interpreter: host.WorkerTypeMicropython, scriptID: "mpy-w1"},
		{id: "C66 PyWorker in a worker", url: "x.py", options: `{"type": "pyodide"}`, inWorker: true,
			wantErr: "pyscript.PyWorker works only when running in the main thread"},
		{id: "C69 no type", url: "w.py", options: `{}`, wantErr: `type must be either "micropython" or "pyodide"`},
		{id: "Q1 unknown type names the allowed ones", url: "w.py", options: `{"type": "zzz"}`, wantErr: `"zzz"`},
		{id: "async must be a bool", url: "w.py", options: `{"type": "py", "async": "yes"}`, wantErr: "async"},
		{id: "unknown option", url: "w.py", options: `{"type": "py", "hooks": {}}`, wantErr: "hooks"},
		{id: "hostile worker URL", url: "javascript:alert(1)", options: `{"type": "py"}`, wantErr: "javascript:alert(1)"},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			h := hostmock.Main(hostmock.NewPage(), "pyodide")
			if tc.inWorker {
				h = hostmock.Worker(hostmock.NewPage(), "pyodide", true)
			}
			handle, err := newContext(t, h).PyWorker(ctx, tc.url, tc.options)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error = %v; want one containing %q", err, tc.wantErr)
				}
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
			s := spawned[0]
			if s.URL != tc.wantURL || s.Options.Interpreter != tc.interpreter ||
				s.Options.Config != wantConfig(tc.config, tc.configIsURL) ||
				s.Options.ScriptID.Some != (tc.scriptID != "") || s.Options.ScriptID.Value != tc.scriptID {
				t.Fatalf("spawned %+v", s)
			}
		})
	}
}

// wantConfig is the worker-config a row expects the host to receive.
func wantConfig(text string, isURL bool) host.WorkerConfig {
	switch {
	case text == "":
		return host.WorkerConfig{Kind: host.WorkerConfigUnset}
	case isURL:
		return host.WorkerConfig{Kind: host.WorkerConfigURL, URL: text}
	}
	return host.WorkerConfig{Kind: host.WorkerConfigJSON, JSON: text}
}

func TestPyWorkerHostFailure(t *testing.T) {
	h := hostmock.Main(hostmock.NewPage(), "pyodide")
	h.Workers.Fail = "worker script returned 404"
	_, err := newContext(t, h).PyWorker(ctx, "w.py", `{"type": "py"}`)
	if err == nil || !strings.Contains(err.Error(), "404") {
		t.Fatalf("error = %v; want the host's failure", err)
	}
}
