module github.com/execctx/execctx/tests/wasmtime

go 1.26

toolchain go1.26.8

require github.com/bytecodealliance/wasmtime-go/v44 v44.0.0
