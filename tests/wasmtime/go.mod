module github.com/execctx/execctx/tests/wasmtime

go 1.26

toolchain go1.26.8

require github.com/bytecodealliance/wasmtime-go/v44 v44.0.0

// The bridges' shared JSON form of floats (tests/internal/jsonfloat),
// from this repository's own module.
require github.com/execctx/execctx v0.0.0

replace github.com/execctx/execctx => ../..
