// Command wasmtime-bridge runs the execctx component under Wasmtime, a
// Component Model runtime, for the Go tests. It speaks the wire of
// tests/internal/jcohost (protocol.go there) as bridge.mjs does for jco,
// so the conformance suite runs its cases, with the same Go fakes, under a
// third engine and compares the answers call for call.
//
// It uses Wasmtime's C API from the static library that the Go module
// github.com/bytecodealliance/wasmtime-go/v44 ships (that module's Go API
// does not wrap components). The component gets Wasmtime's own WASIp2
// with no arguments, no environment and no preopened directories (as the
// npm package's WASI gives it), stdout and stderr are the bridge's (the Go
// half collects them), and every function of the execctx:context
// interfaces it imports asks the Go half over the wire.
//
//	wasmtime-bridge build/execctx.component.wasm   (fd 3: from Go, fd 4: to Go)
//
// This directory is a module of its own, so that the main module's
// `go test ./...` and `go vet ./...` stay pure Go. `make test-wasmtime`
// builds it with CGO_CFLAGS naming the C headers in the module cache's
// copy of wasmtime-go (a #cgo line cannot name another module's
// directory); linking comes from importing that module.
package main

import (
	"fmt"
	"os"

	_ "github.com/bytecodealliance/wasmtime-go/v44" // links libwasmtime.a
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: wasmtime-bridge COMPONENT.wasm (fd 3 and 4: the jcohost wire)")
		os.Exit(2)
	}
	w := newWire(os.NewFile(3, "from-go"), os.NewFile(4, "to-go"))
	e, err := newEngine(os.Args[1], w)
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmtime-bridge:", err)
		os.Exit(1)
	}
	if err := serve(e, w); err != nil {
		fmt.Fprintln(os.Stderr, "wasmtime-bridge:", err)
		os.Exit(1)
	}
}

// serve answers ops until Go sends exit or closes the pipe.
func serve(e *engine, w *wire) error {
	if err := w.send(map[string]any{"ok": "ready"}); err != nil {
		return err
	}
	for {
		op, err := w.receive()
		if err != nil {
			return err
		}
		if op == nil || op["op"] == "exit" {
			return nil
		}
		if err := w.send(e.run(op)); err != nil {
			return err
		}
	}
}
