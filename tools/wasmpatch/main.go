// Command wasmpatch adds cabi_realloc_adapter to a Go wasip1 core module.
//
// The WASI preview1 adapter that turns the module into a component
// allocates its state through cabi_realloc on its first WASI call. Go makes
// that call inside _initialize, before its runtime can serve cabi_realloc,
// and the module crashes. When the module exports cabi_realloc_adapter,
// wit-component hands that to the adapter instead. This tool appends one:
// a bump allocator over an arena the guest reserves in its data segment
// (component/internal/guestabi/arena.go), found by its magic bytes. Go's
// heap never touches the arena, and appending needs no renumbering.
// Last, it joins data segments that lie a few zeros apart (MergeGap).
//
// Usage:
//
//	wasmpatch IN.wasm OUT.wasm
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: wasmpatch IN.wasm OUT.wasm")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "wasmpatch:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	module, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	patched, err := patch(module)
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	return os.WriteFile(out, patched, 0o644)
}
