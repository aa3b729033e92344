// Command server serves the execctx demo and browser test pages on
// localhost, with or without cross-origin isolation:
//
//	/coi/...    COOP same-origin and COEP require-corp (SharedArrayBuffer works)
//	/plain/...  no isolation headers (workers fall back to async-only)
//	/csp/...    isolated, with a strict Content-Security-Policy (no eval)
//
// Under either prefix, /execctx/ is the built npm package (npm/), /tests/
// the browser test pages, and everything else the demo (examples/web).
//
//	go run ./examples/server -addr 127.0.0.1:8080
package main

import (
	"flag"
	"fmt"
	"log"
	"mime"
	"net"
	"net/http"
	"path/filepath"
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
	// The first line tells scripts (and people) where it listens.
	fmt.Printf("execctx server on http://%s/coi/ (isolated) and http://%s/plain/\n", ln.Addr(), ln.Addr())
	log.Fatal(http.Serve(ln, Handler(*root, mounts...)))
}

// mountFlag collects -mount /prefix/=dir values.
type mountFlag []string

func (m *mountFlag) String() string     { return strings.Join(*m, ",") }
func (m *mountFlag) Set(v string) error { *m = append(*m, v); return nil }

func init() {
	// Go knows .wasm; these matter for module scripts and workers.
	for ext, typ := range map[string]string{".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm"} {
		if err := mime.AddExtensionType(ext, typ); err != nil {
			panic(err)
		}
	}
}

// Handler serves root's npm package, test pages and demo under /coi/,
// /plain/ and /csp/, plus each mount ("/prefix/=dir").
func Handler(root string, mounts ...string) http.Handler {
	files := http.NewServeMux()
	for _, m := range mounts {
		prefix, dir, _ := strings.Cut(m, "=")
		files.Handle(prefix, http.StripPrefix(prefix, http.FileServer(http.Dir(dir))))
	}
	files.Handle("/execctx/", http.StripPrefix("/execctx/", http.FileServer(http.Dir(filepath.Join(root, "npm")))))
	files.Handle("/tests/", http.StripPrefix("/tests/", http.FileServer(http.Dir(filepath.Join(root, "tests", "browser", "pages")))))
	files.Handle("/", http.FileServer(http.Dir(filepath.Join(root, "examples", "web"))))

	mux := http.NewServeMux()
	mux.Handle("/coi/", http.StripPrefix("/coi", isolated(noCache(files))))
	mux.Handle("/plain/", http.StripPrefix("/plain", noCache(files)))
	mux.Handle("/csp/", http.StripPrefix("/csp", strictCSP(isolated(noCache(files)))))
	mux.Handle("/", http.RedirectHandler("/coi/", http.StatusFound))
	return mux
}

// isolated adds the headers that make a page cross-origin isolated.
func isolated(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cross-Origin-Opener-Policy", "same-origin")
		w.Header().Set("Cross-Origin-Embedder-Policy", "require-corp")
		w.Header().Set("Cross-Origin-Resource-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// strictCSP forbids eval and Function: only same-origin scripts and wasm
// compilation may run, as on a locked-down site.
func strictCSP(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "script-src 'self' 'wasm-unsafe-eval'")
		next.ServeHTTP(w, r)
	})
}

// noCache keeps a rebuilt package from being served stale during development.
func noCache(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		if strings.Contains(r.URL.Path, "..") {
			http.Error(w, "bad path", http.StatusBadRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}
