package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// compressedServer serves a file with brotli and gzip copies, and one
// whose copy is older than the file (stale, so never sent).
func compressedServer(t *testing.T) *httptest.Server {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "npm", "dist")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	for name, body := range map[string]string{
		"core.wasm": "\x00asm raw", "core.wasm.br": "BROTLI", "core.wasm.gz": "GZIP",
		"stale.js.br": "STALE", "stale.js": "export {};",
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if name == "stale.js.br" || name == "core.wasm" {
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	srv := httptest.NewServer(Handler(root))
	t.Cleanup(srv.Close)
	return srv
}

func fetch(t *testing.T, url string, header map[string]string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultTransport.RoundTrip(req) // no transparent gzip
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func TestPrecompressedCopies(t *testing.T) {
	srv := compressedServer(t)
	wasm := srv.URL + "/coi/execctx/dist/core.wasm"
	for _, tc := range []struct {
		name, accept, path, encoding, body string
	}{
		{"brotli first", "gzip, deflate, br", wasm, "br", "BROTLI"},
		{"gzip when brotli is not accepted", "gzip", wasm, "gzip", "GZIP"},
		{"brotli refused with q=0", "br;q=0, gzip", wasm, "gzip", "GZIP"},
		{"the file itself without Accept-Encoding", "", wasm, "", "\x00asm raw"},
		{"never a copy older than its file", "br", srv.URL + "/plain/execctx/dist/stale.js", "", "export {};"},
	} {
		resp, body := fetch(t, tc.path, map[string]string{"Accept-Encoding": tc.accept})
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Encoding") != tc.encoding || body != tc.body {
			t.Errorf("%s: %d, Content-Encoding %q, body %q; want %q, %q", tc.name, resp.StatusCode, resp.Header.Get("Content-Encoding"), body, tc.encoding, tc.body)
		}
		if tc.path == wasm && (resp.Header.Get("Vary") != "Accept-Encoding" || resp.Header.Get("Content-Type") != "application/wasm") {
			t.Errorf("%s: Vary %q, Content-Type %q", tc.name, resp.Header.Get("Vary"), resp.Header.Get("Content-Type"))
		}
		if got := resp.Header.Get("Cache-Control"); got != "no-cache" {
			t.Errorf("%s: Cache-Control %q, want no-cache (kept, but revalidated)", tc.name, got)
		}
	}
}

// TestRepeatVisitRevalidates: a browser's conditional request for a file
// it keeps gets 304, compressed copy or not.
func TestRepeatVisitRevalidates(t *testing.T) {
	srv := compressedServer(t)
	for _, accept := range []string{"br", ""} {
		first, _ := fetch(t, srv.URL+"/coi/execctx/dist/core.wasm", map[string]string{"Accept-Encoding": accept})
		again, body := fetch(t, srv.URL+"/coi/execctx/dist/core.wasm", map[string]string{
			"Accept-Encoding": accept, "If-Modified-Since": first.Header.Get("Last-Modified")})
		if again.StatusCode != http.StatusNotModified || body != "" {
			t.Errorf("Accept-Encoding %q: repeat visit got %d with %d bytes, want 304 and none", accept, again.StatusCode, len(body))
		}
	}
}
