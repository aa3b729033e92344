// Command precompress writes a brotli (.br, quality 11) and a gzip (.gz,
// level 9) copy beside every .wasm, .js and .mjs file under the given
// directories, as a production site serves them; examples/server sends
// them with Content-Encoding. Copies newer than their file are kept, so
// a rebuild only compresses what changed.
//
//	precompress DIR...
package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/andybalholm/brotli"
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

// encoding is one compressed copy: its file suffix and its writer.
type encoding struct {
	ext       string
	newWriter func(io.Writer) io.WriteCloser
}

var encodings = []encoding{
	{".br", func(w io.Writer) io.WriteCloser { return brotli.NewWriterLevel(w, brotli.BestCompression) }},
	{".gz", func(w io.Writer) io.WriteCloser {
		z, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
		return z
	}},
}

// write compresses path into path+enc.ext unless that copy is up to date.
func write(path string, info fs.FileInfo, enc encoding) error {
	if out, err := os.Stat(path + enc.ext); err == nil && out.ModTime().After(info.ModTime()) {
		return nil
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	w := enc.newWriter(&b)
	if _, err := w.Write(raw); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return os.WriteFile(path+enc.ext, b.Bytes(), 0o644)
}
