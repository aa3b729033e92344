//go:build wasip1

// Command trivial is the smallest useful Go reactor: one exported
// function and nothing else. Built like execctx's core (GOOS=wasip1,
// -buildmode=c-shared, the same flags), it is the floor that Go's own
// runtime sets on start-up: what any Go guest costs before it does
// anything. The benchmarks in gofloor and tests/bench/node-bench.mjs run
// it beside the core.
package main

//go:wasmexport add
func add(a, b int32) int32 { return a + b }

func main() {}
