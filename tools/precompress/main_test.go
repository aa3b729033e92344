package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

func TestCopiesDecompressToTheFile(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("export const x = 1;\n", 200)
	files := map[string]string{"a.js": big, "b.wasm": big, "small.js": "x", "page.html": big}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := filepath.WalkDir(dir, visit); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{"a.js": true, "b.wasm": true, "small.js": false, "page.html": false} {
		for _, enc := range []string{".br", ".gz"} {
			raw, err := os.ReadFile(filepath.Join(dir, name+enc))
			if !want {
				if err == nil {
					t.Errorf("%s%s written, though it is too small or not a script", name, enc)
				}
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			var r io.Reader = brotli.NewReader(bytes.NewReader(raw))
			if enc == ".gz" {
				if r, err = gzip.NewReader(bytes.NewReader(raw)); err != nil {
					t.Fatal(err)
				}
			}
			got, err := io.ReadAll(r)
			if err != nil || string(got) != files[name] || len(raw) >= len(got) {
				t.Errorf("%s%s: %d bytes decompress to %d (err %v), want the file's %d", name, enc, len(raw), len(got), err, len(files[name]))
			}
		}
	}
}

func TestUpToDateCopiesAreKept(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.js")
	if err := os.WriteFile(file, []byte(strings.Repeat("x", 2048)), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	_ = os.Chtimes(file, old, old)
	if err := os.WriteFile(file+".br", []byte("kept"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := filepath.WalkDir(dir, visit); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(file + ".br"); string(got) != "kept" {
		t.Errorf("an up-to-date copy was rewritten")
	}
	if _, err := os.Stat(file + ".gz"); err != nil {
		t.Errorf("the missing gzip copy was not written: %v", err)
	}
}
