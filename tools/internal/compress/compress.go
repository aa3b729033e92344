// Package compress is how execctx's tools compress what a page downloads:
// Go's gzip at level 9 and brotli at quality 11. tools/sizes measures
// with it and tools/precompress writes the copies examples/server sends,
// so the sizes printed are the bytes served.
package compress

import (
	"bytes"
	"compress/gzip"
	"io"

	"github.com/andybalholm/brotli"
)

// Gzip returns b compressed by Go's gzip at level 9.
func Gzip(b []byte) ([]byte, error) {
	return with(b, func(w io.Writer) io.WriteCloser {
		z, _ := gzip.NewWriterLevel(w, gzip.BestCompression) // a valid level: no error
		return z
	})
}

// Brotli returns b compressed by brotli at quality 11.
func Brotli(b []byte) ([]byte, error) {
	return with(b, func(w io.Writer) io.WriteCloser { return brotli.NewWriterLevel(w, brotli.BestCompression) })
}

func with(b []byte, newWriter func(io.Writer) io.WriteCloser) ([]byte, error) {
	var out bytes.Buffer
	w := newWriter(&out)
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
