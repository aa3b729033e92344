package jcohost

import (
	"fmt"
	"os"
	"path/filepath"
)

// WasmtimeEnv names tests/wasmtime's bridge binary (make test-wasmtime
// builds it and sets this): the suites then run the component under
// Wasmtime too, through the same wire and Go fakes.
const WasmtimeEnv = "EXECCTX_WASMTIME_BRIDGE"

// Wasmtime starts the Wasmtime bridge named by WasmtimeEnv on the built
// component (EXECCTX_WASMTIME_COMPONENT, else build/execctx.component.wasm),
// and returns the component's path for messages. With WasmtimeEnv unset it
// returns a nil Runtime.
func Wasmtime() (*Runtime, string, error) {
	bridge := os.Getenv(WasmtimeEnv)
	if bridge == "" {
		return nil, "", nil
	}
	component := os.Getenv("EXECCTX_WASMTIME_COMPONENT")
	if component == "" {
		component = filepath.Join(sourceDir(), "..", "..", "..", "build", "execctx.component.wasm")
	}
	rt, err := NewRuntime(Options{Command: []string{bridge, component}})
	if err != nil {
		return nil, "", fmt.Errorf("wasmtime engine: %w", err)
	}
	return rt, component, nil
}
