// Command sizes prints the raw, gzip and brotli sizes of files, as a page
// would download them: `make bench` runs it on the core module, the
// component and the npm package's bundle. It prints; it never judges. The gzip column is Go's
// compress/gzip at its best compression (level 9), which comes out about
// 1 % larger than GNU gzip -9 on these modules; brotli is
// github.com/andybalholm/brotli at quality 11.
//
//	sizes FILE...
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/execctx/execctx/tools/internal/compress"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: sizes FILE...")
		os.Exit(2)
	}
	fmt.Printf("%-28s %12s %12s %12s\n", "artifact", "raw", "Go gzip -9", "brotli -11")
	for _, path := range os.Args[1:] {
		raw, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "sizes:", err)
			os.Exit(1)
		}
		gz, br := compressed(raw)
		fmt.Printf("%-28s %12d %12d %12d\n", filepath.Base(path), len(raw), gz, br)
	}
}

// compressed returns the sizes of b compressed as tools/precompress
// compresses what examples/server sends.
func compressed(b []byte) (gz, br int) {
	g, err := compress.Gzip(b)
	if err != nil {
		panic(err) // writing to memory does not fail
	}
	r, err := compress.Brotli(b)
	if err != nil {
		panic(err)
	}
	return len(g), len(r)
}
