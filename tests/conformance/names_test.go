package conformance

import (
	"testing"

	"github.com/execctx/execctx/api"
	"github.com/execctx/execctx/host/hostmock"
)

// TestInterpreter: the one table of interpreter names and aliases, which
// hosts ask before they can describe the realm (the hosts here report
// nothing).
func TestInterpreter(t *testing.T) {
	tests := []struct {
		id, name string
		want     api.InterpreterNames
		wantErr  string
	}{
		{id: "C08 micropython", name: "micropython", want: api.InterpreterNames{Name: "micropython", ScriptType: "mpy"}},
		{id: "C08 alias mpy", name: "mpy", want: api.InterpreterNames{Name: "micropython", ScriptType: "mpy"}},
		{id: "C08 pyodide", name: "pyodide", want: api.InterpreterNames{Name: "pyodide", ScriptType: "py"}},
		{id: "C08 alias py", name: "py", want: api.InterpreterNames{Name: "pyodide", ScriptType: "py"}},
		{id: "none", name: "", want: api.InterpreterNames{ScriptType: "py"}},
		{id: "a JS module worker has none", name: "module", want: api.InterpreterNames{ScriptType: "py"}},
		{id: "unknown", name: "cpython", wantErr: `execctx: interpreter must be "micropython" or "pyodide" (aliases "mpy", "py"); got "cpython"`},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			h := &hostmock.Hosts{Env: &hostmock.Environment{}, Page: hostmock.NewPage(), Spawner: &hostmock.Spawner{}, Fetch: &hostmock.Fetcher{}}
			got, err := newContext(t, h).Interpreter(ctx, tc.name)
			if tc.wantErr != "" {
				checkErr(t, err, tc.wantErr, false)
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("Interpreter(%q) = %+v, %v; want %+v", tc.name, got, err, tc.want)
			}
		})
	}
}
