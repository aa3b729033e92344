package interpreters

import "testing"

func TestOfContext(t *testing.T) {
	tests := []struct {
		name, want, err string
	}{
		{name: "micropython", want: MicroPython},
		{name: "mpy", want: MicroPython},
		{name: "pyodide", want: Pyodide},
		{name: "py", want: Pyodide},
		{name: "", want: ""},
		{name: "module", want: ""},
		{name: "MPY", err: `execctx: interpreter must be "micropython" or "pyodide" (aliases "mpy", "py"); got "MPY"`},
		{name: "cpython", err: `execctx: interpreter must be "micropython" or "pyodide" (aliases "mpy", "py"); got "cpython"`},
	}
	for _, tc := range tests {
		got, err := OfContext(tc.name)
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("OfContext(%q) = %q, %v; want error %q", tc.name, got, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("OfContext(%q) = %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
}

// TestScriptType: C10, config["type"] follows the interpreter.
func TestScriptType(t *testing.T) {
	for interpreter, want := range map[string]string{MicroPython: "mpy", Pyodide: "py", "": "py"} {
		if got := ScriptType(interpreter); got != want {
			t.Errorf("ScriptType(%q) = %q, want %q", interpreter, got, want)
		}
	}
}

func TestResolveRefusesWhatIsNoInterpreter(t *testing.T) {
	for _, name := range []string{"", "module", "Pyodide", " py"} {
		if got, ok := Resolve(name); ok {
			t.Errorf("Resolve(%q) = %q; want no interpreter", name, got)
		}
	}
}
