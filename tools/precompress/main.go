// Command precompress writes a brotli (.br, quality 11) and a gzip (.gz,
// level 9) copy beside every .wasm, .js and .mjs file under the given
// directories, as a production site serves them; examples/server sends
// them with Content-Encoding. Copies newer than their file are kept, so
// a rebuild only compresses what changed.
//
//	precompress DIR...
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/execctx/execctx/tools/internal/compress"
)

// exts are the files worth compressing: the rest of a page is small.
var exts = map[string]bool{".wasm": true, ".js": true, ".mjs": true}

// minSize: below it, the headers cost more than compression saves.
const minSize = 1 << 10

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: precompress DIR...")
		os.Exit(2)
	}
	for _, dir := range os.Args[1:] {
		if err := filepath.WalkDir(dir, visit); err != nil {
			fmt.Fprintln(os.Stderr, "precompress:", err)
			os.Exit(1)
		}
	}
}

func visit(path string, d fs.DirEntry, err error) error {
	if err != nil || d.IsDir() || !exts[filepath.Ext(path)] {
		return err
	}
	info, err := d.Info()
	if err != nil || info.Size() < minSize {
		return err
	}
	for _, enc := range encodings {
		if err := write(path, info, enc); err != nil {
			return fmt.Errorf("%s%s: %w", path, enc.ext, err)
		}
	}
	return nil
}

// encoding is one compressed copy: its file suffix and how to make it.
type encoding struct {
	ext      string
	compress func([]byte) ([]byte, error)
}

var encodings = []encoding{{".br", compress.Brotli}, {".gz", compress.Gzip}}

// write compresses path into path+enc.ext unless that copy is up to date.
func write(path string, info fs.FileInfo, enc encoding) error {
	if out, err := os.Stat(path + enc.ext); err == nil && out.ModTime().After(info.ModTime()) {
		return nil
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	packed, err := enc.compress(raw)
	if err != nil {
		return err
	}
	return os.WriteFile(path+enc.ext, packed, 0o644)
}
