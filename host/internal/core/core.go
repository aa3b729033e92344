// Package core embeds the execctx core module: the context logic built for
// GOOS=wasip1, before it is wrapped as a component. It is committed so that
// `go get` needs no build step; `make build` rebuilds it reproducibly and
// CI fails when the committed bytes differ.
package core

import _ "embed"

// Wasm is the core module's bytes.
//
//go:embed execctx.core.wasm
var Wasm []byte
