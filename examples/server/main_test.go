package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// newServer serves a small tree laid out like the repository: the npm
// package, the test pages and the demo, plus one mount.
func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	root := t.TempDir()
	for name, body := range map[string]string{
		"npm/dist/index.js":                    "export {};",
		"npm/dist/service-worker.js":           "\"use strict\";",
		"npm/dist/component/core.wasm":         "\x00asm",
		"npm/node_modules/dep/index.js":        "export {};",
		"npm/node_modules/pyodide/pyodide.mjs": "export {};",
		"npm/node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs": "export {};",
		"tests/browser/pages/page.mjs": "export {};",
		"examples/web/index.html":      "<!doctype html><title>demo</title>",
		"examples/web/sub/local.js":    "export {};",
		"mounted/lib.js":               "export {};",
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m, err := ParseMount("/lib/=" + filepath.Join(root, "mounted"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(Handler(root, m))
	t.Cleanup(srv.Close)
	return srv
}

// get fetches path without following redirects.
func get(t *testing.T, srv *httptest.Server, path string) *http.Response {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func TestHeadersPerMode(t *testing.T) {
	srv := newServer(t)
	const csp = "script-src 'self' 'wasm-unsafe-eval'"
	isolation := map[string]string{
		"Cross-Origin-Opener-Policy":   "same-origin",
		"Cross-Origin-Embedder-Policy": "require-corp",
		"Cross-Origin-Resource-Policy": "same-origin",
	}
	for _, mode := range []string{"coi", "plain", "csp"} {
		for _, path := range []string{"/", "/execctx/dist/index.js", "/tests/page.mjs", "/lib/lib.js"} {
			resp := get(t, srv, "/"+mode+path)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("%s%s: status %d", mode, path, resp.StatusCode)
			}
			for name, want := range isolation {
				if mode == "plain" {
					want = ""
				}
				if got := resp.Header.Get(name); got != want {
					t.Errorf("/%s%s: %s = %q, want %q", mode, path, name, got, want)
				}
			}
			wantCSP := map[bool]string{true: csp}[mode == "csp"]
			if got := resp.Header.Get("Content-Security-Policy"); got != wantCSP {
				t.Errorf("/%s%s: Content-Security-Policy = %q, want %q", mode, path, got, wantCSP)
			}
		}
	}
}

func TestMIMETypes(t *testing.T) {
	srv := newServer(t)
	for path, want := range map[string]string{
		"/coi/execctx/dist/component/core.wasm": "application/wasm",
		"/coi/execctx/dist/index.js":            "text/javascript; charset=utf-8",
		// the interpreters, beside the package as npm installs them
		"/coi/pyodide/pyodide.mjs": "text/javascript; charset=utf-8",
		"/csp/@micropython/micropython-webassembly-pyscript/micropython.mjs": "text/javascript; charset=utf-8",
		"/plain/tests/page.mjs": "text/javascript; charset=utf-8",
		"/csp/":                 "text/html; charset=utf-8",
		// the relay's service worker: a browser registers only a JavaScript type
		"/plain/execctx/dist/service-worker.js": "text/javascript; charset=utf-8",
	} {
		if got := get(t, srv, path).Header.Get("Content-Type"); got != want {
			t.Errorf("%s: Content-Type %q, want %q", path, got, want)
		}
	}
}

func TestNoDirectoryListings(t *testing.T) {
	srv := newServer(t)
	for _, path := range []string{"/coi/execctx/node_modules/", "/coi/execctx/", "/plain/tests/", "/csp/sub/", "/coi/lib/", "/coi/pyodide/"} {
		resp := get(t, srv, path)
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404; body %.80q", path, resp.StatusCode, body)
		}
	}
	// A directory with an index.html serves that page.
	if body, _ := io.ReadAll(get(t, srv, "/plain/").Body); !strings.Contains(string(body), "<title>demo</title>") {
		t.Errorf("/plain/: body %q, want the demo's index.html", body)
	}
}

func TestDotDotRefused(t *testing.T) {
	srv := newServer(t)
	for _, path := range []string{"/coi/../npm/dist/index.js", "/coi/%2e%2e/%2e%2e/go.mod", "/plain/tests/..%2f..%2fnpm/dist/index.js", "/../coi/"} {
		if resp := get(t, srv, path); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", path, resp.StatusCode)
		}
	}
	// ".." inside a name is no traversal.
	if resp := get(t, srv, "/coi/a..b.js"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("/coi/a..b.js: status %d, want 404", resp.StatusCode)
	}
}

func TestRootRedirectsToIsolated(t *testing.T) {
	resp := get(t, newServer(t), "/")
	if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/coi/" {
		t.Errorf("/: %d to %q, want 302 to /coi/", resp.StatusCode, resp.Header.Get("Location"))
	}
}

func TestParseMount(t *testing.T) {
	if m, err := ParseMount("/lib/=some/dir"); err != nil || m != (Mount{"/lib/", "some/dir"}) {
		t.Errorf("ParseMount(/lib/=some/dir) = %+v, %v", m, err)
	}
	for v, want := range map[string]string{
		"/lib/":    `mount "/lib/": want /prefix/=dir, with an =`,
		"lib/=dir": `mount "lib/=dir": the prefix must look like /name/`,
		"/lib=dir": `mount "/lib=dir": the prefix must look like /name/`,
		"/=dir":    `mount "/=dir": the prefix must look like /name/`,
		"/lib/=":   `mount "/lib/=": the directory is empty`,
	} {
		if _, err := ParseMount(v); err == nil || err.Error() != want {
			t.Errorf("ParseMount(%q) = %v, want %q", v, err, want)
		}
	}
	// The flag rejects it while the command line is parsed.
	var m mountFlag
	if err := m.Set("/lib/"); err == nil {
		t.Error("mountFlag.Set accepted a mount without =")
	}
}
