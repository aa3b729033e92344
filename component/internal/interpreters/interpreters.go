// Package interpreters is the one place that names the Python
// interpreters: the names and aliases users give (createContext's
// interpreter, PyWorker's and runPython's type) and the script and config
// type each interpreter has ("mpy" or "py"). The JS facade keeps no table
// of its own; it asks the component (the context interface's interpreter
// export).
package interpreters

import (
	"errors"
	"strconv"
)

// The interpreters, by the names the environment report and PyWorker's
// worker-type use.
const (
	MicroPython = "micropython"
	Pyodide     = "pyodide"
)

// Accepted lists the accepted names for messages.
const Accepted = `"micropython" or "pyodide" (aliases "mpy", "py")`

// names maps every accepted name, aliases included, to the interpreter.
// The aliases are PyScript's script types, which its users know.
var names = map[string]string{
	MicroPython: MicroPython, "mpy": MicroPython,
	Pyodide: Pyodide, "py": Pyodide,
}

// Resolve returns the interpreter a name or alias stands for.
func Resolve(name string) (string, bool) {
	i, ok := names[name]
	return i, ok
}

// ScriptType is PyScript's type for an interpreter: "mpy" for MicroPython
// and "py" otherwise, also without an interpreter. It names config tags
// (<mpy-config>), script types and the ids of output elements, and it is
// config["type"] (spec §3.6).
func ScriptType(interpreter string) string {
	if interpreter == MicroPython {
		return "mpy"
	}
	return "py"
}

// Module is PyWorker's type for a worker that runs a JS module: such a
// worker's context has no interpreter.
const Module = "module"

// OfContext resolves a context's interpreter option: a name or alias, or
// "" or Module for none (a JS context). It returns "" for none.
func OfContext(name string) (string, error) {
	if name == "" || name == Module {
		return "", nil
	}
	if i, ok := Resolve(name); ok {
		return i, nil
	}
	return "", errors.New("execctx: interpreter must be " + Accepted + "; got " + strconv.Quote(name))
}
