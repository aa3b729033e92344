// Command witgen generates the Canonical ABI glue of execctx from its WIT.
//
// WIT is the single source of truth for the boundary. From it witgen writes:
//
//   - the public package api: a Go type per WIT type, and a Go interface
//     per imported WIT interface (what a host implements), each with its
//     WIT doc comment, so that go doc shows the boundary;
//   - the shared ABI functions (internal/wittypes): the store, load, lower
//     and lift functions of every type, used by both sides;
//   - the guest glue (standard Go, GOOS=wasip1): //go:wasmimport wrappers for
//     the imported interfaces and //go:wasmexport entry points that call the
//     registered implementation of each exported interface;
//   - the host glue (wazero): the host functions that dispatch to the
//     api interfaces, and an Instance whose methods call the guest's exports;
//   - package host's Imports, the struct an embedder fills;
//   - the Go half of the test bridge that drives the component under jco
//     in Node with the same Go hosts (tests/internal/jcohost).
//
// Usage:
//
//	witgen -wit wit -world execctx -api api -types internal/wittypes \
//	       -guest component/internal/bindings -host host/internal/bindings \
//	       -hostapi host -jco tests/internal/jcohost
//
// It reads WIT with go.bytecodealliance.org/wit, which runs wasm-tools
// inside wazero, so it needs no other binary.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"go.bytecodealliance.org/wit"
)

func main() {
	witDir := flag.String("wit", "wit", "directory of the WIT package")
	world := flag.String("world", "", "world to generate (default: the first)")
	guest := flag.String("guest", "", "output directory of the guest glue")
	host := flag.String("host", "", "output directory of the host glue")
	api := flag.String("api", "", "output directory of the public types and import interfaces")
	hostAPI := flag.String("hostapi", "", "output directory of the host's Imports struct")
	types := flag.String("types", "", "output directory of the shared ABI functions")
	jco := flag.String("jco", "", "output directory of the jco test bridge's Go half")
	flag.Parse()
	dirs := map[string]string{"api": *api, "types": *types, "guest": *guest, "host": *host, "hostapi": *hostAPI, "jco": *jco}
	if err := run(*witDir, *world, dirs); err != nil {
		fmt.Fprintln(os.Stderr, "witgen:", err)
		os.Exit(1)
	}
}

func run(witDir, world string, dirs map[string]string) error {
	res, err := wit.LoadWIT(witDir)
	if err != nil {
		return fmt.Errorf("load %s: %w", witDir, err)
	}
	m, err := buildModel(res, world)
	if err != nil {
		return err
	}
	files, err := generate(m, witDir)
	if err != nil {
		return err
	}
	for _, f := range files {
		dir := dirs[f.side]
		if dir == "" {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, f.name), f.src, 0o644); err != nil {
			return err
		}
	}
	return nil
}
