//go:build wasip1

// Command component is the execctx context component's boundary: it
// registers the Go implementation of the exported context interface and
// adapts the generated WIT bindings to the plain-Go logic packages under
// internal/. It holds no context logic of its own.
//
// Build it with GOOS=wasip1 GOARCH=wasm -buildmode=c-shared (see the
// Makefile); main never runs, Go's runtime starts in _initialize.
package main

import "github.com/execctx/execctx/component/internal/bindings"

func init() {
	bindings.ExportContext(newContext())
}

func main() {}
