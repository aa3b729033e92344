package main

import (
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"path/filepath"
	"strings"
)

func init() {
	// Module scripts and workers need a JavaScript type, and streaming
	// compilation needs application/wasm; the system's mime.types may say
	// otherwise (or nothing), so these are fixed here.
	for ext, typ := range map[string]string{".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm"} {
		if err := mime.AddExtensionType(ext, typ); err != nil {
			panic(err)
		}
	}
}

// Mount is an extra directory served under Prefix in every mode.
type Mount struct {
	Prefix string // "/name/": starts and ends with a slash
	Dir    string
}

// ParseMount reads "/prefix/=dir".
func ParseMount(v string) (Mount, error) {
	prefix, dir, ok := strings.Cut(v, "=")
	switch {
	case !ok:
		return Mount{}, fmt.Errorf("mount %q: want /prefix/=dir, with an =", v)
	case !strings.HasPrefix(prefix, "/") || !strings.HasSuffix(prefix, "/") || len(prefix) < 3:
		return Mount{}, fmt.Errorf("mount %q: the prefix must look like /name/", v)
	case dir == "":
		return Mount{}, fmt.Errorf("mount %q: the directory is empty", v)
	}
	return Mount{Prefix: prefix, Dir: dir}, nil
}

// interpreters are the npm packages of the interpreters execctx runs (its
// optional peer dependencies), served from npm/node_modules.
var interpreters = []string{"@micropython/micropython-webassembly-pyscript", "pyodide"}

// Handler serves root's npm package, the interpreters beside it, test
// pages and demo under /coi/, /plain/ and /csp/, plus each mount, and
// redirects / to /coi/.
func Handler(root string, mounts ...Mount) http.Handler {
	files := http.NewServeMux()
	for _, m := range mounts {
		files.Handle(m.Prefix, http.StripPrefix(m.Prefix, fileServer(m.Dir)))
	}
	files.Handle("/execctx/", http.StripPrefix("/execctx/", fileServer(filepath.Join(root, "npm"))))
	// The interpreter packages beside the package, where an installed
	// site has them (node_modules/execctx next to node_modules/pyodide)
	// and where the facade loads them from.
	for _, peer := range interpreters {
		files.Handle("/"+peer+"/", http.StripPrefix("/"+peer+"/", fileServer(filepath.Join(root, "npm", "node_modules", filepath.FromSlash(peer)))))
	}
	files.Handle("/tests/", http.StripPrefix("/tests/", fileServer(filepath.Join(root, "tests", "browser", "pages"))))
	files.Handle("/", fileServer(filepath.Join(root, "examples", "web")))

	mux := http.NewServeMux()
	mux.Handle("/coi/", http.StripPrefix("/coi", isolated(revalidate(files))))
	mux.Handle("/plain/", http.StripPrefix("/plain", revalidate(files)))
	mux.Handle("/csp/", http.StripPrefix("/csp", strictCSP(isolated(revalidate(files)))))
	mux.Handle("/", http.RedirectHandler("/coi/", http.StatusFound))
	return refuseDotDot(mux)
}

// fileServer serves dir without directory listings, sending a file's
// precompressed copy where there is one.
func fileServer(dir string) http.Handler {
	return precompressed(dir, http.FileServer(noListing{http.Dir(dir)}))
}

// noListing hides directories that have no index.html, so that
// http.FileServer answers 404 for them instead of listing their files
// (node_modules, say).
type noListing struct{ http.FileSystem }

func (n noListing) Open(name string) (http.File, error) {
	f, err := n.FileSystem.Open(name)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err == nil && st.IsDir() {
		var index http.File
		if index, err = n.FileSystem.Open(path.Join(name, "index.html")); err == nil {
			index.Close()
		} else {
			err = fs.ErrNotExist
		}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// refuseDotDot answers 400 to a path with a ".." segment, escaped or not,
// before the mux would redirect it to its cleaned form.
func refuseDotDot(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, seg := range strings.FieldsFunc(r.URL.Path, func(c rune) bool { return c == '/' || c == '\\' }) {
			if seg == ".." {
				http.Error(w, "bad path", http.StatusBadRequest)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
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

// revalidate lets the browser keep every response, and so the code it
// compiled from it, but ask each time whether it changed: an unchanged
// file costs a 304, and a rebuilt package is never served stale.
func revalidate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		next.ServeHTTP(w, r)
	})
}
