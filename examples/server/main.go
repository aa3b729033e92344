// Command server serves the execctx demo and browser test pages on
// localhost, with or without cross-origin isolation:
//
//	/coi/...    COOP same-origin and COEP require-corp (SharedArrayBuffer works)
//	/plain/...  no isolation headers (workers fall back to async-only)
//	/csp/...    isolated, with a strict Content-Security-Policy (no eval)
//
// Under each prefix, /execctx/ is the built npm package (npm/), /tests/
// the browser test pages, and everything else the demo (examples/web).
// The package's service worker, /execctx/dist/service-worker.js, needs
// nothing special: its default scope, its own folder, holds the workers'
// script, which is what the relay needs (README, "The service-worker
// relay: blocking calls without the headers").
// Directories are never listed. A file with a precompressed copy beside
// it (file.br, file.gz: tools/precompress) goes out in that encoding to a
// client that accepts it. Responses may be cached, but are revalidated.
//
//	go run ./examples/server -addr 127.0.0.1:8080
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"strings"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on (keep it on loopback)")
	root := flag.String("root", ".", "the repository's root")
	var mounts mountFlag
	flag.Var(&mounts, "mount", "also serve a directory, as /prefix/=dir (repeatable; the benchmarks mount coincident)")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	// The first line tells scripts (and people) where it listens; the
	// tests and the benchmark read the first URL of it.
	a := ln.Addr()
	fmt.Printf("execctx server on http://%s/coi/ (isolated), http://%s/plain/ (not isolated) and http://%s/csp/ (isolated, strict CSP)\n", a, a, a)
	log.Fatal(http.Serve(ln, Handler(*root, mounts...)))
}

// mountFlag collects -mount /prefix/=dir values, rejecting malformed ones
// when the flags are parsed.
type mountFlag []Mount

func (m *mountFlag) String() string {
	parts := make([]string, len(*m))
	for i, v := range *m {
		parts[i] = v.Prefix + "=" + v.Dir
	}
	return strings.Join(parts, ",")
}

func (m *mountFlag) Set(v string) error {
	mount, err := ParseMount(v)
	if err != nil {
		return err
	}
	*m = append(*m, mount)
	return nil
}
