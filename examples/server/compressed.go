package main

import (
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// An encoding the server can send a file in, when a copy of the file with
// its suffix sits beside it (tools/precompress writes them).
type encoding struct{ name, suffix string }

// encodings in order of preference: brotli is the smaller.
var encodings = []encoding{{"br", ".br"}, {"gzip", ".gz"}}

// precompressed serves a file's brotli or gzip copy in its place, with
// Content-Encoding, when the client accepts that encoding and the copy is
// not older than the file. Everything else goes to next. Every response
// for a file that has copies says Vary: Accept-Encoding, so that a cache
// never hands a compressed body to a client that did not ask for one.
func precompressed(dir string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := filepath.Join(dir, filepath.FromSlash(path.Clean("/"+r.URL.Path)))
		info, err := os.Stat(name)
		if err != nil || !info.Mode().IsRegular() {
			next.ServeHTTP(w, r)
			return
		}
		accepted := r.Header.Get("Accept-Encoding")
		for _, enc := range encodings {
			copyInfo, err := os.Stat(name + enc.suffix)
			if err != nil || copyInfo.ModTime().Before(info.ModTime()) {
				continue
			}
			w.Header().Set("Vary", "Accept-Encoding")
			if !accepts(accepted, enc.name) {
				continue
			}
			f, err := os.Open(name + enc.suffix)
			if err != nil {
				break
			}
			defer f.Close()
			w.Header().Set("Content-Encoding", enc.name)
			// The name keeps the file's own type (application/wasm, not a
			// brotli stream); the copy's time serves If-Modified-Since.
			http.ServeContent(w, r, filepath.Base(name), copyInfo.ModTime(), f)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// accepts reports whether an Accept-Encoding header allows enc (a q=0
// refuses it).
func accepts(header, enc string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), enc) {
			return strings.ReplaceAll(params, " ", "") != "q=0"
		}
	}
	return false
}
